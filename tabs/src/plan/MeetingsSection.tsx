import { useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../../bot/domain/dates';
import { meetingLabel, orderMeetings } from '../../../bot/domain/labels';
import type { Meeting } from '../../../bot/domain/model';
import { useApp } from '../shell/AppContext';
import type { SectionProps } from './PlanPage';
import { ConfirmDialog, byIds, useAnnouncer, useFocusAfterRender, useSaver } from './planner/formKit';
import { MeetingForm } from './meetings/MeetingForm';
import { weekOf, weekdayOf } from './meetings/dateText';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase600 },
  intro: { margin: '0 0 8px', maxWidth: '70ch' },
  period: { margin: '0 0 12px', fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', padding: 0, margin: '12px 0', display: 'grid', gap: '12px', maxWidth: '820px' },
  card: {
    padding: '12px 16px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardHeading: { margin: '0 0 8px', fontSize: tokens.fontSizeBase400 },
  details: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '4px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: '8px', marginTop: '10px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Editing = { mode: 'add' } | { mode: 'edit'; meeting: Meeting };

/** The series: numbered network meetings and the closing meeting, each inside the network's period. */
export function MeetingsSection({ plan, canEdit, reload }: SectionProps) {
  const { t, api, locale } = useApp();
  const styles = useStyles();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<Meeting>();
  const focusAfter = useFocusAfterRender();
  const addButton = useRef<HTMLButtonElement>(null);
  const { announce, region } = useAnnouncer();
  const remover = useSaver([]);
  const { network } = plan;
  const meetings = orderMeetings(plan.meetings);
  const label = (meeting: Meeting) => meetingLabel(meeting, plan.meetings, locale);
  const subthemeTitle = (meeting: Meeting) => plan.subthemes.find((s) => s.id === meeting.subthemeId)?.title;

  const open = (next: Editing) => setEditing(next);
  /** Back to the meeting's edit button after editing, to the add button after adding. */
  const close = () => {
    const returnTo = editing?.mode === 'edit' ? `meeting-edit-${editing.meeting.id}` : undefined;
    setEditing(undefined);
    focusAfter(() => byIds(returnTo) ?? addButton.current);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const current = plan.meetings.find((m) => m.id === deleting.id);
    const name = label(deleting);
    const ok = await remover.run(async () => {
      await api.del(`/api/networks/${encodeURIComponent(network.id)}/meetings/${encodeURIComponent(deleting.id)}`, current?.etag ?? deleting.etag ?? '');
      await reload();
    });
    if (ok) {
      announce(t('tab.meetings.deleted', { label: name }));
      setDeleting(undefined);
      focusAfter(() => addButton.current ?? byIds('meetings-heading'));
    }
  };

  const form = (meeting?: Meeting) => (
    <MeetingForm
      key={meeting?.id ?? 'new'}
      plan={plan}
      meeting={meeting}
      label={label}
      reload={reload}
      onCancel={close}
      onDone={({ label: name, created }) => {
        announce(t(created ? 'tab.meetings.added' : 'tab.meetings.saved', { label: name }));
        close();
      }}
    />
  );

  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading" className={styles.heading} tabIndex={-1}>
        {t('tab.meetings.heading')}
      </h2>
      <p className={styles.intro}>{t('tab.meetings.intro')}</p>
      <p className={styles.period}>
        {t('tab.meetings.period', {
          start: formatDate(network.startDate),
          end: formatDate(network.endDate),
          startWeek: weekOf(network.startDate),
          endWeek: weekOf(network.endDate),
        })}
      </p>
      {region}
      {canEdit && !editing && (
        <Button appearance="primary" ref={addButton} onClick={() => open({ mode: 'add' })}>
          {t('tab.meetings.add')}
        </Button>
      )}
      {canEdit && editing?.mode === 'add' && form()}
      {meetings.length === 0 ? (
        <p className={styles.muted}>{t('tab.meetings.none')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('tab.meetings.heading')}>
          {meetings.map((meeting) =>
            canEdit && editing?.mode === 'edit' && editing.meeting.id === meeting.id ? (
              <li key={meeting.id}>{form(editing.meeting)}</li>
            ) : (
              <li key={meeting.id} className={styles.card} data-meeting={meeting.id}>
                <h3 className={styles.cardHeading}>
                  {label(meeting)}
                  {subthemeTitle(meeting) ? `: ${subthemeTitle(meeting)}` : ''}
                </h3>
                <dl className={styles.details}>
                  <dt className={styles.term}>{t('tab.meetings.field.date')}</dt>
                  <dd className={styles.value}>
                    {t('tab.meetings.when', { weekday: weekdayOf(meeting.date, locale), date: formatDate(meeting.date), week: weekOf(meeting.date) })}
                  </dd>
                  <dt className={styles.term}>{t('tab.meetings.time')}</dt>
                  <dd className={styles.value}>{`${meeting.start}–${meeting.end}`}</dd>
                  <dt className={styles.term}>{t('tab.meetings.field.location')}</dt>
                  <dd className={styles.value}>{placeText(meeting, t)}</dd>
                  {meeting.purpose && (
                    <>
                      <dt className={styles.term}>{t('tab.meetings.field.purpose')}</dt>
                      <dd className={styles.value}>{meeting.purpose}</dd>
                    </>
                  )}
                  {meeting.preparation && (
                    <>
                      <dt className={styles.term}>{t('tab.meetings.field.preparation')}</dt>
                      <dd className={styles.value}>{meeting.preparation}</dd>
                    </>
                  )}
                </dl>
                {canEdit && !editing && (
                  <div className={styles.actions}>
                    <Button id={`meeting-edit-${meeting.id}`} size="small" onClick={() => open({ mode: 'edit', meeting })} aria-label={t('tab.meetings.editLabel', { label: label(meeting) })}>
                      {t('tab.edit')}
                    </Button>
                    <Button
                      id={`meeting-delete-${meeting.id}`}
                      size="small"
                      onClick={() => {
                        remover.clear();
                        setDeleting(meeting);
                      }}
                      aria-label={t('tab.meetings.deleteLabel', { label: label(meeting) })}
                    >
                      {t('tab.delete')}
                    </Button>
                  </div>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={t('tab.meetings.confirmTitle', { label: deleting ? label(deleting) : '' })}
        body={t('tab.meetings.confirmBody')}
        confirmLabel={t('tab.meetings.confirmDelete')}
        busy={remover.saving}
        failure={remover.failure}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          const returnTo = `meeting-delete-${deleting?.id}`;
          setDeleting(undefined);
          focusAfter(() => byIds(returnTo));
        }}
        onReload={async () => {
          await reload();
          remover.clear();
        }}
      />
    </section>
  );
}

/** "Rådhuset, mødelokale 2 · online" — or that the place is not decided yet. */
export function placeText(meeting: Pick<Meeting, 'location' | 'online'>, t: (key: 'tab.meetings.online' | 'tab.meetings.noLocation') => string): string {
  const parts = [meeting.location.trim(), meeting.online ? t('tab.meetings.online') : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('tab.meetings.noLocation');
}
