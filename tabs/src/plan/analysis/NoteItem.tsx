import type { ReactNode } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { meetingLabel } from '@domain/labels';
import type { AnalysisNote } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { CheckIcon } from '../../shared/formKit';
import { SavedNote, type SavedInfo } from '../../shared/SavedNote';
import { priorityKey, type Priority } from './notes';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: '4px',
    padding: '8px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { margin: 0, whiteSpace: 'pre-wrap', maxWidth: '70ch' },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  tags: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  tag: {
    display: 'inline-flex',
    gap: '4px',
    alignItems: 'center',
    padding: '0 8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  prioritised: { fontWeight: tokens.fontWeightSemibold, border: `2px solid ${tokens.colorNeutralForeground1}` },
  leftOut: { textDecorationLine: 'line-through' },
  actions: { display: 'flex', gap: '4px 8px', flexWrap: 'wrap', alignItems: 'center' },
});

/** Left out: a crossed circle, beside the word. */
function LeftOutIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" style={{ width: '1.1em', height: '1.1em', flexShrink: 0 }} fill="currentColor">
      <path d="M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm0 1.5a6.5 6.5 0 0 0-5.1 10.5l9.1-9.1A6.5 6.5 0 0 0 10 3.5zm5.1 2.5-9.1 9.1A6.5 6.5 0 0 0 15.1 6z" />
    </svg>
  );
}

/** The priority as a word with an icon (never colour alone). */
export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.tag, priority === 'prioritised' && styles.prioritised)}>
      {priority === 'prioritised' && <CheckIcon />}
      {priority === 'leftOut' && <LeftOutIcon />}
      {t(priorityKey(priority))}
    </span>
  );
}

export const noteButtonId = (note: AnalysisNote, what: 'edit' | 'delete' | 'park') => `note-${what}-${note.id}`;

interface Props {
  plan: PlanView;
  note: AnalysisNote;
  /** The leaders, and the note's author. */
  mayChange: boolean;
  /** Whether this user may park ideas (anyone in the network but the reference leader). */
  mayPark: boolean;
  parked: boolean;
  parking: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onPark: () => void;
  /** The last change made here (saved, parked), said on the buttons' line. */
  saved?: SavedInfo;
  /** Why the last change made here did not go through (parking it as an idea). */
  failure?: ReactNode;
}

/** One note: its text, who wrote it and from which meeting, its pattern and priority; edit, delete, park as an idea. */
export function NoteItem({ plan, note, mayChange, mayPark, parked, parking, onEdit, onDelete, onPark, saved, failure }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const meeting = plan.meetings.find((m) => m.id === note.meetingId);
  const short = note.text.length > 60 ? `${note.text.slice(0, 59)}…` : note.text;
  return (
    <div className={styles.item} data-note={note.id}>
      <p className={mergeClasses(styles.text, note.priority === 'leftOut' && styles.leftOut)}>{note.text}</p>
      <p className={styles.meta}>
        {t('tab.analysis.notes.by', { name: note.author.name })}
        {meeting && ` · ${t('tab.analysis.notes.fromMeeting', { label: meetingLabel(meeting, plan.meetings, locale) })}`}
      </p>
      <div className={styles.tags}>
        <PriorityTag priority={note.priority} />
        {note.pattern && <span className={styles.tag}>{t('tab.analysis.notes.patternShown', { pattern: note.pattern })}</span>}
      </div>
      {(mayChange || mayPark) && (
        <div className={styles.actions}>
          {mayChange && (
            <>
              <Button id={noteButtonId(note, 'edit')} size="small" onClick={onEdit} aria-label={t('tab.analysis.notes.editLabel', { text: short })}>
                {t('tab.edit')}
              </Button>
              <Button id={noteButtonId(note, 'delete')} size="small" onClick={onDelete} aria-label={t('tab.analysis.notes.deleteLabel', { text: short })}>
                {t('tab.delete')}
              </Button>
            </>
          )}
          {mayPark && (
            // Stays the same (focusable) button once parked, so focus is not lost; it then says where the idea is.
            <Button
              id={noteButtonId(note, 'park')}
              size="small"
              icon={parked ? <CheckIcon /> : undefined}
              disabledFocusable={parked || parking}
              onClick={onPark}
              aria-label={parked ? t('tab.analysis.notes.parked') : t('tab.analysis.notes.parkLabel', { text: short })}
            >
              {t(parked ? 'tab.analysis.notes.parked' : 'tab.analysis.notes.park')}
            </Button>
          )}
          {/* The note and the button above say what changed; the line says it was saved, and when. */}
          <SavedNote compact saved={saved} />
        </div>
      )}
      {failure}
    </div>
  );
}
