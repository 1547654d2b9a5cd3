import { useEffect, useState } from 'react';
import { makeStyles } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { meetingEndsAt } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import type { SectionProps } from '../SectionProps';
import { useAnnouncer, useTableStyles } from '../../shared/formKit';
import { MeetingPicker, useMeetingChoice } from '../../shared/MeetingPicker';
import { PlanSection } from '../../shared/PlanSection';
import { PlenaryView } from './PlenaryView';
import { RecapBox, RecapToAgenda } from './Recap';
import { SummaryEditor } from './SummaryEditor';
import { SummaryView } from './SummaryView';
import { useSummaryDraft } from './useSummaryDraft';

const useStyles = makeStyles({
  // The summary and, beside it on a wide screen (below on a narrow one), what the participants shared.
  workbench: { display: 'grid', gap: '0 24px', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', alignItems: 'start' },
});

/** "Opsamling på det enkelte netværksmøde" (the handbook): the joint summary per meeting beside the plenary view. */
export function SummarySection({ plan, canEdit, reload }: SectionProps) {
  const { t } = useApp();
  const table = useTableStyles();
  const { announce, region } = useAnnouncer();
  // The meeting that ended last: that is the one to sum up.
  const { meeting, choose } = useMeetingChoice(plan, (meetings) => meetings.filter((m) => meetingEndsAt(m) <= new Date()).at(-1));
  const [dirty, setDirty] = useState(false);
  return (
    <PlanSection name="summary" title={t('tab.summary.heading')} intro={t(canEdit ? 'tab.summary.intro' : 'tab.summary.introReadOnly')} region={region}>
      {!meeting ? (
        <p className={table.muted}>{t('tab.agenda.noMeetings')}</p>
      ) : (
        <>
          <MeetingPicker plan={plan} meeting={meeting} onChoose={choose} locked={canEdit && dirty ? t('tab.agenda.meetingLocked') : undefined} />
          <RecapBox plan={plan} meeting={meeting} />
          <MeetingSummary key={meeting.id} plan={plan} meeting={meeting} canEdit={canEdit} reload={reload} announce={announce} onDirty={setDirty} />
        </>
      )}
    </PlanSection>
  );
}

interface Props {
  plan: PlanView;
  meeting: Meeting;
  canEdit: boolean;
  reload: () => Promise<void>;
  announce: (message: string) => void;
  onDirty: (dirty: boolean) => void;
}

function MeetingSummary({ plan, meeting, canEdit, reload, announce, onDirty }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const label = meetingLabel(meeting, plan.meetings, locale);
  return (
    <>
      {canEdit && meetingEndsAt(meeting) > new Date() && (
        <p className={table.muted}>{t('tab.summary.notHeld', { date: formatDate(meeting.date), time: meeting.end })}</p>
      )}
      <div className={styles.workbench}>
        <div>
          {canEdit ? (
            <LeaderSummary plan={plan} meeting={meeting} label={label} reload={reload} announce={announce} onDirty={onDirty} />
          ) : (
            <SummaryView summary={plan.summaries.find((s) => s.meetingId === meeting.id)} label={label} />
          )}
        </div>
        <PlenaryView networkId={plan.network.id} meeting={meeting} label={label} />
      </div>
    </>
  );
}

function LeaderSummary({ plan, meeting, label, reload, announce, onDirty }: Omit<Props, 'canEdit'> & { label: string }) {
  const state = useSummaryDraft(plan, meeting, reload);
  useEffect(() => onDirty(state.dirty), [onDirty, state.dirty]);
  return (
    <>
      <SummaryEditor state={state} label={label} announce={announce} />
      <RecapToAgenda plan={plan} meeting={meeting} dirty={state.dirty} reload={reload} />
    </>
  );
}
