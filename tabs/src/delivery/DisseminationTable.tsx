import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { useState } from 'react';
import { byIds, useFocusAfterRender, useTableStyles, VisuallyHidden } from '../shared/formKit';
import { SavedNote, unsavedChange, type SavedInfo } from '../shared/SavedNote';
import { LIMITS, newKey, type DraftDisseminator } from './deliveryDraft';

// "Spredning af læring til basis": who tells about the learning, where (channel) and when — one row each. A row deleted
// says so beside "Tilføj række" until the delivery is saved (the rows are part of its draft).

const useStyles = makeStyles({
  table: { minWidth: '560px' },
  muted: { margin: '4px 0', color: tokens.colorNeutralForeground2 },
  add: { marginTop: '8px', display: 'flex', gap: '8px 12px', flexWrap: 'wrap', alignItems: 'center' },
});

type Column = 'who' | 'channel' | 'when';
const COLUMNS: Column[] = ['who', 'channel', 'when'];
const cellId = (row: DraftDisseminator, part: Column | 'remove') => `delivery-row-${row.key}-${part}`;

interface Props {
  rows: DraftDisseminator[];
  errors: Record<string, string>;
  onChange: (rows: DraftDisseminator[]) => void;
  /** The delivery has changes that are not saved: while so, the last deletion is said beside "Tilføj række". */
  dirty: boolean;
  describedBy: string;
}

export function DisseminationTable({ rows, errors, onChange, dirty, describedBy }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const focusAfter = useFocusAfterRender();
  const header = (column: Column) => t(`delivery.${column}`);
  const [removed, setRemoved] = useState<SavedInfo>();

  const add = () => {
    const row = { key: newKey('row'), who: '', channel: '', when: '' };
    onChange([...rows, row]);
    focusAfter(() => byIds(cellId(row, 'who')));
  };
  const remove = (index: number) => {
    const next = rows.filter((_row, i) => i !== index);
    onChange(next);
    setRemoved(unsavedChange(t('tab.delivery.rowRemoved', { number: index + 1 })));
    const neighbour = next[index] ?? next[index - 1];
    focusAfter(() => byIds(neighbour && cellId(neighbour, 'remove'), 'delivery-add-row'));
  };

  return (
    <>
      {rows.length === 0 ? (
        <p className={styles.muted}>{t('tab.delivery.dissemination.none')}</p>
      ) : (
        <div className={table.wrap}>
          <table className={`${table.table} ${styles.table}`} aria-describedby={describedBy}>
            <caption className={table.caption}>
              <VisuallyHidden>{t('delivery.dissemination')}</VisuallyHidden>
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className={table.th}>
                    {header(column)}
                  </th>
                ))}
                <th scope="col" className={table.th}>
                  <VisuallyHidden>{t('tab.delivery.rowActions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key} data-dissemination-row={index + 1}>
                  {COLUMNS.map((column) => (
                    <td key={column} className={table.td}>
                      <Field required={column === 'who'} validationMessage={column === 'who' ? errors[row.key] : undefined}>
                        <Input
                          id={cellId(row, column)}
                          aria-label={t('tab.delivery.cellLabel', { column: header(column), number: index + 1 })}
                          value={row[column]}
                          maxLength={LIMITS.cell}
                          autoComplete="off"
                          onChange={(_e, d) => onChange(rows.map((other) => (other.key === row.key ? { ...other, [column]: d.value } : other)))}
                        />
                      </Field>
                    </td>
                  ))}
                  <td className={table.td}>
                    <Button id={cellId(row, 'remove')} size="small" aria-label={t('tab.delivery.removeRowLabel', { number: index + 1 })} onClick={() => remove(index)}>
                      {t('tab.delivery.remove')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.add}>
        <Button id="delivery-add-row" onClick={add} disabledFocusable={rows.length >= LIMITS.dissemination}>
          {t('tab.delivery.addRow')}
        </Button>
        <SavedNote saved={dirty ? removed : undefined} />
      </div>
    </>
  );
}
