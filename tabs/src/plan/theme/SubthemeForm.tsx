import { Button, Field, Input, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '8px', maxWidth: '640px' },
  actions: { display: 'flex', gap: '8px' },
});

export interface SubthemeValues {
  title: string;
  description: string;
}

/** Title and description of a subtheme; keeps what was typed until the save succeeds. */
export function SubthemeForm(props: {
  initial?: SubthemeValues;
  submitLabel: string;
  idPrefix: string;
  onSubmit: (values: SubthemeValues) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useApp();
  const styles = useStyles();
  const [values, setValues] = useState<SubthemeValues>(props.initial ?? { title: '', description: '' });
  const [missingTitle, setMissingTitle] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!values.title.trim()) return setMissingTitle(true);
    setBusy(true);
    const done = await props.onSubmit({ title: values.title.trim(), description: values.description.trim() });
    setBusy(false);
    if (done && !props.initial) setValues({ title: '', description: '' });
  };

  return (
    <form className={styles.form} noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
      <Field
        label={t('tab.theme.subthemes.titleLabel')}
        required
        {...(missingTitle ? { validationState: 'error' as const, validationMessage: t('validation.required') } : {})}
      >
        <Input
          id={`${props.idPrefix}-title`}
          value={values.title}
          maxLength={MAX.short}
          onChange={(_e, d) => (setValues({ ...values, title: d.value }), setMissingTitle(false))}
        />
      </Field>
      <Field label={t('tab.theme.subthemes.descriptionLabel')}>
        <Textarea value={values.description} maxLength={MAX.long} rows={2} resize="vertical" onChange={(_e, d) => setValues({ ...values, description: d.value })} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>{props.submitLabel}</Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('tab.cancel')}</Button>}
      </div>
    </form>
  );
}
