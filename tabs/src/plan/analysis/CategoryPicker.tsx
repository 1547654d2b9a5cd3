import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { analysisPresetLabel } from '@domain/labels';
import { ANALYSIS_CATEGORY_PRESETS, type AnalysisCategory, type AnalysisCategoryPreset } from '@domain/model';
import { MAX } from '@domain/schemas';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { SaveFailureBar, byIds, useFocusAfterRender, useSaver } from '../../shared/formKit';
import { SavedNote, savedNow, type SavedInfo } from '../../shared/SavedNote';
import { useDeleteConfirmation } from '../../shared/useDeleteConfirmation';
import { CATEGORY_RANGE, categoryTitle, orderCategories } from './notes';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: '8px 0', padding: 0, display: 'grid', gap: '4px', maxWidth: '760px' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: '4px' },
  preset: { display: 'grid' },
  presetLine: { display: 'flex', gap: '4px 12px', alignItems: 'center', flexWrap: 'wrap' },
  description: { margin: '0 0 4px 32px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  own: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap', marginBlock: '12px', maxWidth: '760px' },
  // On the Add button's line: its text's baseline, not the field's hint.
  ownNote: { alignSelf: 'center' },
  ownField: { flexGrow: 1, minWidth: '240px' },
  list: { margin: '4px 0 12px', paddingLeft: '20px', display: 'grid', gap: '6px' },
  item: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  subheading: { margin: '12px 0 4px', fontSize: tokens.fontSizeBase300 },
  advice: { marginBlock: '8px', maxWidth: '760px' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const presetDescription = (preset: AnalysisCategoryPreset) => `tab.analysis.preset.${preset}` as MessageKey;
const presetCheckboxId = (preset: AnalysisCategoryPreset) => `analysis-preset-${preset}`;
const removeButtonId = (category: AnalysisCategory) => `analysis-remove-${category.id}`;

const OWN = 'own';

/**
 * "Udvælg kategorier til analysen": the handbook's presets to tick, or the leader's own; 2-4 advised, never enforced.
 * Each change says so where it was made — beside the preset's box, or beside "Tilføj kategori" for the leader's own —
 * and so does a change that did not go through (the box or the typed title stays as the leader left it).
 */
export function CategoryPicker({ plan, reload }: { plan: PlanView; reload: () => Promise<void> }) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const saver = useSaver(['title']);
  const focusAfter = useFocusAfterRender();
  const [own, setOwn] = useState('');
  const [ownError, setOwnError] = useState<string>();
  // Ticked at once, before the server answers; unticked only once the removal is confirmed.
  const [adding, setAdding] = useState<AnalysisCategoryPreset>();
  /** Where the last change was made (a preset, or OWN), and what it said when it went through. */
  const [last, setLast] = useState<{ where: string; saved?: SavedInfo }>();
  const savedAt = (where: string) => (last?.where === where && !saver.saving && !saver.failure ? last.saved : undefined);
  const failureAt = (where: string) => (last?.where === where ? saver.failure : undefined);
  const categories = orderCategories(plan.analysisCategories);
  const client = networkApi(api, plan.network.id).analysis.categories;
  const nextOrder = () => (categories.length ? Math.max(...categories.map((c) => c.order)) + 1 : 0);
  const notesIn = (category: AnalysisCategory) => plan.analysisNotes.filter((n) => n.categoryId === category.id).length;

  const add = async (title: string, preset?: AnalysisCategoryPreset) => {
    const where = preset ?? OWN;
    setLast({ where });
    const ok = await saver.run(async () => {
      await client.create({ title, ...(preset ? { preset } : {}), order: nextOrder() });
      await reload();
    });
    if (ok) setLast({ where, saved: savedNow(t('tab.analysis.categories.added', { title })) });
    return ok;
  };

  const removal = useDeleteConfirmation<AnalysisCategory>({
    remove: (category) => client.remove(category.id, category.etag),
    reload,
    texts: (category) => {
      const count = notesIn(category);
      return {
        title: t('tab.analysis.categories.confirmTitle', { title: categoryTitle(category, locale) }),
        body: <p>{count ? t('tab.analysis.categories.confirmNotes', { count }) : t('tab.analysis.categories.confirmEmpty')}</p>,
        confirmLabel: t('tab.analysis.categories.remove'),
      };
    },
    onDeleted: (category) => {
      saver.clear();
      setLast({ where: category.preset ?? OWN, saved: savedNow(t('tab.analysis.categories.removed', { title: categoryTitle(category, locale) })) });
    },
    focusAfterDelete: (category) => byIds(category.preset && presetCheckboxId(category.preset), 'analysis-own-category'),
    focusAfterCancel: (category) => byIds(category.preset ? presetCheckboxId(category.preset) : removeButtonId(category)),
  });

  const reloadAfterFailure = async () => {
    await reload();
    saver.clear();
  };

  const toggle = (preset: AnalysisCategoryPreset, checked: boolean) => {
    // One change at a time; the box keeps focus meanwhile (a disabled box would drop it).
    if (saver.saving) return;
    const existing = categories.find((c) => c.preset === preset);
    if (checked && !existing) {
      setAdding(preset);
      void add(analysisPresetLabel(preset, locale), preset).then((ok) => {
        setAdding(undefined);
        if (ok) focusAfter(() => byIds(presetCheckboxId(preset)));
      });
    }
    if (!checked && existing) removal.ask(existing);
  };

  const addOwn = async (event: FormEvent) => {
    event.preventDefault();
    const title = own.trim();
    const taken = categories.some((c) => categoryTitle(c, locale).toLocaleLowerCase(locale) === title.toLocaleLowerCase(locale));
    const problem = !title ? t('validation.required') : taken ? t('tab.analysis.categories.duplicate') : undefined;
    setOwnError(problem);
    if (problem) return;
    if (await add(title)) setOwn('');
  };

  const ownCategories = categories.filter((c) => !c.preset);
  const count = categories.length;
  return (
    <>
      <p className={styles.muted}>{t('tab.analysis.categories.intro')}</p>
      {(count < CATEGORY_RANGE.min || count > CATEGORY_RANGE.max) && (
        <MessageBar intent="warning" className={styles.advice}>
          <MessageBarBody>{t(count < CATEGORY_RANGE.min ? 'tab.analysis.categories.tooFew' : 'tab.analysis.categories.tooMany', { count })}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('tab.analysis.categories.presets')}</legend>
        {ANALYSIS_CATEGORY_PRESETS.map((preset) => (
          <div key={preset} className={styles.preset}>
            <span className={styles.presetLine}>
              <Checkbox
                id={presetCheckboxId(preset)}
                label={analysisPresetLabel(preset, locale)}
                checked={adding === preset || categories.some((c) => c.preset === preset)}
                aria-describedby={`${presetCheckboxId(preset)}-description`}
                onChange={(_e, d) => toggle(preset, d.checked === true)}
              />
              {adding === preset && <Spinner size="tiny" label={t('tab.planner.saving')} />}
              <SavedNote saved={savedAt(preset)} />
            </span>
            <p id={`${presetCheckboxId(preset)}-description`} className={styles.description}>{t(presetDescription(preset))}</p>
            <SaveFailureBar failure={failureAt(preset)} onReload={reloadAfterFailure} />
          </div>
        ))}
      </fieldset>
      {ownCategories.length > 0 && (
        <>
          <h4 className={styles.subheading}>{t('tab.analysis.categories.ownList')}</h4>
          <ul className={styles.list}>
            {ownCategories.map((c) => (
              <li key={c.id}>
                <span className={styles.item}>
                  {c.title}
                  <Button id={removeButtonId(c)} size="small" onClick={() => removal.ask(c)} aria-label={t('tab.analysis.categories.removeLabel', { title: c.title })}>
                    {t('tab.analysis.categories.remove')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className={styles.own} onSubmit={(event) => void addOwn(event)} noValidate>
        <Field className={styles.ownField} label={t('tab.analysis.categories.own')} hint={t('tab.analysis.categories.own.hint')} validationMessage={ownError ?? failureAt(OWN)?.fields.title}>
          <Input id="analysis-own-category" value={own} maxLength={MAX.name} onChange={(_e, d) => (setOwn(d.value), setOwnError(undefined))} />
        </Field>
        <Button type="submit" disabled={saver.saving}>{t('tab.analysis.categories.add')}</Button>
        {saver.saving && last?.where === OWN && <Spinner size="tiny" label={t('tab.planner.saving')} />}
        <SavedNote className={styles.ownNote} saved={savedAt(OWN)} />
      </form>
      <SaveFailureBar failure={failureAt(OWN) && { ...failureAt(OWN)!, fields: {} }} onReload={reloadAfterFailure} />
      {removal.dialog}
    </>
  );
}
