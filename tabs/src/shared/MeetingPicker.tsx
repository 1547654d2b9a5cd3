import { createContext, useContext, useState } from 'react';
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { meetingTitle } from './meetingTitle';

const useStyles = makeStyles({ field: { maxWidth: '520px', marginBlock: '12px' } });

/** The meeting a link to the plan asked for (a card's or a calendar event's; plan/linkTarget.ts), for the section it opened. */
export const LinkedMeeting = createContext<string | undefined>(undefined);

/**
 * Which meeting a section works on. Starts at the meeting a link asked for, else at `initial` (e.g. the next
 * meeting); keeps the choice while the plan reloads, and falls back to the first meeting if the chosen one is deleted.
 */
export function useMeetingChoice(plan: PlanView, initial: (meetings: Meeting[]) => Meeting | undefined) {
  const meetings = orderMeetings(plan.meetings);
  const linked = useContext(LinkedMeeting);
  const [chosenId, setChosenId] = useState(() => (linked && meetings.some((m) => m.id === linked) ? linked : initial(meetings)?.id));
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
