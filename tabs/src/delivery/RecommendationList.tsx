import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Button, Field, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { byIds, useFocusAfterRender } from '../shared/formKit';
import { SavedNote, unsavedChange, type SavedInfo } from '../shared/SavedNote';
import { dropIndex, LIMITS, moveTo, newKey, type DraftRecommendation } from './deliveryDraft';

// The prioritised recommendations: an ordered list the leader adds to, edits, deletes from and reorders — with the
// move buttons, with Alt+↑/↓ in a recommendation, or by dragging its handle (native HTML5 drag and drop). Every
// move keeps focus on the control that moved it and says on the moved recommendation's line where it is now, and that
// it is kept once the delivery is saved (SavedNote, read out too); a deletion says so beside "Tilføj anbefaling".

const useStyles = makeStyles({
  list: { display: 'grid', gap: '8px', margin: '8px 0', padding: 0 },
  item: {
    listStyle: 'none',
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: '4px 8px',
    alignItems: 'start',
    padding: '8px 12px 10px 4px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { opacity: 0.5 },
  dropBefore: { boxShadow: `0 -3px 0 0 ${tokens.colorBrandStroke1}` },
  dropAfter: { boxShadow: `0 3px 0 0 ${tokens.colorBrandStroke1}` },
  handle: {
    cursor: 'grab',
    alignSelf: 'stretch',
    display: 'flex',
    alignItems: 'center',
    padding: '0 4px',
    color: tokens.colorNeutralForeground2,
    userSelect: 'none',
    ':hover': { color: tokens.colorNeutralForeground1 },
  },
  body: { display: 'grid', gap: '6px' },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  add: { display: 'flex', gap: '8px 12px', flexWrap: 'wrap', alignItems: 'center' },
  muted: { margin: '4px 0', color: tokens.colorNeutralForeground2 },
});

const REMOVED = 'removed';

export const recommendationId = (item: DraftRecommendation, part: 'text' | 'up' | 'down' | 'remove') => `delivery-rec-${item.key}-${part}`;

interface Props {
  items: DraftRecommendation[];
  errors: Record<string, string>;
  onChange: (items: DraftRecommendation[]) => void;
  /** The delivery has changes that are not saved: while so, the last move or deletion is said here. */
  dirty: boolean;
  /** The hint under the section's heading, which the list refers to. */
  describedBy: string;
}

export function RecommendationList({ items, errors, onChange, dirty, describedBy }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const focusAfter = useFocusAfterRender();
  const [dragging, setDragging] = useState<string>();
  // The dragged item, known at once: the browser asks about dropping before React has drawn the drag's state.
  const dragged = useRef<string>(undefined);
  const [drop, setDrop] = useState<{ index: number; before: boolean }>();
  /** The last move (on the moved recommendation's key) or deletion ('removed'), until the delivery is saved. */
  const [change, setChange] = useState<{ where: string; info: SavedInfo }>();
  const changeAt = (where: string) => (dirty && change?.where === where ? change.info : undefined);
  const name = (item: DraftRecommendation, index: number) => shorten(item.text) || t('tab.delivery.recommendation', { number: index + 1 });

  const move = (from: number, to: number, focusId?: string) => {
    const moved = items[from];
    if (!moved || from === to || to < 0 || to >= items.length) return;
    onChange(moveTo(items, from, to));
    setChange({ where: moved.key, info: unsavedChange(t('tab.delivery.moved', { text: name(moved, from), number: to + 1, count: items.length })) });
    if (focusId) focusAfter(() => byIds(focusId));
  };
  const add = () => {
    const item = { key: newKey('new'), text: '' };
    onChange([...items, item]);
    focusAfter(() => byIds(recommendationId(item, 'text')));
  };
  const remove = (index: number) => {
    const next = items.filter((_item, i) => i !== index);
    onChange(next);
    setChange({ where: REMOVED, info: unsavedChange(t('tab.delivery.removed', { number: index + 1 })) });
    const neighbour = next[index] ?? next[index - 1];
    focusAfter(() => byIds(neighbour && recommendationId(neighbour, 'remove'), 'delivery-add-recommendation'));
  };

  // Alt+↑/↓ anywhere in a recommendation moves it; focus stays on the same control of the moved item.
  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= items.length) return;
    event.preventDefault();
    move(index, to, (event.target as HTMLElement).id);
  };

  const draggedIndex = () => items.findIndex((item) => item.key === dragged.current);
  const endDrag = () => {
    dragged.current = undefined;
    setDragging(undefined);
    setDrop(undefined);
  };
  const onDragOver = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    if (draggedIndex() < 0) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < box.top + box.height / 2;
    if (drop?.index !== index || drop.before !== before) setDrop({ index, before });
  };
  const onDrop = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    const from = draggedIndex();
    if (from < 0) return;
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    move(from, dropIndex(from, index, event.clientY < box.top + box.height / 2));
    endDrag();
  };

  return (
    <>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('tab.delivery.recommendations.none')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('delivery.recommendations')} aria-describedby={describedBy} onDragEnd={endDrag}>
          {items.map((item, index) => {
            const number = index + 1;
            const dropHere = drop?.index === index && dragging !== item.key;
            return (
              <li
                key={item.key}
                data-recommendation={number}
                className={mergeClasses(
                  styles.item,
                  dragging === item.key && styles.dragging,
                  dropHere && (drop.before ? styles.dropBefore : styles.dropAfter),
                )}
                onKeyDown={onKeyDown(index)}
                onDragOver={onDragOver(index)}
                onDrop={onDrop(index)}
              >
                {/* The mouse's way to reorder; the keyboard's is the buttons and Alt+↑/↓, so the handle is not announced. */}
                <span
                  className={styles.handle}
                  draggable
                  aria-hidden="true"
                  title={t('tab.delivery.dragHandle', { number })}
                  data-drag-handle={number}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', item.text);
                    const row = event.currentTarget.closest('li');
                    if (row) event.dataTransfer.setDragImage(row, 16, 16);
                    dragged.current = item.key;
                    setDragging(item.key);
                  }}
                >
                  <GripIcon />
                </span>
                <div className={styles.body}>
                  <Field label={t('tab.delivery.recommendation', { number })} required validationMessage={errors[item.key]}>
                    <Textarea
                      id={recommendationId(item, 'text')}
                      value={item.text}
                      maxLength={LIMITS.recommendation}
                      resize="vertical"
                      rows={2}
                      onChange={(_e, d) => onChange(items.map((other) => (other.key === item.key ? { ...other, text: d.value } : other)))}
                    />
                  </Field>
                  <div className={styles.buttons}>
                    <Button
                      id={recommendationId(item, 'up')}
                      size="small"
                      disabledFocusable={index === 0}
                      aria-label={t('tab.delivery.moveUpLabel', { number })}
                      onClick={() => move(index, index - 1, recommendationId(item, 'up'))}
                    >
                      {t('tab.delivery.moveUp')}
                    </Button>
                    <Button
                      id={recommendationId(item, 'down')}
                      size="small"
                      disabledFocusable={index === items.length - 1}
                      aria-label={t('tab.delivery.moveDownLabel', { number })}
                      onClick={() => move(index, index + 1, recommendationId(item, 'down'))}
                    >
                      {t('tab.delivery.moveDown')}
                    </Button>
                    <Button id={recommendationId(item, 'remove')} size="small" aria-label={t('tab.delivery.removeLabel', { number })} onClick={() => remove(index)}>
                      {t('tab.delivery.remove')}
                    </Button>
                    <SavedNote saved={changeAt(item.key)} />
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className={styles.add}>
        <Button id="delivery-add-recommendation" onClick={add} disabledFocusable={items.length >= LIMITS.recommendations}>
          {t('tab.delivery.addRecommendation')}
        </Button>
        <SavedNote saved={changeAt(REMOVED)} />
      </div>
      {items.length >= LIMITS.recommendations && <p className={styles.muted}>{t('tab.delivery.recommendationsMax', { max: LIMITS.recommendations })}</p>}
    </>
  );
}

/** The first words of a recommendation, for announcements. */
const shorten = (text: string) => {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
};

function GripIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" fill="currentColor">
      {[5, 10, 15].flatMap((y) => [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
    </svg>
  );
}
