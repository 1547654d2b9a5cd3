import { useState, type FormEvent } from 'react';
import { Checkbox, Field, Input, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { defaultMeetingEnd, formatDate } from '@domain/dates';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { EditForm } from '../../shared/EditForm';
import { patchChanges, useFocusOnOpen, useFormSave } from '../../shared/useFormSave';
import { dateText, parseDateText, parseTimeText, weekOf, weekdayOf } from '../../shared/dateText';
import { networkApi } from '../../shell/networkApi';

const FIELDS = ['number', 'closing', 'subthemeId', 'title', 'date', 'start', 'end', 'location', 'online', 'purpose', 'preparation', 'reflectionQuestions', 'teamsMeetingJoinUrl'] as const;
type FieldName = (typeof FIELDS)[number];

interface Draft {
  closing: boolean;
  subthemeId: string;
  date: string;
  start: string;
  end: string;
  endTouched: boolean;
  location: string;
  online: boolean;
  purpose: string;
  preparation: string;
  /** One question per line. */
  reflectionQuestions: string;
  /** The Teams meeting it is held in (its join link): the questions go out when it ends there. */
  teamsMeetingJoinUrl: string;
}

const useStyles = makeStyles({
  row: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' },
});

interface Props {
  plan: PlanView;
  /** The meeting being edited, as it was when the form opened; undefined adds a new one. */
  meeting?: Meeting;
  onDone: (saved: { label: string; created: boolean }) => void;
  onCancel: () => void;
  reload: () => Promise<void>;
  label: (meeting: Meeting) => string;
}

/** A network meeting or the closing meeting: subtheme, date in the period, time (3 hours by default), place, purpose. */
export function MeetingForm({ plan, meeting, onDone, onCancel, reload, label }: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const firstField = useFocusOnOpen<HTMLSelectElement>();
  const latestEtag = meeting ? (plan.meetings.find((m) => m.id === meeting.id)?.etag ?? meeting.etag) : undefined;
  const { saving, failure, run, etag, reloadLatest } = useFormSave(FIELDS, latestEtag, reload);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const subthemes = [...plan.subthemes].sort((a, b) => a.order - b.order);
  const [draft, setDraft] = useState<Draft>(() => {
    if (meeting) {
      return {
        closing: meeting.closing,
        subthemeId: meeting.subthemeId ?? '',
        date: dateText(meeting.date),
        start: meeting.start,
        end: meeting.end,
        endTouched: meeting.end !== defaultMeetingEnd(meeting.start),
        location: meeting.location,
        online: meeting.online,
        purpose: meeting.purpose,
        preparation: meeting.preparation,
        reflectionQuestions: meeting.reflectionQuestions.join('\n'),
        teamsMeetingJoinUrl: meeting.teamsMeetingJoinUrl ?? '',
      };
    }
    // One subtheme per meeting as a rule: suggest the first one no meeting has yet.
    const used = new Set(plan.meetings.map((m) => m.subthemeId));
    return {
      closing: false,
      subthemeId: subthemes.find((s) => !used.has(s.id))?.id ?? '',
      date: '',
      start: '09:00',
      end: defaultMeetingEnd('09:00'),
      endTouched: false,
      location: '',
      online: false,
      purpose: '',
      preparation: '',
      reflectionQuestions: '',
      teamsMeetingJoinUrl: '',
    };
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const setStart = (value: string) =>
    setDraft((d) => {
      const start = parseTimeText(value);
      // The end follows the start (+3 hours) until the user sets an end of their own.
      return { ...d, start: value, end: start && !d.endTouched ? defaultMeetingEnd(start) : d.end };
    });

  const { network } = plan;
  const period = { start: formatDate(network.startDate), end: formatDate(network.endDate) };
  const parsedDate = parseDateText(draft.date);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const date = parseDateText(draft.date);
    const start = parseTimeText(draft.start);
    const end = draft.end.trim() ? parseTimeText(draft.end) : start && defaultMeetingEnd(start);
    const errors: Partial<Record<FieldName, string>> = {};
    if (!draft.date.trim()) errors.date = t('validation.required');
    else if (!date) errors.date = t('tab.meetings.field.date.invalid');
    if (!start) errors.start = t('tab.meetings.field.time.invalid');
    if (!end) errors.end = t('tab.meetings.field.time.invalid');
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const body = {
      closing: draft.closing,
      subthemeId: draft.subthemeId,
      date,
      start,
      end,
      location: draft.location.trim(),
      online: draft.online,
      purpose: draft.purpose.trim(),
      preparation: draft.preparation.trim(),
      reflectionQuestions: draft.reflectionQuestions.split('\n').map((q) => q.trim()).filter(Boolean),
      teamsMeetingJoinUrl: draft.teamsMeetingJoinUrl.trim(),
    };
    const meetings = networkApi(api, network.id).meetings;
    const ok = await run(async () => {
      if (meeting) {
        await patchChanges((changes) => meetings.patch(meeting.id, changes, etag.base), body, { ...meeting, subthemeId: meeting.subthemeId ?? '', teamsMeetingJoinUrl: meeting.teamsMeetingJoinUrl ?? '' });
      } else {
        const number = Math.max(0, ...plan.meetings.map((m) => m.number)) + 1;
        await meetings.create({ ...body, number });
      }
      await reload();
    });
    if (ok) {
      const subtheme = subthemes.find((s) => s.id === draft.subthemeId)?.title;
      const name = meeting ? label(meeting) : subtheme ?? (date ? formatDate(date) : '');
      onDone({ label: name, created: !meeting });
    }
  };

  const error = (field: FieldName) => clientErrors[field] ?? failure?.fields[field];
  const dateHint = (
    <>
      {t('tab.meetings.field.date.hint', period)}
      {parsedDate && (
        <>
          {' '}
          <strong>{t('tab.meetings.field.date.week', { weekday: weekdayOf(parsedDate, locale), week: weekOf(parsedDate) })}</strong>
        </>
      )}
    </>
  );

  return (
    <EditForm
      title={meeting ? t('tab.meetings.editTitle', { label: label(meeting) }) : t('tab.meetings.new')}
      saving={saving}
      failure={failure}
      onReload={reloadLatest}
      onSubmit={submit}
      onCancel={onCancel}
      testId="meeting-form"
    >
      <Field
        label={t('tab.meetings.field.subtheme')}
        hint={subthemes.length === 0 ? t('tab.meetings.field.subtheme.empty') : undefined}
        validationMessage={error('subthemeId')}
      >
        <Select ref={firstField} value={draft.subthemeId} onChange={(_e, d) => set('subthemeId', d.value)}>
          <option value="">{t('tab.meetings.field.subtheme.none')}</option>
          {subthemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field validationMessage={error('closing')} hint={t('tab.meetings.field.closing.hint')}>
        <Checkbox checked={draft.closing} onChange={(_e, d) => set('closing', !!d.checked)} label={t('tab.meetings.field.closing')} />
      </Field>
      <div className={styles.row}>
        <Field label={t('tab.meetings.field.date')} required hint={dateHint} validationMessage={error('date')}>
          <Input
            value={draft.date}
            onChange={(_e, d) => set('date', d.value)}
            onBlur={() => parsedDate && set('date', dateText(parsedDate))}
            placeholder={t('tab.meetings.field.date.placeholder')}
            autoComplete="off"
            inputMode="numeric"
          />
        </Field>
        <Field label={t('tab.meetings.field.start')} required validationMessage={error('start')} hint={t('tab.meetings.field.time.hint')}>
          <Input
            value={draft.start}
            onChange={(_e, d) => setStart(d.value)}
            onBlur={() => {
              const start = parseTimeText(draft.start);
              if (start) set('start', start);
            }}
            autoComplete="off"
          />
        </Field>
        <Field label={t('tab.meetings.field.end')} required validationMessage={error('end')} hint={t('tab.meetings.field.end.hint')}>
          <Input
            value={draft.end}
            onChange={(_e, d) => setDraft((prev) => ({ ...prev, end: d.value, endTouched: true }))}
            onBlur={() => {
              const end = parseTimeText(draft.end);
              if (end) set('end', end);
            }}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('tab.meetings.field.location')} hint={t('tab.meetings.field.location.hint')} validationMessage={error('location')}>
          <Input value={draft.location} onChange={(_e, d) => set('location', d.value)} autoComplete="off" />
        </Field>
        <Field validationMessage={error('online')}>
          <Checkbox checked={draft.online} onChange={(_e, d) => set('online', !!d.checked)} label={t('tab.meetings.field.online')} />
        </Field>
      </div>
      <Field label={t('tab.meetings.field.teamsMeeting')} hint={t('tab.meetings.field.teamsMeeting.hint')} validationMessage={error('teamsMeetingJoinUrl')}>
        <Input
          type="url"
          value={draft.teamsMeetingJoinUrl}
          onChange={(_e, d) => set('teamsMeetingJoinUrl', d.value)}
          placeholder="https://teams.microsoft.com/l/meetup-join/…"
          autoComplete="off"
        />
      </Field>
      <Field label={t('tab.meetings.field.purpose')} hint={t('tab.meetings.field.purpose.hint')} validationMessage={error('purpose')}>
        <Textarea value={draft.purpose} onChange={(_e, d) => set('purpose', d.value)} resize="vertical" />
      </Field>
      <Field label={t('tab.meetings.field.preparation')} hint={t('tab.meetings.field.preparation.hint')} validationMessage={error('preparation')}>
        <Textarea value={draft.preparation} onChange={(_e, d) => set('preparation', d.value)} resize="vertical" />
      </Field>
      <Field
        label={t('tab.meetings.field.reflectionQuestions')}
        hint={t('tab.meetings.field.reflectionQuestions.hint')}
        validationMessage={error('reflectionQuestions')}
      >
        <Textarea value={draft.reflectionQuestions} onChange={(_e, d) => set('reflectionQuestions', d.value)} resize="vertical" rows={4} />
      </Field>
    </EditForm>
  );
}
