import { makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { byIds, useAnnouncer } from '../../shared/formKit';
import { ItemActions } from '../../shared/ItemActions';
import { PlanSection, headingIdOf } from '../../shared/PlanSection';
import { useDeleteConfirmation } from '../../shared/useDeleteConfirmation';
import { useInlineEditing } from '../../shared/useInlineEditing';
import { MeetingForm } from './MeetingForm';
import { weekOf, weekdayOf } from '../../shared/dateText';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
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

/** The series: numbered network meetings and the closing meeting, each inside the network's period. */
export function MeetingsSection({ plan, canEdit, reload }: SectionProps) {
  const { t, api, locale } = useApp();
  const styles = useStyles();
  // Its forms close when saved: the outcome is shown in the section as well as announced.
  const { announce, region } = useAnnouncer({ visible: true });
  const { network } = plan;
  const meetings = orderMeetings(plan.meetings);
  const label = (meeting: Meeting) => meetingLabel(meeting, plan.meetings, locale);
  const subthemeTitle = (meeting: Meeting) => plan.subthemes.find((s) => s.id === meeting.subthemeId)?.title;
  const editor = useInlineEditing<Meeting>((meeting) => `meeting-edit-${meeting.id}`);
  const deletion = useDeleteConfirmation<Meeting>({
    remove: (meeting) =>
      networkApi(api, network.id).meetings.remove(meeting.id, plan.meetings.find((m) => m.id === meeting.id)?.etag ?? meeting.etag),
    reload,
    texts: (meeting) => ({
      title: t('tab.meetings.confirmTitle', { label: label(meeting) }),
      body: t('tab.meetings.confirmBody'),
      confirmLabel: t('tab.meetings.confirmDelete'),
    }),
    onDeleted: (meeting) => announce(t('tab.meetings.deleted', { label: label(meeting) })),
    focusAfterDelete: () => editor.addButton.current ?? byIds(headingIdOf('meetings')),
    focusAfterCancel: (meeting) => byIds(`meeting-delete-${meeting.id}`),
  });
  const { editing, edited } = editor;

  const form = (meeting?: Meeting) => (
    <MeetingForm
      key={meeting?.id ?? 'new'}
      plan={plan}
      meeting={meeting}
      label={label}
      reload={reload}
      onCancel={editor.close}
      onDone={({ label: name, created }) => {
        announce(t(created ? 'tab.meetings.added' : 'tab.meetings.saved', { label: name }));
        editor.close();
      }}
    />
  );

  return (
    <PlanSection
      name="meetings"
      title={t('tab.meetings.heading')}
      intro={t('tab.meetings.intro')}
      afterIntro={
        <p className={styles.period}>
          {t('tab.meetings.period', {
            start: formatDate(network.startDate),
            end: formatDate(network.endDate),
            startWeek: weekOf(network.startDate),
            endWeek: weekOf(network.endDate),
          })}
        </p>
      }
      region={region}
      add={canEdit && !editing ? { label: t('tab.meetings.add'), onClick: editor.add, ref: editor.addButton } : undefined}
    >
      {canEdit && editing?.mode === 'add' && form()}
      {meetings.length === 0 ? (
        <p className={styles.muted}>{t('tab.meetings.none')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('tab.meetings.heading')}>
          {meetings.map((meeting) =>
            canEdit && edited?.id === meeting.id ? (
              <li key={meeting.id}>{form(edited)}</li>
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
                  <ItemActions
                    className={styles.actions}
                    editId={`meeting-edit-${meeting.id}`}
                    removeId={`meeting-delete-${meeting.id}`}
                    editLabel={t('tab.meetings.editLabel', { label: label(meeting) })}
                    removeLabel={t('tab.meetings.deleteLabel', { label: label(meeting) })}
                    onEdit={() => editor.edit(meeting)}
                    onRemove={() => deletion.ask(meeting)}
                  />
                )}
              </li>
            ),
          )}
        </ol>
      )}
      {deletion.dialog}
    </PlanSection>
  );
}

/** "Rådhuset, mødelokale 2 · online" — or that the place is not decided yet. */
export function placeText(meeting: Pick<Meeting, 'location' | 'online'>, t: (key: 'tab.meetings.online' | 'tab.meetings.noLocation') => string): string {
  const parts = [meeting.location.trim(), meeting.online ? t('tab.meetings.online') : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('tab.meetings.noLocation');
}
