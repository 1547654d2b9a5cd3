import { useState } from 'react';
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { meetingTitle } from './meetingTitle';

const useStyles = makeStyles({ field: { maxWidth: '520px', marginBlock: '12px' } });

/**
 * Which meeting a section works on. Starts at `initial` (e.g. the next meeting); keeps the choice while the plan
 * reloads, and falls back to the first meeting if the chosen one is deleted.
 */
export function useMeetingChoice(plan: PlanView, initial: (meetings: Meeting[]) => Meeting | undefined) {
  const meetings = orderMeetings(plan.meetings);
  const [chosenId, setChosenId] = useState(() => initial(meetings)?.id);
  const meeting = meetings.find((m) => m.id === chosenId) ?? meetings[0];
  return { meetings, meeting, choose: setChosenId };
}

interface Props {
  plan: PlanView;
  meeting: Meeting;
  onChoose: (id: string) => void;
  /** Why the choice cannot change now (unsaved changes), if it cannot. */
  locked?: string;
}

export function MeetingPicker({ plan, meeting, onChoose, locked }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const subtheme = (m: Meeting) => plan.subthemes.find((s) => s.id === m.subthemeId)?.title;
  return (
    <Field label={t('tab.agenda.meeting')} className={styles.field} hint={locked}>
      <Select value={meeting.id} onChange={(_e, d) => onChoose(d.value)} disabled={!!locked}>
        {orderMeetings(plan.meetings).map((m) => (
          <option key={m.id} value={m.id}>
            {meetingTitle(meetingLabel(m, plan.meetings, locale), m, subtheme(m))}
          </option>
        ))}
      </Select>
    </Field>
  );
}
