import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ buttons: { display: 'flex', gap: '8px', alignItems: 'center' } });

interface Props {
  label: string;
  busyLabel: string;
  disabled?: boolean;
  /** Does the work and returns what to tell the user; a thrown error's message is shown instead. */
  send: () => Promise<string | Outcome | undefined>;
  /** What stands while nothing was pressed (or the press said nothing): e.g. how the last send went, from the server. */
  status?: Outcome;
}

/** A button that asks the bot to send something now, with a spinner and a spoken outcome. */
export function SendButton({ label, busyLabel, disabled, send, status }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async () => {
    setOutcome(undefined);
    setBusy(true);
    try {
      const said = await send();
      if (said) setOutcome(typeof said === 'string' ? { intent: 'success', message: said } : said);
    } catch (error) {
      setOutcome({ intent: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className={styles.buttons}>
        <Button onClick={() => void run()} disabledFocusable={busy || disabled}>
          {label}
        </Button>
        {busy && <Spinner size="tiny" label={busyLabel} />}
      </div>
      <OutcomeMessage outcome={outcome ?? status} />
    </>
  );
}

export interface Outcome {
  intent: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

/** How the last action went, in a live region so it is read out. */
export function OutcomeMessage({ outcome }: { outcome?: Outcome }) {
  return (
    <div role="status">
      {outcome && (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
