import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useReach } from './useReach';
import { channelText, meetingPlanText, unreachableGroups } from './reachText';

const useStyles = makeStyles({
  panel: { margin: '12px 0', maxWidth: '90ch' },
  heading: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400 },
  line: { margin: '4px 0' },
  list: { margin: '4px 0', paddingInlineStart: '20px' },
  todo: { display: 'block', color: tokens.colorNeutralForeground2 },
  details: { marginTop: '4px' },
});

/**
 * Whom the bot reaches, at the top of the plan (leaders only): the channel for agendas and the idea lot, each
 * participant's chat for the reflection questions, and per coming meeting what will happen. What cannot be reached
 * says why and what to do; a network in no channel gets the steps to link it.
 */
export function ReachPanel({ plan }: { plan: PlanView }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  // Again after every reload of the plan: a participant linked to Teams, the network linked to a channel.
  const { reach, error } = useReach(plan.network.id, plan);
  if (error) {
    return (
      <MessageBar intent="error" className={styles.panel}>
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!reach) return <Spinner size="tiny" label={t('tab.loading')} className={styles.panel} />;
  const channel = channelText(reach, t);
  const groups = unreachableGroups(reach, t, locale);
  const coming = reach.meetings.filter((m) => m.agenda.state !== 'over' || m.reflections.state === 'due');
  const byId = new Map(plan.meetings.map((m) => [m.id, m]));
  const ok = channel.ok && groups.length === 0;
  return (
    <section aria-labelledby="reach-heading" className={styles.panel} data-testid="reach-panel">
      <MessageBar intent={ok ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <h2 id="reach-heading" className={styles.heading}>
            {t('tab.reach.heading')}
          </h2>
          <p className={styles.line}>{channel.text}</p>
          <p className={styles.line}>
            {reach.summary.total === 0 ? t('tab.reach.noParticipants') : t('tab.reach.people', { reachable: reach.summary.reachable, total: reach.summary.total })}
          </p>
          {/* What to do, one click away: the panel says what is wrong in two lines and keeps the sections in sight. */}
          {(!ok || channel.todo) && (
            <details className={styles.details}>
              <summary>{t('tab.reach.howTo')}</summary>
              {reach.channel.status === 'noChannel' ? (
                <>
                  <ol className={styles.list}>
                    <li>{t('tab.reach.link.step1')}</li>
                    <li>{t('tab.reach.link.step2')}</li>
                    <li>{t('tab.reach.link.step3', { name: plan.network.name })}</li>
                  </ol>
                  <p className={styles.line}>{t('tab.reach.link.after')}</p>
                </>
              ) : (
                channel.todo && <p className={styles.line}>{channel.todo}</p>
              )}
              {groups.length > 0 && (
                <ul className={styles.list}>
                  {groups.map((group) => (
                    <li key={group.status}>
                      {group.text}
                      <span className={styles.todo}>{group.todo}</span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          )}
          {coming.length > 0 && (
            <details className={styles.details}>
              <summary>{t('tab.reach.meetings')}</summary>
              <ul className={styles.list}>
                {coming.map((m) => {
                  const meeting = byId.get(m.meetingId);
                  return (
                    meeting && (
                      <li key={m.meetingId}>
                        {meetingLabel(meeting, plan.meetings, locale)} ({formatDate(meeting.date)}): {meetingPlanText(m, t)}
                      </li>
                    )
                  );
                })}
              </ul>
            </details>
          )}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
