import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { addDays, formatDate } from '@domain/dates';
import type { Meeting } from '@domain/model';
import { AGENDA_POST_HOUR } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import { EditForm, draftFormProps } from '../../shared/EditForm';
import { byIds, useFocusAfterRender } from '../../shared/formKit';
import { AgendaItemRow, fieldId } from './AgendaItemRow';
import { moveItem, newItem, parseDays } from './agendaDraft';
import type { AgendaDraftState } from './useAgendaDraft';

const useStyles = makeStyles({
  list: { display: 'grid', gap: '10px', margin: 0, padding: 0 },
  subheading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  days: { maxWidth: '320px' },
});

/** "Lægges i kanalen 10.03.2026 kl. 09:00": when the bot posts the agenda by itself. */
export function postingTime(meeting: Meeting, days: number) {
  return { date: formatDate(addDays(meeting.date, -days)), time: `${String(AGENDA_POST_HOUR).padStart(2, '0')}:00` };
}

interface Props {
  state: AgendaDraftState;
  meeting: Meeting;
  label: string;
  announce: (message: string) => void;
}

/** The agenda form: programme rows, days before the meeting, the meeting's preparation; save or go back to what is saved. */
export function AgendaEditor({ state, meeting, label, announce }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const focusAfter = useFocusAfterRender();
  const { draft, setDraft, errors } = state;
  const setItems = (items: typeof draft.items) => setDraft((d) => ({ ...d, items }));
  const days = parseDays(draft.days);

  const add = () => {
    const item = newItem(draft.items, meeting);
    setItems([...draft.items, item]);
    focusAfter(() => byIds(fieldId(item, 'time')));
  };
  const move = (index: number, by: -1 | 1, focusId: string) => {
    const moved = draft.items[index];
    const items = moveItem(draft.items, index, by);
    if (!moved || items === draft.items) return;
    setItems(items);
    announce(t('tab.agenda.moved', { content: moved.content || t('tab.agenda.item', { number: index + 1 }), time: items[index + by]!.time }));
    focusAfter(() => byIds(focusId));
  };
  const remove = (index: number) => {
    const items = draft.items.filter((_item, i) => i !== index);
    setItems(items);
    announce(t('tab.agenda.removed', { number: index + 1 }));
    const next = items[index] ?? items[index - 1];
    focusAfter(() => byIds(next && fieldId(next, 'remove'), 'agenda-add-item'));
  };
  return (
    <EditForm
      title={t('tab.agenda.formTitle', { label })}
      {...draftFormProps(state, announce, t('tab.agenda.saved', { label }), t('tab.conflict.kept'))}
      testId="agenda-form"
    >
      <h4 className={styles.subheading}>{t('tab.agenda.items')}</h4>
      <p className={styles.muted}>{draft.items.length ? t('tab.agenda.moveHint') : t('tab.agenda.noItems')}</p>
      {draft.items.length > 0 && (
        <ol className={styles.list} aria-label={t('tab.agenda.items')}>
          {draft.items.map((item, index) => (
            <AgendaItemRow
              key={item.key}
              item={item}
              index={index}
              count={draft.items.length}
              errors={errors.items[item.key]}
              onChange={(changed) => setItems(draft.items.map((other) => (other.key === item.key ? changed : other)))}
              onMove={(by, focusId) => move(index, by, focusId)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <div>
        <Button id="agenda-add-item" onClick={add}>
          {t('tab.agenda.addItem')}
        </Button>
      </div>
      <Field
        className={styles.days}
        label={t('tab.agenda.days')}
        hint={days === undefined ? undefined : t('tab.agenda.days.hint', postingTime(meeting, days))}
        validationMessage={errors.days ?? state.failure?.fields.daysBeforeToPost}
      >
        <Input type="number" min={0} max={60} value={draft.days} onChange={(_e, d) => setDraft((prev) => ({ ...prev, days: d.value }))} />
      </Field>
      <Field label={t('tab.meetings.field.preparation')} hint={t('tab.meetings.field.preparation.hint')} validationMessage={state.failure?.fields.preparation}>
        <Textarea value={draft.preparation} onChange={(_e, d) => setDraft((prev) => ({ ...prev, preparation: d.value }))} resize="vertical" />
      </Field>
      {state.dirty && <p className={styles.muted}>{t('tab.agenda.unsaved')}</p>}
    </EditForm>
  );
}
