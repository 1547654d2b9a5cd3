import { useId, type ReactNode } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { MAX } from '@domain/schemas';
import { THEME_TEXT_FIELDS, diffThemes } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { ChangeList } from './ChangeList';
import { CharacteristicsEditor } from './Characteristics';
import { SaveFailureBar } from '../../shared/formKit';
import { formatDateTime } from '../../shared/formatDateTime';
import { fieldLabelKey } from './labels';
import { useThemeDraft, type ThemeOutcome } from './useThemeDraft';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '16px', maxWidth: '880px' },
  bars: { display: 'grid', gap: '8px' },
  actions: {
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '12px 0',
  },
});

const QUESTIONS = THEME_TEXT_FIELDS.filter((field) => field !== 'theme');
// "Hvilke undertemaer er der i temaet og hvordan vil du arbejde med dem?" is answered by the subtheme list, which comes
// in its place: the questions before it, then the list (with the "how" as a short text of the theme), then the rest.
const SUBTHEMES_AT = QUESTIONS.indexOf('subthemesApproach');
const BEFORE_SUBTHEMES = QUESTIONS.slice(0, SUBTHEMES_AT);
const AFTER_SUBTHEMES = QUESTIONS.slice(SUBTHEMES_AT + 1);

/**
 * The leader's form: "Udfold netværkets tema", the 7 characteristics, Save — with conflicts handled. `subthemes` (the
 * list with its own small forms) stands where the subthemes question is; forms cannot nest, so the theme's form is the
 * part above it, and the fields below it and the Save button belong to it by the form's id (all fields are React state).
 */
export function ThemeEditor({ plan, reload, subthemes }: Pick<SectionProps, 'plan' | 'reload'> & { subthemes: ReactNode }) {
  const { t } = useApp();
  const styles = useStyles();
  const { draft, edit, dirty, saving, failure, conflict, outcome, save, loadLatest, discard } = useThemeDraft(plan, reload);
  const formId = useId();
  const fieldError = (field: string) =>
    failure?.fields[field] ? { validationState: 'error' as const, validationMessage: failure.fields[field] } : {};
  const question = (field: (typeof QUESTIONS)[number]) => (
    <Field
      key={field}
      label={t(fieldLabelKey(field))}
      hint={field === 'contributors' ? t('tab.theme.field.contributors.hint') : undefined}
      {...fieldError(field)}
    >
      <Textarea value={draft[field]} maxLength={MAX.long} resize="vertical" rows={3} onChange={(_e, d) => edit({ [field]: d.value })} />
    </Field>
  );

  return (
    <div className={styles.form}>
      <form id={formId} className={styles.form} noValidate onSubmit={(event) => (event.preventDefault(), void save())}>
        <Field label={t(fieldLabelKey('theme'))} hint={t('tab.theme.headingHint')} required {...fieldError('theme')}>
          <Input value={draft.theme} maxLength={MAX.short} onChange={(_e, d) => edit({ theme: d.value })} />
        </Field>
        {BEFORE_SUBTHEMES.map(question)}
      </form>
      <section aria-labelledby="theme-subthemes" data-testid="theme-subthemes">
        <h3 id="theme-subthemes">{t(fieldLabelKey('subthemesApproach'))}</h3>
        {subthemes}
        <Field label={t('tab.theme.subthemes.approach')} hint={t('tab.theme.subthemes.approachHint')} {...fieldError('subthemesApproach')}>
          <Textarea
            value={draft.subthemesApproach}
            maxLength={MAX.long}
            resize="vertical"
            rows={2}
            onChange={(_e, d) => edit({ subthemesApproach: d.value })}
          />
        </Field>
      </section>
      {AFTER_SUBTHEMES.map(question)}
      <section aria-labelledby="theme-characteristics">
        <h3 id="theme-characteristics">{t('tab.theme.characteristics.title')}</h3>
        <Text as="p" block>{t('tab.theme.characteristics.intro')}</Text>
        <CharacteristicsEditor value={draft.characteristics} onChange={(characteristics) => edit({ characteristics })} />
      </section>
      {/* Next to the Save button, where the user is looking when the answer comes. */}
      <SaveFailureBar failure={failure} onReload={loadLatest} />
      {!failure && outcome?.kind === 'reloaded' && <ReloadedBars outcome={outcome} draft={draft} />}
      <div className={styles.actions}>
        <Button type="submit" form={formId} appearance="primary" disabled={saving}>
          {t('tab.theme.save')}
        </Button>
        {dirty && !conflict && (
          <Button appearance="secondary" onClick={discard}>
            {t('tab.theme.discard')}
          </Button>
        )}
        <div role="status">
          {saving ? (
            <Spinner size="tiny" label={t('tab.theme.saving')} />
          ) : outcome?.kind === 'saved' && !dirty ? (
            <Text weight="semibold">✓ {outcome.revision ? t('tab.theme.savedRevision', { revision: outcome.revision }) : t('tab.saved')}</Text>
          ) : dirty ? (
            <Text>{t('tab.theme.unsaved')}</Text>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** After a conflict, once the latest version is loaded: the typed text is kept; where both wrote, the other version beside it. */
function ReloadedBars({ outcome, draft }: { outcome: Extract<ThemeOutcome, { kind: 'reloaded' }>; draft: ReturnType<typeof useThemeDraft>['draft'] }) {
  const { t } = useApp();
  const styles = useStyles();
  const differences = diffThemes(outcome.latest, draft).filter((c) => outcome.fields.includes(c.kind === 'text' ? c.field : c.characteristic));
  const savedBy = outcome.by && outcome.at ? t('tab.theme.latestBy', { name: outcome.by, when: formatDateTime(outcome.at) }) : t('tab.theme.latest');
  return (
    <div className={styles.bars}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('tab.conflict.kept')}</MessageBarTitle>
          {differences.length ? t('tab.theme.conflict.differences') : t('tab.theme.conflict.noDifferences')}
        </MessageBarBody>
      </MessageBar>
      {differences.length > 0 && <ChangeList changes={differences} beforeLabel={savedBy} afterLabel={t('tab.theme.yourText')} />}
    </div>
  );
}
