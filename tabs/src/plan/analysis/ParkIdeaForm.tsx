import { useState, type FormEvent } from 'react';
import { Button, Field, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { orderParticipants } from '../participants/order';
import { SaveFailureBar } from '../../shared/formKit';
import { SavedNote, type SavedInfo } from '../../shared/SavedNote';
import type { useParkIdea } from './useParkIdea';
import { ParticipantOptions } from '../participants/ParticipantOptions';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'grid', gap: '8px', maxWidth: '640px' },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

const KEY = 'free-text';

/**
 * An idea that comes up during the analysis goes on the parking lot at once, not lost and not in the way — with its
 * owner (tovholder) when one is ready: the leaders choose any participant, a participant only themselves.
 */
export function ParkIdeaForm({ parker, plan, canEdit, reload }: { parker: ReturnType<typeof useParkIdea>; plan: PlanView; canEdit: boolean; reload: () => Promise<void> }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [empty, setEmpty] = useState(false);
  const [saved, setSaved] = useState<SavedInfo>();
  const me = plan.participants.find((p) => p.id === plan.myParticipantId);
  const choices = canEdit ? orderParticipants(plan.participants, locale) : [];
  const failure = parker.failureAt(KEY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setEmpty(!text.trim());
    if (!text.trim()) return;
    // Parked: the form is ready for the next idea, and says beside the button what was parked and with whom.
    // Not parked: the text and the owner stay, and the reason is shown above the button.
    const parked = await parker.park(text, KEY, ownerId || undefined);
    if (parked) {
      setText('');
      setOwnerId('');
      setSaved(parked);
    }
  };
  return (
    <section aria-labelledby="analysis-park-heading">
      <h3 id="analysis-park-heading" className={styles.heading}>{t('tab.analysis.ideas.heading')}</h3>
      <p className={styles.intro}>{t(canEdit ? 'tab.analysis.ideas.intro' : 'tab.analysis.ideas.introParticipant')}</p>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="analysis-park-heading">
        <Field label={t('tab.analysis.ideas.field')} validationMessage={empty ? t('validation.required') : undefined}>
          <Textarea value={text} maxLength={MAX.medium} rows={2} resize="vertical" onChange={(_e, d) => (setText(d.value), setEmpty(false))} />
        </Field>
        {(choices.length > 0 || me) && (
          <Field label={t('tab.analysis.ideas.owner')} validationMessage={failure?.fields.owner}>
            <Select value={ownerId} onChange={(_e, d) => setOwnerId(d.value)}>
              <option value="">{t('tab.analysis.ideas.owner.none')}</option>
              {canEdit
                ? <ParticipantOptions participants={choices} />
                : me && <option value={me.id}>{t('tab.analysis.ideas.owner.me', { name: me.name })}</option>}
            </Select>
          </Field>
        )}
        <SaveFailureBar
          failure={failure && { ...failure, fields: {} }}
          onReload={async () => {
            await reload();
            parker.clear();
          }}
        />
        <div className={styles.buttons}>
          <Button type="submit" disabled={parker.parking === KEY}>{t('tab.analysis.ideas.add')}</Button>
          {parker.parking === KEY && <Spinner size="tiny" label={t('tab.planner.saving')} />}
          <SavedNote saved={parker.parking === KEY || failure ? undefined : saved} />
        </div>
      </form>
    </section>
  );
}
