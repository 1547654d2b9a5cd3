import { useState, type FormEvent } from 'react';
import { Button, Field, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import type { useParkIdea } from './useParkIdea';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'grid', gap: '8px', maxWidth: '640px' },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center' },
});

const KEY = 'free-text';

/** An idea that comes up during the analysis goes on the parking lot at once, not lost and not in the way. */
export function ParkIdeaForm({ parker }: { parker: ReturnType<typeof useParkIdea> }) {
  const { t } = useApp();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setEmpty(!text.trim());
    if (!text.trim()) return;
    if (await parker.park(text, KEY)) setText('');
  };
  return (
    <section aria-labelledby="analysis-park-heading">
      <h3 id="analysis-park-heading" className={styles.heading}>{t('tab.analysis.ideas.heading')}</h3>
      <p className={styles.intro}>{t('tab.analysis.ideas.intro')}</p>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="analysis-park-heading">
        <Field label={t('tab.analysis.ideas.field')} validationMessage={empty ? t('validation.required') : undefined}>
          <Textarea value={text} maxLength={MAX.medium} rows={2} resize="vertical" onChange={(_e, d) => (setText(d.value), setEmpty(false))} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" disabled={parker.parking === KEY}>{t('tab.analysis.ideas.add')}</Button>
          {parker.parking === KEY && <Spinner size="tiny" label={t('tab.planner.saving')} />}
        </div>
      </form>
    </section>
  );
}
