import { useState } from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { meetingEndsAt } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import type { SectionProps } from '../SectionProps';
import { CloseMeeting } from './CloseMeeting';
import { IdeaDialog, type IdeaSource } from './IdeaDialog';
import { PostIdeaLot } from './PostIdeaLot';
import { ReminderSetting } from './ReminderSetting';
import { StatusTable } from './StatusTable';
import { useReflectionStatus } from './status';
import { byIds, useAnnouncer, useFocusAfterRender, useTableStyles } from '../../shared/formKit';
import { MeetingPicker, useMeetingChoice } from '../../shared/MeetingPicker';
import { PlanSection } from '../../shared/PlanSection';
import { useNetworkApi } from '../../shell/useNetworkApi';
import { formatClock } from '../../shared/formatDateTime';

/** "Individuel opsamling" from the leader's side: per meeting, who got the questions and who answered. Leaders only. */
export function ReflectionsSection({ plan, reload }: SectionProps) {
  const { t, locale } = useApp();
  const table = useTableStyles();
  const { announce, region } = useAnnouncer();
  // The meeting that ended last, as that is where the answers come in.
  const { meeting, choose } = useMeetingChoice(plan, (meetings) => meetings.filter((m) => meetingEndsAt(m) <= new Date()).at(-1));
  return (
    <PlanSection
      name="reflections"
      title={t('tab.reflections.heading')}
      intro={t('tab.reflections.intro')}
      region={region}
    >
      {!meeting ? (
        <p className={table.muted}>{t('tab.agenda.noMeetings')}</p>
      ) : (
        <>
          <MeetingPicker plan={plan} meeting={meeting} onChoose={choose} />
          <MeetingReflections key={meeting.id} plan={plan} meeting={meeting} label={meetingLabel(meeting, plan.meetings, locale)} reload={reload} announce={announce} />
        </>
      )}
      <ReminderSetting plan={plan} reload={reload} />
      <PostIdeaLot networkId={plan.network.id} />
    </PlanSection>
  );
}

interface Props {
  plan: PlanView;
  meeting: Meeting;
  label: string;
  reload: () => Promise<void>;
  announce: (message: string) => void;
}

function MeetingReflections({ plan, meeting, label, reload, announce }: Props) {
  const { t, locale } = useApp();
  const table = useTableStyles();
  const client = useNetworkApi(plan.network.id).meeting(meeting.id);
  const { status, error, refresh } = useReflectionStatus(client.paths.reflectionStatus);
  const [idea, setIdea] = useState<IdeaSource>();
  const [done, setDone] = useState<string>();
  const focusAfter = useFocusAfterRender();
  const reloadAll = async () => {
    await reload();
    await refresh();
  };
  const say = (message: string) => {
    setDone(message);
    announce(message);
  };

  return (
    <>
      {meetingEndsAt(meeting) > new Date() && (
        <p className={table.muted}>{t('tab.reflections.notHeld', { date: formatDate(meeting.date), time: meeting.end })}</p>
      )}
      {meeting.endedAt && (
        <p data-testid="meeting-ended">
          {t(
            status?.questions?.state === 'asked' ? 'tab.reflections.endedSent' : status?.questions?.state === 'due' ? 'tab.reflections.endedSending' : 'tab.reflections.ended',
            { time: formatClock(new Date(meeting.endedAt), locale) },
          )}
        </p>
      )}
      <CloseMeeting meeting={meeting} label={label} meetingApi={client} reload={reloadAll} onChanged={say} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : !status ? (
        <Spinner size="small" label={t('tab.loading')} />
      ) : status.participants.length === 0 ? (
        <p className={table.muted}>{t('tab.reflections.none')}</p>
      ) : (
        <>
          {status.questions?.state === 'due' && (
            <p className={table.muted}>
              {t('tab.reflections.questionsDue', {
                reachable: status.participants.filter((p) => p.reach === 'ok').length,
                total: status.participants.length,
              })}
            </p>
          )}
          <StatusTable caption={t('tab.reflections.caption', { label })} participants={status.participants} questions={status.questions} onIdea={setIdea} />
        </>
      )}
      {idea && (
        <IdeaDialog
          source={idea}
          meetingApi={client}
          plan={plan}
          onClose={(added) => {
            if (added) say(t('tab.reflections.idea.added', { name: idea.name }));
            setIdea(undefined);
            focusAfter(() => byIds(idea.buttonId));
          }}
        />
      )}
    </>
  );
}
