import { makeStyles, tokens } from '@fluentui/react-components';
import type { Meeting } from '@domain/model';
import { DEFAULT_DAYS_BEFORE_AGENDA } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import { postingTime } from './AgendaEditor';
import { parseDays } from './agendaDraft';
import type { AgendaDraftState } from './useAgendaDraft';
import { SendButton } from '../../shared/SendButton';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', padding: '12px 16px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  text: { margin: 0 },
});

/** "Send nu": the saved agenda goes to the channel now (unsaved changes are saved first); a posted card is updated. */
export function PostNow({ state, meeting }: { state: AgendaDraftState; meeting: Meeting }) {
  const { t } = useApp();
  const styles = useStyles();
  const days = parseDays(state.draft.days) ?? DEFAULT_DAYS_BEFORE_AGENDA;

  const send = async () => {
    if (state.dirty && !(await state.save())) return undefined;
    const { scheduled } = await state.agendaApi.post();
    return t(scheduled === 'agenda.update' ? 'tab.agenda.post.update' : 'tab.agenda.post.post');
  };

  return (
    <section aria-labelledby="agenda-post-heading" className={styles.box}>
      <h3 id="agenda-post-heading" className={styles.heading}>
        {t('tab.agenda.post.heading')}
      </h3>
      <p className={styles.text}>
        {t('tab.agenda.post.intro', postingTime(meeting, days))}
        {state.dirty && ` ${t('tab.agenda.post.savesFirst')}`}
      </p>
      <SendButton label={t('tab.agenda.post.now')} busyLabel={t('tab.agenda.post.sending')} disabled={state.saving} send={send} />
    </section>
  );
}
