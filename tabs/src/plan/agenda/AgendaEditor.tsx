import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Field, Input, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { addDays, formatDate } from '@domain/dates';
import type { Meeting } from '@domain/model';
import { AGENDA_POST_HOUR } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import { EditForm, draftFormProps } from '../../shared/EditForm';
import { VisuallyHidden, useTableStyles } from '../../shared/formKit';
import { AgendaItemRow, cellId } from './AgendaItemRow';
import { COLUMNS, LIMITS, dropIndex, insertAfter, moveTo, newItem, outOfTimeOrder, parseDays, type Column, type DraftItem } from './agendaDraft';
import { applyPaste, cellsFromHtml, cellsFromText, pastedTable } from './pasteTable';
import type { AgendaDraftState } from './useAgendaDraft';

// The agenda as the handbook's table (Tid · Indhold · Proces · Formål/udbytte), written the way one fills in a
// table in Word: type, Tab or Enter to the next cell, Enter in the last cell for a new row (its time suggested from
// the rows above), Shift+Enter for a new line in a text cell, Alt+↑/↓ or the row's handle to move a row, and a table
// copied from Word or Excel pasted into any cell becomes rows. Removing a row or pasting can be undone. Every change
// to the rows is announced in the section's live region.

const useStyles = makeStyles({
  // EditForm keeps forms to a reading width; a table needs the width its column of the workbench has.
  wide: { minWidth: 0, '& > form': { maxWidth: 'none' } },
  subheading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // A narrow screen (Teams' side panel): each row is a card, each cell with its column's name above it.
    '@media (max-width: 600px)': {
      '& thead': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
      '& colgroup': { display: 'none' },
      '& tbody': { display: 'block' },
      '& tr': {
        display: 'block',
        position: 'relative',
        padding: '4px 8px 8px',
        marginBottom: '8px',
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
      },
      '& th': { display: 'block', borderBottom: 'none', paddingBlock: '8px' },
      '& td': { display: 'block', borderBottom: 'none', paddingInline: 0 },
      '& td[data-label]::before': { content: 'attr(data-label)', display: 'block', margin: '2px 0', fontWeight: tokens.fontWeightSemibold },
      '& td:last-child': { position: 'absolute', top: '2px', right: '4px' },
    },
  },
  colNumber: { width: '44px' },
  colTime: { width: '76px' },
  colActions: { width: '100px' },
  headCell: { padding: '6px 4px' },
  notice: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px 12px',
    padding: '6px 12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  noticeText: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  days: { maxWidth: '320px' },
});

/** "Lægges i kanalen 10.03.2026 kl. 09:00": when the bot posts the agenda by itself. */
export function postingTime(meeting: Meeting, days: number) {
  return { date: formatDate(addDays(meeting.date, -days)), time: `${String(AGENDA_POST_HOUR).padStart(2, '0')}:00` };
}

interface Props {
  state: AgendaDraftState;
  meeting: Meeting;
  label: string;
  announce: (message: string) => void;
}

/** What "Fortryd" puts back, worked out on the rows as they are then (typing since is kept). */
interface Undo {
  message: string;
  restore: (items: DraftItem[]) => DraftItem[];
  focusId: string;
}

const HINT_ID = 'agenda-table-hint';
const TABLE_HEADING_ID = 'agenda-table-heading';

/** The first words of a row's content, for announcements. */
const shorten = (text: string) => {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > 50 ? `${clean.slice(0, 47)}…` : clean;
};

/** The agenda form: the programme as a table, days before the meeting, the meeting's preparation; save or go back to what is saved. */
export function AgendaEditor({ state, meeting, label, announce }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const focusLater = useFocusLater();
  const { draft, setDraft, errors } = state;
  const items = draft.items;
  const setItems = (next: DraftItem[]) => setDraft((d) => ({ ...d, items: next }));
  const [undo, setUndo] = useState<Undo>();
  const [dragging, setDragging] = useState<string>();
  // The dragged row, known at once: the browser asks about dropping before React has drawn the drag.
  const dragged = useRef<string>(undefined);
  const [drop, setDrop] = useState<{ index: number; before: boolean }>();
  const days = parseDays(draft.days);
  const full = items.length >= LIMITS.items;
  const labels: Record<Column, string> = {
    time: t('tab.agenda.field.time'),
    content: t('tab.agenda.field.content'),
    process: t('tab.agenda.field.process'),
    purpose: t('tab.agenda.field.purpose'),
  };
  const nameOf = (item: DraftItem, index: number) => shorten(item.content) || t('tab.agenda.item', { number: index + 1 });

  const addAfter = (index: number) => {
    if (full) {
      announce(t('tab.agenda.table.full', { max: LIMITS.items }));
      return;
    }
    const item = newItem(items, meeting, index);
    setItems(insertAfter(items, index, item));
    announce(item.time ? t('tab.agenda.table.added', { number: index + 2, time: item.time }) : t('tab.agenda.table.addedUntimed', { number: index + 2 }));
    focusLater(cellId(item, 'time'), 'select');
  };

  const move = (from: number, to: number, focusId?: string) => {
    const moved = items[from];
    if (!moved || from === to || to < 0 || to >= items.length) return;
    const next = moveTo(items, from, to);
    setItems(next);
    announce(t('tab.agenda.table.moved', { content: nameOf(moved, from), number: to + 1, count: items.length, time: next[to]!.time }));
    // React moves the row's elements, which takes focus away: put it back on the same control of the moved row.
    if (focusId) focusLater(focusId, 'keep');
  };

  const remove = (index: number) => {
    const removed = items[index];
    if (!removed) return;
    const next = items.filter((_item, i) => i !== index);
    setItems(next);
    const message = t('tab.agenda.table.removed', { number: index + 1, content: nameOf(removed, index) });
    setUndo({ message, restore: (current) => [...current.slice(0, index), removed, ...current.slice(index)], focusId: cellId(removed, 'content') });
    announce(message);
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? cellId(neighbour, 'remove') : 'agenda-add-item', 'keep');
  };

  const restore = () => {
    if (!undo) return;
    setItems(undo.restore(items));
    setUndo(undefined);
    announce(t('tab.agenda.table.undone'));
    focusLater(undo.focusId, 'end');
  };

  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>, column: Column) => {
    const data = event.clipboardData;
    const html = data.types.includes('text/html') ? cellsFromHtml(data.getData('text/html')) : undefined;
    let pasted = html && pastedTable(html, column);
    if (!pasted) {
      const cells = cellsFromText(data.getData('text/plain'), column === 'time');
      pasted = cells && pastedTable(cells, column);
    }
    if (!pasted) return; // One cell: the browser pastes it as usual.
    event.preventDefault();
    const target = items[index]!;
    if (pasted.rows.length === 0) {
      announce(t('tab.agenda.table.pasteEmpty'));
      return;
    }
    const result = applyPaste(items, index, pasted, meeting);
    setItems(result.items);
    const added = new Set(result.items.slice(result.first + 1, result.last + 1).map((item) => item.key));
    const message = [
      t('tab.agenda.table.pasted', { count: result.pasted, first: result.first + 1 }),
      pasted.skippedHeading ? t('tab.agenda.table.pastedHeading') : '',
      pasted.extraColumns > 0 ? t('tab.agenda.table.pastedExtraColumns', { count: pasted.extraColumns, column: labels.purpose }) : '',
      result.leftOut > 0 ? t('tab.agenda.table.pastedLeftOut', { count: result.leftOut, max: LIMITS.items }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    setUndo({
      message,
      restore: (current) => current.filter((item) => !added.has(item.key)).map((item) => (item.key === target.key ? target : item)),
      focusId: cellId(target, column),
    });
    announce(message);
    focusLater(cellId(result.items[result.last]!, column), 'end');
  };

  // Enter moves on (Shift+Enter is a new line in a text cell), Ctrl+Enter adds a row below, Alt+↑/↓ moves the row.
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    const target = event.target as HTMLElement;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (to < 0 || to >= items.length) return;
      event.preventDefault();
      move(index, to, target.id);
      return;
    }
    const column = target.dataset.column as Column | undefined;
    if (event.key !== 'Enter' || !column || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      addAfter(index);
      return;
    }
    if (event.shiftKey && column !== 'time') return;
    event.preventDefault();
    const item = items[index]!;
    const next = COLUMNS[COLUMNS.indexOf(column) + 1];
    if (next) focusCell(cellId(item, next), 'end');
    else if (index === items.length - 1) addAfter(index);
    else focusCell(cellId(items[index + 1]!, 'time'), 'select');
  };

  // Dragging a row by its handle (the mouse's way; the keyboard has Alt+↑/↓ and the buttons).
  const draggedIndex = () => items.findIndex((item) => item.key === dragged.current);
  const endDrag = () => {
    dragged.current = undefined;
    setDragging(undefined);
    setDrop(undefined);
  };
  const half = (event: DragEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2;
  };
  const onDragOver = (index: number) => (event: DragEvent<HTMLTableRowElement>) => {
    if (draggedIndex() < 0) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const before = half(event);
    if (drop?.index !== index || drop.before !== before) setDrop({ index, before });
  };
  const onDrop = (index: number) => (event: DragEvent<HTMLTableRowElement>) => {
    const from = draggedIndex();
    if (from < 0) return;
    event.preventDefault();
    move(from, dropIndex(from, index, half(event)));
    endDrag();
  };

  const form = draftFormProps(state, announce, t('tab.agenda.saved', { label }), t('tab.conflict.kept'));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await state.save()) {
      setUndo(undefined);
      announce(t('tab.agenda.saved', { label }));
      return;
    }
    // Refused before it was sent: go to the first field to put right, and say how many there are.
    focusLater(() => {
      const invalid = document.querySelectorAll<HTMLElement>('[data-testid="agenda-form"] [aria-invalid="true"]');
      if (invalid.length) announce(t('tab.agenda.table.invalid', { count: invalid.length }));
      return invalid[0];
    }, 'end');
  };

  return (
    <div className={styles.wide}>
      <EditForm
        title={t('tab.agenda.formTitle', { label })}
        {...form}
        onSubmit={onSubmit}
        onCancel={() => {
          setUndo(undefined);
          form.onCancel();
        }}
        testId="agenda-form"
      >
        <h4 id={TABLE_HEADING_ID} className={styles.subheading}>
          {t('tab.agenda.items')}
        </h4>
        <p id={HINT_ID} className={styles.hint}>
          {t('tab.agenda.table.keys')} {t('tab.agenda.table.pasteHint')}
        </p>
        {items.length === 0 ? (
          <p className={styles.muted}>{t('tab.agenda.noItems')}</p>
        ) : (
          <table className={styles.table} aria-labelledby={TABLE_HEADING_ID} aria-describedby={HINT_ID} data-agenda-table onDragEnd={endDrag}>
            <colgroup>
              <col className={styles.colNumber} />
              <col className={styles.colTime} />
              <col />
              <col />
              <col />
              <col className={styles.colActions} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(table.th, styles.headCell)}>
                  {t('tab.agenda.table.number')}
                </th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className={mergeClasses(table.th, styles.headCell)}>
                    {labels[column]}
                  </th>
                ))}
                <th scope="col" className={mergeClasses(table.th, styles.headCell)}>
                  <VisuallyHidden>{t('tab.agenda.table.actions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <AgendaItemRow
                  key={item.key}
                  item={item}
                  index={index}
                  count={items.length}
                  errors={errors.items[item.key]}
                  labels={labels}
                  dragging={dragging === item.key}
                  drop={drop?.index === index && dragging !== item.key ? (drop.before ? 'before' : 'after') : undefined}
                  onChange={(changed) => setItems(items.map((other) => (other.key === item.key ? changed : other)))}
                  onKeyDown={onKeyDown(index)}
                  onPaste={onPaste(index)}
                  onMove={(by) => move(index, index + by, cellId(item, by < 0 ? 'up' : 'down'))}
                  onRemove={() => remove(index)}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', item.content);
                    const row = event.currentTarget.closest('tr');
                    if (row) event.dataTransfer.setDragImage(row, 16, 16);
                    dragged.current = item.key;
                    setDragging(item.key);
                  }}
                  onDragOver={onDragOver(index)}
                  onDrop={onDrop(index)}
                />
              ))}
            </tbody>
          </table>
        )}
        {undo && (
          <div className={styles.notice} data-testid="agenda-undo">
            <p className={styles.noticeText}>{undo.message}</p>
            <Button size="small" onClick={restore}>
              {t('tab.agenda.table.undo')}
            </Button>
          </div>
        )}
        {outOfTimeOrder(items) && <p className={styles.muted}>{t('tab.agenda.table.outOfOrder')}</p>}
        <div className={styles.buttons}>
          <Button id="agenda-add-item" onClick={() => addAfter(items.length - 1)} disabledFocusable={full}>
            {t('tab.agenda.addItem')}
          </Button>
          {full && <p className={styles.muted}>{t('tab.agenda.table.full', { max: LIMITS.items })}</p>}
        </div>
        <Field
          className={styles.days}
          label={t('tab.agenda.days')}
          hint={days === undefined ? undefined : t('tab.agenda.days.hint', postingTime(meeting, days))}
          validationMessage={errors.days ?? state.failure?.fields.daysBeforeToPost}
        >
          <Input type="number" min={0} max={60} value={draft.days} onChange={(_e, d) => setDraft((prev) => ({ ...prev, days: d.value }))} />
        </Field>
        <Field label={t('tab.meetings.field.preparation')} hint={t('tab.meetings.field.preparation.hint')} validationMessage={state.failure?.fields.preparation}>
          <Textarea value={draft.preparation} onChange={(_e, d) => setDraft((prev) => ({ ...prev, preparation: d.value }))} resize="vertical" />
        </Field>
        {state.dirty && <p className={styles.muted}>{t('tab.agenda.unsaved')}</p>}
      </EditForm>
    </div>
  );
}

type Caret = 'select' | 'end' | 'keep';

/** Focus on a cell (or a button): the whole text selected, so typing replaces a suggested time, or the caret at the end. */
function focusCell(target: string | HTMLElement | null | undefined, caret: Caret) {
  const element = typeof target === 'string' ? document.getElementById(target) : target;
  if (!element) return;
  element.focus();
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || caret === 'keep') return;
  if (caret === 'select') element.select();
  else element.setSelectionRange(element.value.length, element.value.length);
}

/** focusCell once React has drawn the next state (a new row, a moved row). */
function useFocusLater() {
  const [request, setRequest] = useState<{ target: string | (() => HTMLElement | undefined); caret: Caret }>();
  useEffect(() => {
    if (!request) return;
    focusCell(typeof request.target === 'string' ? request.target : request.target(), request.caret);
  }, [request]);
  return useCallback((target: string | (() => HTMLElement | undefined), caret: Caret) => setRequest({ target, caret }), []);
}
