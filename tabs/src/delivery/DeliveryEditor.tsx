import { useRef, type FormEvent } from 'react';
import { Button, Field, Input, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import { SaveFailureBar, useFocusAfterRender } from '../shared/formKit';
import { SavedNote } from '../shared/SavedNote';
import { DisseminationTable } from './DisseminationTable';
import { FIELD_LABEL, FillFromSuggestion } from './FillFromSuggestion';
import { RecommendationList } from './RecommendationList';
import { LIMITS, type DeliveryDraft, type TextField } from './deliveryDraft';
import type { DeliveryDraftState } from './useDeliveryDraft';

// The leader's form: the handbook's sections of the delivery in order, each under its own heading, then Save.

const useStyles = makeStyles({
  form: { display: 'grid', gap: '8px', maxWidth: '900px', marginTop: '16px', paddingTop: '16px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  section: { display: 'grid', gap: '4px' },
  h2: { margin: '20px 0 0', fontSize: tokens.fontSizeBase500 },
  actions: {
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '12px 0',
    marginTop: '8px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

const HINT: Record<TextField | 'recommendations' | 'dissemination', MessageKey> = {
  theme: 'tab.delivery.theme.hint',
  knowledgeSummary: 'tab.delivery.knowledgeSummary.hint',
  practiceChanges: 'tab.delivery.practiceChanges.hint',
  recommendations: 'tab.delivery.recommendations.hint',
  other: 'tab.delivery.other.hint',
  dissemination: 'tab.delivery.dissemination.hint',
};

const headingId = (field: string) => `delivery-${field}-heading`;
const hintId = (field: string) => `delivery-${field}-hint`;

export function DeliveryEditor({ state, announce }: { state: DeliveryDraftState; announce: (message: string) => void }) {
  const { t } = useApp();
  const styles = useStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfterRender();
  const { draft, setDraft, errors } = state;
  // The outcome of a save asked for here, not of a step of the stepper (shown there).
  const fromForm = state.savedFrom === 'form';
  const failure = fromForm ? state.failure : undefined;
  const set = <K extends keyof DeliveryDraft>(field: K, value: DeliveryDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Saved: "✓ Gemt kl. 14.32" beside the button says so (and is read out).
    // What the leader must fix (a blank recommendation, a row without "who"): focus lands on the first, its message is read.
    if (!(await state.save())) focusAfter(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
  };

  const text = (field: TextField, rows: number) => (
    <section aria-labelledby={headingId(field)} className={styles.section}>
      <h2 id={headingId(field)} className={styles.h2}>
        {t(FIELD_LABEL[field])}
      </h2>
      <Field hint={t(HINT[field])} validationMessage={state.failure?.fields[field]}>
        {field === 'theme' ? (
          <Input aria-labelledby={headingId(field)} value={draft.theme} maxLength={LIMITS.theme} onChange={(_e, d) => set('theme', d.value)} />
        ) : (
          <Textarea aria-labelledby={headingId(field)} value={draft[field]} maxLength={LIMITS.long} resize="vertical" rows={rows} onChange={(_e, d) => set(field, d.value)} />
        )}
      </Field>
    </section>
  );

  return (
    <form ref={formRef} className={styles.form} aria-label={t('tab.delivery.formLabel')} noValidate onSubmit={(event) => void submit(event)}>
      <FillFromSuggestion state={state} />
      {text('theme', 1)}
      {text('knowledgeSummary', 6)}
      {text('practiceChanges', 4)}
      <section aria-labelledby={headingId('recommendations')} className={styles.section}>
        <h2 id={headingId('recommendations')} className={styles.h2}>
          {t('delivery.recommendations')}
        </h2>
        <Text as="p" id={hintId('recommendations')} block>
          {t(HINT.recommendations)}
        </Text>
        <RecommendationList
          items={draft.recommendations}
          errors={errors.recommendations}
          onChange={(items) => set('recommendations', items)}
          dirty={state.dirty}
          describedBy={hintId('recommendations')}
        />
      </section>
      {text('other', 3)}
      <section aria-labelledby={headingId('dissemination')} className={styles.section}>
        <h2 id={headingId('dissemination')} className={styles.h2}>
          {t('delivery.dissemination')}
        </h2>
        <Text as="p" id={hintId('dissemination')} block>
          {t(HINT.dissemination)}
        </Text>
        <DisseminationTable
          rows={draft.dissemination}
          errors={errors.who}
          onChange={(rows) => set('dissemination', rows)}
          dirty={state.dirty}
          describedBy={hintId('dissemination')}
        />
      </section>
      <SaveFailureBar
        failure={failure}
        onReload={async () => {
          await state.reloadLatest();
          announce(t('tab.conflict.kept'));
        }}
      />
      <div className={styles.actions}>
        <Button ref={saveRef} appearance="primary" type="submit" disabled={state.saving}>
          {t('tab.save')}
        </Button>
        {state.dirty && !state.failure?.conflict && (
          <Button
            onClick={() => {
              state.reset();
              announce(t('tab.delivery.discarded'));
              focusAfter(() => saveRef.current);
            }}
          >
            {t('tab.delivery.discard')}
          </Button>
        )}
        <div role="status">{state.saving ? <Spinner size="tiny" label={t('tab.delivery.saving')} /> : state.dirty ? <Text>{t('tab.delivery.unsaved')}</Text> : null}</div>
        {/* A save from here; a step of the stepper says so beside the stepper. */}
        <SavedNote saved={fromForm && !state.saving && !state.dirty && !state.failure && state.savedAt ? { at: state.savedAt } : undefined} />
      </div>
    </form>
  );
}
