import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { ApiError } from '../shell/api';

// What every section shares when it edits the plan — the one save/conflict kit: saving with the server's
// answer mapped onto the form (useSaver), the 409 "someone else changed it" bar that keeps the draft
// (SaveFailureBar), the one "are you sure?" dialog (ConfirmDialog); and small icons (never colour alone) and live status.

export interface SaveFailure {
  /** Someone else changed (or created) it first: offer to load the latest version, keep the draft. */
  conflict: boolean;
  /** The server's message for the whole form. */
  message?: string;
  /** A conflict the server explained beyond "someone else changed it" (e.g. "it already exists"): shown under the bar's text. */
  detail?: string;
  /** Server messages for fields of this form, by field name. */
  fields: Record<string, string>;
  /** Server messages that belong to no field shown here. */
  other: string[];
}

/**
 * A field name from an error path: 'email' (400 on the body), 'meetings.<id>.date' (422 rule of the network),
 * 'customCompetences.0' → the first segment that names a field of the form.
 */
export function fieldOf(path: string, fields: readonly string[]): string | undefined {
  return path.split('.').find((segment) => fields.includes(segment));
}

/** Conflicts whose server message says no more than the bar's own heading and text (bot/api/errors.ts). */
const GENERIC_CONFLICTS = ['conflict', 'ifMatchRequired'];

export function toFailure(error: unknown, fields: readonly string[]): SaveFailure {
  if (!(error instanceof ApiError)) {
    return { conflict: false, message: (error as Error)?.message ?? String(error), fields: {}, other: [] };
  }
  // 428: the row exists on the server although this page did not know it — also someone else's change.
  if (error.isConflict || error.status === 428) {
    const detail = GENERIC_CONFLICTS.includes(error.code) ? undefined : error.message;
    return { conflict: true, message: error.message, ...(detail ? { detail } : {}), fields: {}, other: [] };
  }
  const mapped: Record<string, string> = {};
  const other: string[] = [];
  for (const detail of error.details) {
    const field = fieldOf(detail.path, fields);
    if (field && !mapped[field]) mapped[field] = detail.message;
    else if (!field) other.push(detail.message);
  }
  return { conflict: false, message: error.message, fields: mapped, other };
}

/** The fields of `next` that differ from `before` (compared as JSON, so lists compare by content). */
export function changedFields<T extends object>(next: T, before: Partial<Record<keyof T, unknown>>): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof T])),
  ) as Partial<T>;
}

/** Runs one save at a time and keeps what went wrong; the form's own state (the draft) is never touched. */
export function useSaver(fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure>();
  /** When the last save went through: shown beside the Save button ("Gemt kl. 14.32"), not only announced. */
  const [savedAt, setSavedAt] = useState<Date>();
  const fieldNames = useRef(fields);
  const run = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setSaving(true);
      setFailure(undefined);
      try {
        await work();
        setSavedAt(new Date());
        return true;
      } catch (error) {
        setFailure(toFailure(error, fieldNames.current));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [],
  );
  const clear = useCallback(() => setFailure(undefined), []);
  return { saving, failure, savedAt, run, clear, setFailure };
}

/**
 * The ETag an edit form saves with. It is taken when the form opens, so a later reload never lets a stale draft
 * overwrite someone else's change silently; after a conflict, `rebase()` (called once the plan is reloaded)
 * moves it to the latest version the user now sees.
 */
export function useBaseEtag(current: string | undefined) {
  const [base, setBase] = useState(current);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (pending) {
      // Gone from the plan (deleted by someone else): keep the old version, so the save answers "not found".
      if (current) setBase(current);
      setPending(false);
    }
  }, [pending, current]);
  return { base, rebase: () => setPending(true), reset: setBase };
}

/** Read by screen readers, not shown: for captions and live regions whose text the page already shows. */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const useStyles = makeStyles({
  bar: { marginBlock: '8px' },
  list: { margin: '4px 0 0', paddingInlineStart: '20px' },
  detail: { display: 'block', marginTop: '4px' },
  hidden: visuallyHidden,
  // Never display:none when empty: a live region must be in the accessibility tree before its text comes.
  shownStatus: { display: 'flex', gap: '6px', alignItems: 'center', marginBlock: '4px', color: tokens.colorPaletteGreenForeground1, ':empty': { marginBlock: 0 } },
});

/**
 * The outcome of a save that did not go through, above the form's buttons: a conflict ("En anden har ændret dette",
 * the draft is kept) offers the latest version; any other failure shows the server's message. `kept` is the note
 * after the latest version was loaded (shown while there is no failure).
 */
export function SaveFailureBar({ failure, onReload, kept }: { failure?: SaveFailure; onReload: () => Promise<void>; kept?: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const [reloading, setReloading] = useState(false);
  if (!failure) {
    return kept ? (
      <MessageBar intent="info" className={styles.bar} layout="multiline">
        <MessageBarBody>{kept}</MessageBarBody>
      </MessageBar>
    ) : null;
  }
  if (failure.conflict) {
    return (
      <MessageBar intent="warning" className={styles.bar} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('tab.conflict.title')}</MessageBarTitle>
          {t('tab.conflict.kept')}
          {failure.detail && <span className={styles.detail}>{failure.detail}</span>}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            disabled={reloading}
            onClick={async () => {
              setReloading(true);
              try {
                await onReload();
              } finally {
                setReloading(false);
              }
            }}
          >
            {t('tab.conflict.reload')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const hasFieldMessages = Object.keys(failure.fields).length > 0;
  return (
    <MessageBar intent="error" className={styles.bar} layout="multiline">
      <MessageBarBody>
        {hasFieldMessages || failure.other.length ? <MessageBarTitle>{failure.message}</MessageBarTitle> : failure.message}
        {failure.other.length > 0 && (
          <ul className={styles.list}>
            {failure.other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Asks before something is deleted or replaced; says what goes with it, and what went wrong if it did not go through. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  failure?: SaveFailure;
  /** The note after the latest version was loaded (see SaveFailureBar). */
  kept?: string;
  onConfirm: () => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useApp();
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_event, data) => !data.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {props.body}
            <SaveFailureBar failure={props.failure} onReload={props.onReload} kept={props.kept} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={props.busy} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button onClick={props.onCancel}>{t('tab.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Text only screen readers get. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className={useStyles().hidden}>{children}</span>;
}

/**
 * A polite live region: "Jens Jensen er gemt." after a save, so the result is announced, not only seen. `visible`:
 * shown on screen as well (✓ and the text), for sections whose forms close when saved, so nothing is confirmed to
 * screen readers only.
 */
export function useAnnouncer({ visible = false }: { visible?: boolean } = {}) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((text: string) => {
    clearTimeout(timer.current);
    setMessage('');
    // A fresh text node after a tick, so the same message twice is announced twice.
    timer.current = setTimeout(() => setMessage(text), 50);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  const styles = useStyles();
  const region = visible ? (
    <div role="status" aria-live="polite" className={styles.shownStatus} data-testid="section-status">
      {message && (
        <>
          <CheckIcon />
          <span>{message}</span>
        </>
      )}
    </div>
  ) : (
    <div role="status" aria-live="polite" className={styles.hidden}>
      {message}
    </div>
  );
  return { announce, region, message };
}

/**
 * Moves focus once React has drawn the next state: back to the button that opened a form (found by id, since the
 * row may have been re-rendered), or to a fallback such as the section's add button when that is gone.
 */
export function useFocusAfterRender() {
  const target = useRef<() => HTMLElement | null | undefined>(undefined);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (!request) return;
    target.current?.()?.focus();
  }, [request]);
  return useCallback((getTarget: () => HTMLElement | null | undefined) => {
    target.current = getTarget;
    setRequest((n) => n + 1);
  }, []);
}

/** The first of these elements (by id) that is on the page. */
export function byIds(...ids: (string | undefined)[]): HTMLElement | null {
  for (const id of ids) {
    const element = id ? document.getElementById(id) : null;
    if (element) return element;
  }
  return null;
}

// Icons: decorative, always beside text that says the same.

const iconStyle = { width: '1.25em', height: '1.25em', flexShrink: 0, verticalAlign: '-0.25em' } as const;

export function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" style={iconStyle} fill="currentColor">
      <path d="M7.6 14.6 3.4 10.4l1.2-1.2 3 3 7.8-7.8 1.2 1.2z" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" style={iconStyle} fill="currentColor">
      <path d="M10 2.2a1.4 1.4 0 0 1 1.2.7l7 12.4a1.4 1.4 0 0 1-1.2 2.1H3a1.4 1.4 0 0 1-1.2-2.1l7-12.4a1.4 1.4 0 0 1 1.2-.7zm0 1.6L3.2 15.8h13.6zM9.2 8h1.6v4.2H9.2zm0 5.4h1.6V15H9.2z" />
    </svg>
  );
}

export function PrintIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" style={iconStyle} fill="currentColor">
      <path d="M5 2h10v4h1.5A2.5 2.5 0 0 1 19 8.5V14h-4v4H5v-4H1V8.5A2.5 2.5 0 0 1 3.5 6H5zm1.5 1.5V6h7V3.5zM3.5 7.5a1 1 0 0 0-1 1v4H5V11h10v1.5h2.5v-4a1 1 0 0 0-1-1zm3 5v4h7v-4z" />
    </svg>
  );
}

/** Shared look of the plan's tables: real tables, readable in light, dark and high contrast. */
export const useTableStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlock: '6px', color: tokens.colorNeutralForeground1 },
  th: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    padding: '6px 8px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  rowHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  td: { padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  actions: { display: 'flex', gap: '4px', flexWrap: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  /** A row's own action as a native button drawn like Fluent's small one: long tables cannot afford a component per row. */
  rowButton: {
    minHeight: '24px',
    padding: `2px ${tokens.spacingHorizontalS}`,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});
