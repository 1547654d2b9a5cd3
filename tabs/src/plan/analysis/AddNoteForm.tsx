import { useState, type FormEvent } from 'react';
import { Button, Field, Spinner, Textarea, makeStyles } from '@fluentui/react-components';
import type { AnalysisCategory } from '@domain/model';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import { NoteMeetingField } from './NoteMeetingField';
import type { PlanView } from '../../shell/usePlan';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { SavedNote, savedNow, type SavedInfo } from '../../shared/SavedNote';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '8px', marginTop: '8px', maxWidth: '640px' },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  meeting: { maxWidth: '360px' },
});

interface Props {
  plan: PlanView;
  category: AnalysisCategory;
  title: string;
  reload: () => Promise<void>;
}

/**
 * Anyone in the network writes a note in a category; the field is ready for the next one after adding, and beside the
 * button it says so ("Noten er tilføjet til Paradokser. Gemt kl. 14.32"). Not added: the text stays, with the reason.
 */
export function AddNoteForm({ plan, category, title, reload }: Props) {
  const { api, t } = useApp();
  const styles = useStyles();
  const saver = useSaver(['text', 'meetingId']);
  const [text, setText] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [empty, setEmpty] = useState(false);
  const [saved, setSaved] = useState<SavedInfo>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    setEmpty(!value);
    if (!value) return;
    const ok = await saver.run(async () => {
      await networkApi(api, plan.network.id).analysis.notes.create({ categoryId: category.id, text: value, ...(meetingId ? { meetingId } : {}) });
      await reload();
    });
    if (ok) {
      setText('');
      setSaved(savedNow(t('tab.analysis.notes.added', { category: title })));
    }
  };

  return (
    <form className={styles.form} aria-label={t('tab.analysis.notes.new', { category: title })} onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t('tab.analysis.notes.new', { category: title })} validationMessage={empty ? t('validation.required') : saver.failure?.fields.text}>
        <Textarea value={text} maxLength={MAX.medium} rows={2} resize="vertical" onChange={(_e, d) => (setText(d.value), setEmpty(false))} />
      </Field>
      <NoteMeetingField plan={plan} value={meetingId} onChange={setMeetingId} error={saver.failure?.fields.meetingId} className={styles.meeting} />
      <SaveFailureBar
        failure={saver.failure}
        onReload={async () => {
          await reload();
          saver.clear();
        }}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saver.saving}>{t('tab.analysis.notes.add')}</Button>
        {saver.saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
        <SavedNote saved={saver.saving || saver.failure ? undefined : saved} />
      </div>
    </form>
  );
}
