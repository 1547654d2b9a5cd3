import { useLayoutEffect, useRef, type ClipboardEvent, type DragEvent, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { parseTimeText } from '../../shared/dateText';
import { VisuallyHidden, WarningIcon } from '../../shared/formKit';
import { LIMITS, type CellErrors, type Column, type DraftItem, type TextColumn } from './agendaDraft';

// One row of the agenda table: the row's number (and the handle to drag it by), a cell per column of the handbook's
// table — each with its own name, "Indhold, punkt 3" — and the buttons that move and remove the row. The keys,
// pasting and dragging are the table's (AgendaEditor); the row only says which row and column they happened in.

const sides = (colour: string) => ({ borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: colour });

const useCellStyles = makeStyles({
  dragging: { opacity: 0.5 },
  dropBefore: { '& > th, & > td': { boxShadow: `inset 0 3px 0 0 ${tokens.colorBrandStroke1}` } },
  dropAfter: { '& > th, & > td': { boxShadow: `inset 0 -3px 0 0 ${tokens.colorBrandStroke1}` } },
  numberCell: {
    padding: '6px 2px 6px 0',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
  },
  handle: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    cursor: 'grab',
    userSelect: 'none',
    color: tokens.colorNeutralForeground2,
    ':hover': { color: tokens.colorNeutralForeground1 },
  },
  cell: { padding: '4px', verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  control: {
    boxSizing: 'border-box',
    display: 'block',
    width: '100%',
    margin: 0,
    padding: '4px 6px',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { ...sides(tokens.colorNeutralStroke1Hover), borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '0', borderBottomColor: tokens.colorCompoundBrandStroke },
  },
  text: { resize: 'none', overflow: 'hidden', minHeight: 'calc(1.25em + 12px)' },
  invalid: { ...sides(tokens.colorPaletteRedBorder2), ':hover': sides(tokens.colorPaletteRedBorder2) },
  error: { display: 'flex', gap: '4px', margin: '4px 0 0', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: '2px', justifyContent: 'flex-end' },
});

export const cellId = (item: Pick<DraftItem, 'key'>, part: Column | 'up' | 'down' | 'remove') => `agenda-${item.key}-${part}`;

interface Props {
  item: DraftItem;
  index: number;
  count: number;
  errors?: CellErrors;
  labels: Record<Column, string>;
  dragging: boolean;
  drop?: 'before' | 'after';
  onChange: (item: DraftItem) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>, column: Column) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onDragStart: (event: DragEvent<HTMLSpanElement>) => void;
  onDragOver: (event: DragEvent<HTMLTableRowElement>) => void;
  onDrop: (event: DragEvent<HTMLTableRowElement>) => void;
}

export function AgendaItemRow({ item, index, count, errors, labels, dragging, drop, onChange, onKeyDown, onPaste, onMove, onRemove, onDragStart, onDragOver, onDrop }: Props) {
  const { t } = useApp();
  const styles = useCellStyles();
  const number = index + 1;
  const name = (column: Column) => t('tab.agenda.table.cell', { column: labels[column], number });
  const errorId = (column: Column) => `${cellId(item, column)}-error`;
  const a11y = (column: Column) => ({
    id: cellId(item, column),
    'data-column': column,
    'aria-label': name(column),
    'aria-invalid': errors?.[column] ? true : undefined,
    'aria-describedby': errors?.[column] ? errorId(column) : undefined,
    className: mergeClasses(styles.control, column !== 'time' && styles.text, errors?.[column] && styles.invalid),
    onPaste: (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => onPaste(event, column),
  });
  const error = (column: Column) =>
    errors?.[column] && (
      <p id={errorId(column)} className={styles.error}>
        <WarningIcon />
        <span>{errors[column]}</span>
      </p>
    );
  const text = (column: TextColumn) => (
    <td className={styles.cell} data-label={labels[column]}>
      <GrowingTextarea {...a11y(column)} value={item[column]} maxLength={LIMITS[column]} onChange={(value) => onChange({ ...item, [column]: value })} />
      {error(column)}
    </td>
  );

  return (
    <tr
      className={mergeClasses(dragging && styles.dragging, drop === 'before' && styles.dropBefore, drop === 'after' && styles.dropAfter)}
      data-agenda-item={number}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <th scope="row" className={styles.numberCell}>
        {/* The mouse's way to reorder; the keyboard's is Alt+↑/↓ and the buttons, so the handle is not announced. */}
        <span className={styles.handle} draggable aria-hidden="true" title={t('tab.agenda.table.dragHandle', { number })} data-drag-handle={number} onDragStart={onDragStart}>
          <GripIcon />
          {number}
        </span>
        <VisuallyHidden>{t('tab.agenda.item', { number })}</VisuallyHidden>
      </th>
      <td className={styles.cell} data-label={labels.time}>
        <input
          {...a11y('time')}
          type="text"
          value={item.time}
          maxLength={LIMITS.time}
          autoComplete="off"
          onChange={(event) => onChange({ ...item, time: event.target.value })}
          onBlur={() => {
            const time = parseTimeText(item.time);
            if (time && time !== item.time) onChange({ ...item, time });
          }}
        />
        {error('time')}
      </td>
      {text('content')}
      {text('process')}
      {text('purpose')}
      <td className={styles.cell}>
        <div className={styles.actions}>
          <Button
            id={cellId(item, 'up')}
            size="small"
            appearance="subtle"
            icon={<ArrowIcon up />}
            disabledFocusable={index === 0}
            aria-label={t('tab.agenda.moveUpLabel', { number })}
            title={t('tab.agenda.moveUpLabel', { number })}
            onClick={() => onMove(-1)}
          />
          <Button
            id={cellId(item, 'down')}
            size="small"
            appearance="subtle"
            icon={<ArrowIcon />}
            disabledFocusable={index === count - 1}
            aria-label={t('tab.agenda.moveDownLabel', { number })}
            title={t('tab.agenda.moveDownLabel', { number })}
            onClick={() => onMove(1)}
          />
          <Button
            id={cellId(item, 'remove')}
            size="small"
            appearance="subtle"
            icon={<RemoveIcon />}
            aria-label={t('tab.agenda.removeLabel', { number })}
            title={t('tab.agenda.removeLabel', { number })}
            onClick={onRemove}
          />
        </div>
      </td>
    </tr>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void };

/** A text cell that grows with its text (and with its width, as the text wraps); one line when empty. */
function GrowingTextarea({ value, onChange, ...props }: TextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fit = () => {
    const element = ref.current;
    if (!element) return;
    element.style.height = 'auto';
    // The border is outside scrollHeight; box-sizing is border-box.
    element.style.height = `${element.scrollHeight + 2}px`;
  };
  useLayoutEffect(fit, [value]);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fit();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <textarea ref={ref} rows={1} value={value} onChange={(event) => onChange(event.target.value)} {...props} />;
}

const iconProps = { viewBox: '0 0 20 20', width: 16, height: 16, 'aria-hidden': true, focusable: false, fill: 'currentColor' } as const;

function ArrowIcon({ up }: { up?: boolean }) {
  return (
    <svg {...iconProps} style={up ? undefined : { transform: 'rotate(180deg)' }}>
      <path d="M10 3.2 4.2 9l1.1 1.1 3.9-3.9V17h1.6V6.2l3.9 3.9L15.8 9z" />
    </svg>
  );
}

function RemoveIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 2h4a1 1 0 0 1 1 1v1h4v1.6h-1.2l-.9 11.5A1.6 1.6 0 0 1 13.3 18H6.7a1.6 1.6 0 0 1-1.6-1.5L4.2 5.6H3V4h4V3a1 1 0 0 1 1-1zm.6 2h2.8v-.4H8.6zM5.8 5.6l.9 10.8h6.6l.9-10.8zM8 7.5h1.5v7H8zm2.5 0H12v7h-1.5z" />
    </svg>
  );
}

function GripIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor">
      {[5, 10, 15].flatMap((y) => [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
    </svg>
  );
}
