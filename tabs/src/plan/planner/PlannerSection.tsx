import { useState } from 'react';
import { Button, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Assignment, Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { PrintIcon, byIds, useAnnouncer, useFocusAfterRender } from '../../shared/formKit';
import { PlanSection, headingIdOf } from '../../shared/PlanSection';
import { useDeleteConfirmation } from '../../shared/useDeleteConfirmation';
import { MeetingPlan, type RowEditing } from './MeetingPlan';
import { ParticipationMatrix } from './ParticipationMatrix';
import { networkApi } from '../../shell/networkApi';
import { SectionAdvice } from '../advice/AdviceBox';

const VIEW_KEY = 'netvaerk.plannerView';
type View = 'perMeeting' | 'matrix';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '16px', alignItems: 'center', flexWrap: 'wrap', marginBottom: '12px' },
  toggle: { display: 'inline-flex', gap: '0' },
  left: { borderStartEndRadius: 0, borderEndEndRadius: 0 },
  right: { borderStartStartRadius: 0, borderEndStartRadius: 0, marginInlineStart: '-1px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Where the print view lives: the same page with view=print (Teams keeps it in the tab; a browser opens a window). */
export function printUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'print');
  url.hash = '';
  return url.toString();
}

/** The planning tool (the handbook's "Planlægningsredskab"): per meeting who contributes what and how — or all at once as a matrix. */
export function PlannerSection({ plan, canEdit, reload }: SectionProps) {
  const { t, api, locale, host } = useApp();
  const styles = useStyles();
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_KEY) === 'matrix' ? 'matrix' : 'perMeeting'));
  const [editing, setEditing] = useState<RowEditing>();
  const focusAfter = useFocusAfterRender();
  // Its forms close when saved: the outcome is shown in the section as well as announced.
  const { announce, region } = useAnnouncer({ visible: true });
  const meetings = orderMeetings(plan.meetings);
  const label = (meetingId: string) => {
    const meeting = plan.meetings.find((m) => m.id === meetingId);
    return meeting ? meetingLabel(meeting, plan.meetings, locale) : '';
  };

  const choose = (next: View) => {
    setView(next);
    localStorage.setItem(VIEW_KEY, next);
  };

  const openPrint = () => {
    if (host.inTeams) window.location.assign(printUrl());
    else window.open(printUrl(), '_blank');
  };

  /** Opening or closing a meeting's "add a person" form; closing puts focus back on the button that opened it. */
  const edit = (next: RowEditing | undefined) => {
    if (!next && editing) {
      focusAfter(() => byIds(`planner-add-${editing.meetingId}`, headingIdOf('planner')));
    }
    setEditing(next);
  };

  const removal = useDeleteConfirmation<{ assignment: Assignment; participant: Participant }>({
    remove: ({ assignment }) =>
      networkApi(api, plan.network.id)
        .meeting(assignment.meetingId)
        .assignment(assignment.participantId)
        .remove(plan.assignments.find((a) => a.meetingId === assignment.meetingId && a.participantId === assignment.participantId)?.etag ?? assignment.etag),
    reload,
    texts: ({ assignment, participant }) => ({
      title: t('tab.planner.confirmTitle', { name: participant.name, label: label(assignment.meetingId) }),
      body: t('tab.planner.confirmBody'),
      confirmLabel: t('tab.planner.confirmRemove'),
    }),
    onDeleted: ({ assignment, participant }) => announce(t('tab.planner.matrix.removed', { name: participant.name, label: label(assignment.meetingId) })),
    focusAfterDelete: ({ assignment }) => byIds(`planner-add-${assignment.meetingId}`, headingIdOf('planner')),
    focusAfterCancel: ({ assignment }) => byIds(`planner-remove-${assignment.meetingId}-${assignment.participantId}`),
  });
  const askRemove = (assignment: Assignment, participant: Participant) => removal.ask({ assignment, participant });

  return (
    <PlanSection name="planner" title={t('tab.planner.heading')} intro={t('tab.planner.intro')} region={region} afterIntro={<SectionAdvice advice={plan.advice} section="planner" />}>
      <div className={styles.toolbar}>
        <div role="group" aria-label={t('tab.planner.view')} className={styles.toggle}>
          <ToggleButton className={styles.left} checked={view === 'perMeeting'} onClick={() => choose('perMeeting')}>
            {t('tab.planner.view.perMeeting')}
          </ToggleButton>
          <ToggleButton className={styles.right} checked={view === 'matrix'} onClick={() => choose('matrix')}>
            {t('tab.planner.view.matrix')}
          </ToggleButton>
        </div>
        <Button icon={<PrintIcon />} onClick={openPrint}>
          {t('tab.planner.print')}
        </Button>
      </div>
      {meetings.length === 0 ? (
        <p className={styles.muted}>{t('tab.planner.noMeetings')}</p>
      ) : plan.participants.length === 0 && plan.assignments.length === 0 ? (
        <p className={styles.muted}>{t('tab.planner.noParticipants')}</p>
      ) : view === 'matrix' ? (
        <ParticipationMatrix plan={plan} canEdit={canEdit} reload={reload} onRemove={askRemove} announce={announce} />
      ) : (
        meetings.map((meeting) => (
          <MeetingPlan
            key={meeting.id}
            plan={plan}
            meeting={meeting}
            label={label(meeting.id)}
            canEdit={canEdit}
            editing={editing}
            onEdit={edit}
            onRemove={askRemove}
            onSaved={(name) => announce(t('tab.planner.saved', { name, label: label(meeting.id) }))}
            reload={reload}
          />
        ))
      )}
      {removal.dialog}
    </PlanSection>
  );
}
