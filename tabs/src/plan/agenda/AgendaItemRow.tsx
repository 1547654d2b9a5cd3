import type { KeyboardEvent } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { parseTimeText } from '../../shared/dateText';
import type { DraftItem } from './agendaDraft';

const useStyles = makeStyles({
  item: { listStyle: 'none' },
  row: {
    display: 'grid',
    gap: '8px 12px',
    gridTemplateColumns: 'minmax(90px, 110px) 1fr',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { gridColumn: '1 / -1', display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  title: { margin: 0, marginInlineEnd: 'auto', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  wide: { gridColumn: '1 / -1' },
});

export const fieldId = (item: DraftItem, field: 'time' | 'content' | 'process' | 'purpose' | 'up' | 'down' | 'remove') => `agenda-${item.key}-${field}`;

interface Props {
  item: DraftItem;
  index: number;
  count: number;
  errors?: { time?: string; content?: string };
  onChange: (item: DraftItem) => void;
  onMove: (by: -1 | 1, focusId: string) => void;
  onRemove: () => void;
}

/** One row of the programme: time, content, process, purpose/outcome; move up/down and remove. */
export function AgendaItemRow({ item, index, count, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const number = index + 1;
  const titleId = `agenda-${item.key}-title`;
  const set = (field: 'time' | 'content' | 'process' | 'purpose', value: string) => onChange({ ...item, [field]: value });

  // Alt+↑/↓ in a field moves the row; focus stays in the same field of the moved item.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const by = event.key === 'ArrowUp' ? -1 : 1;
    if (index + by < 0 || index + by >= count) return;
    event.preventDefault();
    onMove(by, (event.target as HTMLElement).id);
  };

  return (
    <li className={styles.item}>
      <div role="group" aria-labelledby={titleId} className={styles.row} onKeyDown={onKeyDown} data-agenda-item={number}>
        <div className={styles.head}>
          <h5 id={titleId} className={styles.title}>
            {t('tab.agenda.item', { number })}
          </h5>
          <Button id={fieldId(item, 'up')} size="small" disabledFocusable={index === 0} aria-label={t('tab.agenda.moveUpLabel', { number })} onClick={() => onMove(-1, fieldId(item, 'up'))}>
            {t('tab.agenda.moveUp')}
          </Button>
          <Button id={fieldId(item, 'down')} size="small" disabledFocusable={index === count - 1} aria-label={t('tab.agenda.moveDownLabel', { number })} onClick={() => onMove(1, fieldId(item, 'down'))}>
            {t('tab.agenda.moveDown')}
          </Button>
          <Button id={fieldId(item, 'remove')} size="small" aria-label={t('tab.agenda.removeLabel', { number })} onClick={onRemove}>
            {t('tab.agenda.remove')}
          </Button>
        </div>
        <Field label={t('tab.agenda.field.time')} required validationMessage={errors?.time}>
          <Input
            id={fieldId(item, 'time')}
            value={item.time}
            onChange={(_e, d) => set('time', d.value)}
            onBlur={() => {
              const time = parseTimeText(item.time);
              if (time && time !== item.time) set('time', time);
            }}
            autoComplete="off"
          />
        </Field>
        <Field label={t('tab.agenda.field.content')} required validationMessage={errors?.content}>
          <Input id={fieldId(item, 'content')} value={item.content} onChange={(_e, d) => set('content', d.value)} autoComplete="off" />
        </Field>
        <Field className={styles.wide} label={t('tab.agenda.field.process')} hint={t('tab.agenda.field.process.hint')}>
          <Textarea id={fieldId(item, 'process')} value={item.process} onChange={(_e, d) => set('process', d.value)} resize="vertical" rows={1} />
        </Field>
        <Field className={styles.wide} label={t('tab.agenda.field.purpose')}>
          <Textarea id={fieldId(item, 'purpose')} value={item.purpose} onChange={(_e, d) => set('purpose', d.value)} resize="vertical" rows={1} />
        </Field>
      </div>
    </li>
  );
}
