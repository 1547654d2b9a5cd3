import { useEffect, useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { CheckIcon, visuallyHidden } from './formKit';
import { formatClock } from './formatDateTime';

// The one way a change confirms itself where it was made: "✓ Gemt kl. 14.32", or what was saved and when
// ("✓ Idéen „…“ er parkeret med Lis som tovholder. Gemt kl. 14.32"). A draft change that is not saved yet
// (a recommendation moved in the delivery) says so in the same place, without the check. The note is a polite
// live region that is always on the page (empty until something happens), so screen readers hear the words the
// eye sees — the one announcement of that change, not a second one beside the section's.

/** What a SavedNote says: a save that went through at `at` (and what it was), or a change not saved yet. */
export interface SavedInfo {
  at: Date;
  /** A sentence saying what was saved ("Noten er tilføjet til Paradokser."); without it, "Gemt kl. 14.32". */
  what?: string;
  /** A draft change that is not saved yet: `what` alone, without the check and the time. */
  unsaved?: boolean;
}

/** A save that just went through. */
export const savedNow = (what?: string): SavedInfo => ({ at: new Date(), ...(what ? { what } : {}) });

/** A change to a draft that the user still has to save. */
export const unsavedChange = (what: string): SavedInfo => ({ at: new Date(), what, unsaved: true });

const useStyles = makeStyles({
  region: { display: 'inline-flex', alignItems: 'center', minWidth: 0 },
  note: { display: 'inline-flex', gap: '4px', alignItems: 'center', color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase300 },
  // "Gemt kl. 14.32" as one piece in a narrow cell, not broken before the time.
  compact: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  unsaved: { color: tokens.colorNeutralForeground2 },
  hidden: visuallyHidden,
});

interface Props {
  saved?: SavedInfo;
  /**
   * In a narrow place (a table cell beside its control): only "✓ Gemt kl. 14.32" is shown; the sentence of what
   * was saved is read out with it, since the row around it already shows what changed.
   */
  compact?: boolean;
  /**
   * Shown, not announced: for forms whose section already says the outcome aloud (EditForm's sections), so it is
   * not heard twice.
   */
  silent?: boolean;
  className?: string;
}

/** "✓ Gemt kl. 14.32" beside what was changed, on the control's line; see SavedInfo. */
export function SavedNote({ saved, compact, silent, className }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  // The same words twice (two saves in one minute) are announced twice: the region is emptied, then filled a tick
  // later — also when the note is drawn together with a row that has just come back (a form closed on save).
  const version = saved ? `${saved.at.getTime()}|${saved.what ?? ''}|${saved.unsaved ? 1 : 0}` : '';
  const [shown, setShown] = useState('');
  useEffect(() => {
    setShown('');
    if (!version || silent) return;
    const timer = setTimeout(() => setShown(version), 50);
    return () => clearTimeout(timer);
  }, [version, silent]);

  let content = null;
  if (saved && (silent || shown === version)) {
    if (saved.unsaved) {
      content = (
        <span className={mergeClasses(styles.note, styles.unsaved, compact && styles.compact)} data-testid="unsaved-change">
          {saved.what}
        </span>
      );
    } else {
      const clock = formatClock(saved.at, locale);
      const time = t('tab.savedAt', { time: clock });
      content = (
        <span className={mergeClasses(styles.note, compact && styles.compact)} data-testid="saved-at">
          <CheckIcon />
          {compact && saved.what ? (
            <span>
              <span className={styles.hidden}>{`${saved.what} `}</span>
              {time}
            </span>
          ) : (
            <span>{saved.what ? t('tab.savedWhat', { what: saved.what, time: clock }) : time}</span>
          )}
        </span>
      );
    }
  }
  if (silent) return <span className={mergeClasses(styles.region, className)}>{content}</span>;
  return (
    <span role="status" aria-live="polite" className={mergeClasses(styles.region, className)}>
      {content}
    </span>
  );
}
