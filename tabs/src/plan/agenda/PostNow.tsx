import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Meeting } from '@domain/model';
import { DEFAULT_DAYS_BEFORE_AGENDA } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import { postingTime } from './AgendaEditor';
import { parseDays } from './agendaDraft';
import type { AgendaDraftState } from './useAgendaDraft';
import { SendButton } from '../../shared/SendButton';
import { useReach } from '../reach/useReach';
import { useChannelSend } from '../reach/useChannelSend';
import { cannotPostText, lastSendOutcome } from '../reach/reachText';
import { whenOf } from '../../../../bot/sending/view';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', padding: '12px 16px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  text: { margin: 0 },
});

const AGENDA_SENDS = ['agenda.post', 'agenda.update'] as const;

/**
 * "Send nu": the saved agenda goes to the channel now (unsaved changes are saved first); a posted card is updated.
 * It says what happened — sent at, or not sent with the reason and what to do — and that stays after a reload
 * (the last send, from …/sends). When the channel cannot be reached it says so before anything is pressed.
 */
export function PostNow({ state, meeting, networkId }: { state: AgendaDraftState; meeting: Meeting; networkId: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const days = parseDays(state.draft.days) ?? DEFAULT_DAYS_BEFORE_AGENDA;
  const { reach, refresh: refreshReach } = useReach(networkId);
  const sends = useChannelSend(networkId, AGENDA_SENDS, meeting.id);
  const cannot = cannotPostText(reach, t);
  // Once posted (or refused) the plan's own post is spent: the intro says what stands instead of the schedule.
  const post = sends.sends.find((send) => send.kind === 'agenda.post' && send.state === 'done');
  const intro = post?.outcome === 'sent' ? t('tab.agenda.post.posted') : post ? t('tab.agenda.post.notPosted') : t('tab.agenda.post.intro', postingTime(meeting, days));

  const send = async () => {
    if (state.dirty && !(await state.save())) return undefined;
    try {
      const answer = await state.agendaApi.post();
      await sends.refresh();
      if ('outcome' in answer) return t(answer.outcome === 'updated' ? 'send.updatedAt' : 'send.sentAt', whenOf(answer.sentAt));
      // Still under way: the last send's state (followed until it ends) says how it goes.
      return undefined;
    } catch (error) {
      await Promise.all([sends.refresh(), refreshReach()]);
      throw error;
    }
  };

  return (
    <section aria-labelledby="agenda-post-heading" className={styles.box}>
      <h3 id="agenda-post-heading" className={styles.heading}>
        {t('tab.agenda.post.heading')}
      </h3>
      {cannot ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{cannot}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.text}>
          {intro}
          {state.dirty && ` ${t('tab.agenda.post.savesFirst')}`}
        </p>
      )}
      <SendButton
        label={t('tab.agenda.post.now')}
        busyLabel={t('tab.agenda.post.sending')}
        disabled={state.saving}
        send={send}
        status={lastSendOutcome(sends.last, t)}
      />
    </section>
  );
}
