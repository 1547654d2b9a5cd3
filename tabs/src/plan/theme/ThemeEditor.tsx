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

/** The leader's form: "Udfold netværkets tema", the 7 characteristics, Save — with conflicts handled. */
export function ThemeEditor({ plan, reload }: Pick<SectionProps, 'plan' | 'reload'>) {
  const { t } = useApp();
  const styles = useStyles();
  const { draft, edit, dirty, saving, failure, conflict, outcome, save, loadLatest, discard } = useThemeDraft(plan, reload);
  const fieldError = (field: string) =>
    failure?.fields[field] ? { validationState: 'error' as const, validationMessage: failure.fields[field] } : {};

  return (
    <form className={styles.form} noValidate onSubmit={(event) => (event.preventDefault(), void save())}>
      <Field label={t(fieldLabelKey('theme'))} hint={t('tab.theme.headingHint')} required {...fieldError('theme')}>
        <Input value={draft.theme} maxLength={MAX.short} onChange={(_e, d) => edit({ theme: d.value })} />
      </Field>
      {QUESTIONS.map((field) => (
        <Field
          key={field}
          label={t(fieldLabelKey(field))}
          hint={field === 'contributors' ? t('tab.theme.field.contributors.hint') : undefined}
          {...fieldError(field)}
        >
          <Textarea value={draft[field]} maxLength={MAX.long} resize="vertical" rows={3} onChange={(_e, d) => edit({ [field]: d.value })} />
        </Field>
      ))}
      <section aria-labelledby="theme-characteristics">
        <h3 id="theme-characteristics">{t('tab.theme.characteristics.title')}</h3>
        <Text as="p" block>{t('tab.theme.characteristics.intro')}</Text>
        <CharacteristicsEditor value={draft.characteristics} onChange={(characteristics) => edit({ characteristics })} />
      </section>
      {/* Next to the Save button, where the user is looking when the answer comes. */}
      <SaveFailureBar failure={failure} onReload={loadLatest} />
      {!failure && outcome?.kind === 'reloaded' && <ReloadedBars outcome={outcome} draft={draft} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
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
    </form>
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
