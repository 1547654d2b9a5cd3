import { useEffect, useState } from 'react';
import { makeStyles } from '@fluentui/react-components';
import { meetingLabel } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { nextMeeting } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import type { SectionProps } from '../SectionProps';
import { AgendaEditor } from './AgendaEditor';
import { AgendaPreview } from './AgendaPreview';
import { AgendaView } from './AgendaView';
import { PostNow } from './PostNow';
import { agendaBody } from './agendaDraft';
import { useAgendaDraft } from './useAgendaDraft';
import { useAnnouncer, useTableStyles } from '../../shared/formKit';
import { MeetingPicker, useMeetingChoice } from '../../shared/MeetingPicker';
import { PlanSection } from '../../shared/PlanSection';

const useStyles = makeStyles({
  // The table and, beside it on a wide screen (below on a narrower one), the card as it will look: the table gets
  // the larger share, since it has four columns to fit without scrolling sideways.
  workbench: {
    display: 'grid',
    gap: '16px 24px',
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    '@media (min-width: 1180px)': { gridTemplateColumns: 'minmax(0, 2fr) minmax(340px, 1fr)' },
  },
  side: { display: 'grid', gap: '16px', marginBlock: '12px' },
});

/** "Dagsorden" (the handbook): the leader writes each meeting's programme and sees the card the bot will post. */
export function AgendaSection({ plan, canEdit, reload }: SectionProps) {
  const { t, locale } = useApp();
  const table = useTableStyles();
  const { announce, region } = useAnnouncer();
  const { meeting, choose } = useMeetingChoice(plan, (meetings) => nextMeeting(meetings, new Date()) ?? meetings.at(-1));
  const label = meeting ? meetingLabel(meeting, plan.meetings, locale) : '';
  const [dirty, setDirty] = useState(false);

  return (
    <PlanSection name="agenda" title={t('tab.agenda.heading')} intro={t(canEdit ? 'tab.agenda.intro' : 'tab.agenda.introReadOnly')} region={region}>
      {!meeting ? (
        <p className={table.muted}>{t('tab.agenda.noMeetings')}</p>
      ) : (
        <>
          <MeetingPicker plan={plan} meeting={meeting} onChoose={choose} locked={canEdit && dirty ? t('tab.agenda.meetingLocked') : undefined} />
          {canEdit ? (
            <AgendaWorkbench key={meeting.id} plan={plan} meeting={meeting} label={label} reload={reload} announce={announce} onDirty={setDirty} />
          ) : (
            <AgendaView agenda={plan.agendas.find((a) => a.meetingId === meeting.id)} meeting={meeting} label={label} />
          )}
        </>
      )}
    </PlanSection>
  );
}

interface WorkbenchProps {
  plan: PlanView;
  meeting: Meeting;
  label: string;
  reload: () => Promise<void>;
  announce: (message: string) => void;
  onDirty: (dirty: boolean) => void;
}

function AgendaWorkbench({ plan, meeting, label, reload, announce, onDirty }: WorkbenchProps) {
  const styles = useStyles();
  const state = useAgendaDraft(plan, meeting, reload);
  useEffect(() => onDirty(state.dirty), [onDirty, state.dirty]);
  return (
    <div className={styles.workbench}>
      <AgendaEditor state={state} meeting={meeting} label={label} announce={announce} />
      <div className={styles.side}>
        <AgendaPreview path={state.paths.agendaPreview} body={agendaBody(state.draft)} version={meeting.etag} />
        <PostNow state={state} meeting={meeting} networkId={plan.network.id} />
      </div>
    </div>
  );
}
