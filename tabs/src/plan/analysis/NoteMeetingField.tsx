import { Field, Select } from '@fluentui/react-components';
import { meetingLabel, orderMeetings } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';

interface Props {
  plan: PlanView;
  value: string;
  onChange: (meetingId: string) => void;
  error?: string;
  className?: string;
}

/** Which meeting a note comes from, or none: the series in order. */
export function NoteMeetingField({ plan, value, onChange, error, className }: Props) {
  const { t, locale } = useApp();
  return (
    <Field className={className} label={t('tab.analysis.notes.meeting')} validationMessage={error}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)}>
        <option value="">{t('tab.analysis.notes.noMeeting')}</option>
        {orderMeetings(plan.meetings).map((m) => (
          <option key={m.id} value={m.id}>
            {meetingLabel(m, plan.meetings, locale)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
