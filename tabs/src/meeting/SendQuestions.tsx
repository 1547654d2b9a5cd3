import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Meeting } from '@domain/model';
import { useApp } from '../shell/AppContext';
import { useNetworkApi } from '../shell/useNetworkApi';
import type { ReflectionStatus } from '../shell/networkApi';
import { copenhagenClock } from './atHand';
import { questionsState } from './questions';

// For the leaders: the meeting's reflection questions go out at its planned end by themselves; in the meeting the
// leader can send them now instead ("Send refleksionsspørgsmål nu": POST …/reflections/send ends the meeting now, so
// the round runs at once, once). What will happen, what happened, and why not, in words — from GET …/reflection-status.

const useStyles = makeStyles({
  heading: { margin: '20px 0 4px', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  text: { margin: '0 0 8px' },
  muted: { margin: '0 0 8px', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', marginBlock: '4px 8px' },
  confirm: { padding: '8px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, marginBlock: '4px 8px' },
  list: { margin: '4px 0 0', paddingInlineStart: '18px' },
});

/** While the questions are on their way: how often the panel looks again, and for how long at most. */
const FOLLOW_MS = 2_000;
const FOLLOW_FOR_MS = 60_000;

type Outcome = { intent: 'success' | 'error'; text: string };

export function SendQuestions({ networkId, meeting, now, reload }: { networkId: string; meeting: Meeting; now: Date; reload: () => Promise<void> }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const client = useNetworkApi(networkId);
  const [status, setStatus] = useState<ReflectionStatus>();
  const [loadFailure, setLoadFailure] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [followUntil, setFollowUntil] = useState(0);
  const [ended, setEnded] = useState<string>();
  const alive = useRef(true);
  const sendButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Asked "are you sure?": focus goes to the answer, not lost with the button that asked.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const load = useCallback(async () => {
    try {
      const fresh = await client.meeting(meeting.id).reflectionStatus();
      if (!alive.current) return;
      setStatus(fresh);
      setLoadFailure(undefined);
    } catch (error) {
      if (alive.current) setLoadFailure((error as Error).message);
    }
  }, [client, meeting.id]);

  useEffect(() => {
    alive.current = true;
    setStatus(undefined);
    setOutcome(undefined);
    setConfirming(false);
    setEnded(undefined);
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  // The plan's meeting knows at once when it was ended (its endedAt), the status a moment later.
  const endedAt = ended ?? meeting.endedAt;
  const said = status && questionsState(status, t, locale, new Date(Math.max(now.getTime(), Date.now())), endedAt);
  // Following the round while it goes out: until every prompt has an outcome (or a minute has passed).
  useEffect(() => {
    if (!followUntil || !said || said.settled || Date.now() > followUntil) return;
    const timer = setTimeout(() => void load(), FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [followUntil, said, load]);

  const send = async () => {
    setSending(true);
    setOutcome(undefined);
    try {
      const endedNow = await client.meeting(meeting.id).sendReflections();
      setEnded(endedNow.endedAt);
      const fresh = await client.meeting(meeting.id).reflectionStatus().catch(() => status);
      if (fresh) setStatus(fresh);
      const count = fresh ? questionsState(fresh, t, locale, new Date(), endedNow.endedAt).reachable : 0;
      setOutcome({ intent: 'success', text: count ? t('tab.sidePanel.questions.sent', { count }) : t('tab.sidePanel.questions.sentNone') });
      setFollowUntil(Date.now() + FOLLOW_FOR_MS);
      await reload().catch(() => undefined);
    } catch (error) {
      setOutcome({ intent: 'error', text: t('tab.sidePanel.questions.notSent', { reason: (error as Error).message }) });
      await load();
    } finally {
      setSending(false);
      setConfirming(false);
    }
  };

  // From the meeting's own day (the server refuses earlier), while the round has not gone out and the meeting is open.
  const canSendNow = said?.state === 'due' && meeting.date <= copenhagenClock(now).date;
  return (
    <section aria-labelledby="side-panel-questions">
      <h2 id="side-panel-questions" className={styles.heading}>
        {t('tab.sidePanel.questions')}
      </h2>
      {!status && !loadFailure && <Spinner size="tiny" label={t('tab.loading')} />}
      {loadFailure && !status && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('tab.sidePanel.questions.statusFailed', { reason: loadFailure })}</MessageBarBody>
          <Button size="small" onClick={() => void load()}>
            {t('tab.error.retry')}
          </Button>
        </MessageBar>
      )}
      {said && (
        <div data-testid="side-panel-questions-state">
          <p className={styles.text}>{said.text}</p>
          {said.unreachable.length > 0 && (
            <ul className={styles.list}>
              {said.unreachable.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {canSendNow && !confirming && (
        <div className={styles.buttons}>
          <Button ref={sendButton} appearance="primary" onClick={() => setConfirming(true)}>
            {t('tab.sidePanel.questions.send')}
          </Button>
        </div>
      )}
      {canSendNow && confirming && (
        <div className={styles.confirm} role="group" aria-labelledby="side-panel-questions-confirm">
          <p id="side-panel-questions-confirm" className={styles.text}>
            {t('tab.sidePanel.questions.confirm', { reachable: said!.reachable, total: said!.total })}
          </p>
          <div className={styles.buttons}>
            <Button ref={confirmButton} appearance="primary" disabledFocusable={sending} onClick={() => void send()}>
              {t('tab.sidePanel.questions.confirmSend')}
            </Button>
            <Button disabled={sending} onClick={() => (setConfirming(false), setTimeout(() => sendButton.current?.focus(), 0))}>
              {t('tab.cancel')}
            </Button>
            {sending && <Spinner size="tiny" label={t('tab.sidePanel.questions.sending')} />}
          </div>
        </div>
      )}
      <div role="status" data-testid="side-panel-questions-outcome">
        {outcome && (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
