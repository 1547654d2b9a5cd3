import { t, type Locale } from '../i18n';
import { MAX } from '../domain/schemas';
import type { AnalysisCategory, AnalysisNote, Network, NetworkAggregate } from '../domain/model';
import { analysisPresetLabel } from '../domain/labels';
import { adaptiveCard, execute, heading, openUrl, refreshWith, text, type CardElement } from '../cards/shared';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';

// "Analyse via kategorier" at the closing meeting: everybody adds notes per category from the channel.

export const ANALYSIS_VERBS = { note: 'analysis.note', refresh: 'analysis.refresh' } as const;
export const ANALYSIS_CATEGORY_INPUT_ID = 'analysisCategory';
export const ANALYSIS_TEXT_INPUT_ID = 'analysisNote';

export interface AnalysisCardInput {
  network: Pick<Network, 'id' | 'name'>;
  categories: readonly AnalysisCategory[];
  notes: readonly AnalysisNote[];
  locale: Locale;
  notice?: string;
  refreshUserIds?: readonly string[];
  /** Link to the analysis in the plan (bot/domain/deepLink.ts), when the app can make one. */
  planUrl?: string;
}

const NOTES_SHOWN = 8;

export const categoryTitle = (category: AnalysisCategory, locale: Locale) =>
  category.title || (category.preset ? analysisPresetLabel(category.preset, locale) : '');

export function buildAnalysisCard(input: AnalysisCardInput): ReturnType<typeof adaptiveCard> {
  const { locale, network } = input;
  const categories = [...input.categories].sort((a, b) => a.order - b.order);
  const body: CardElement[] = [
    heading(`${t(locale, 'card.analysis.title')} · ${network.name}`),
    text(t(locale, 'card.analysis.intro'), { isSubtle: true }),
    ...(input.notice ? [text(input.notice, { color: 'accent', weight: 'bolder' })] : []),
    ...categories.flatMap((category) => categoryBlock(category, input)),
  ];
  const link = openUrl(t(locale, 'card.link.analysis'), input.planUrl);
  if (categories.length === 0) return adaptiveCard([...body, text(t(locale, 'card.analysis.noCategories'), { isSubtle: true })], link);
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: ANALYSIS_CATEGORY_INPUT_ID,
      label: t(locale, 'card.analysis.category'),
      value: categories[0]!.id,
      choices: categories.map((c) => ({ title: categoryTitle(c, locale), value: c.id })),
      separator: true,
    },
    { type: 'Input.Text', id: ANALYSIS_TEXT_INPUT_ID, label: t(locale, 'card.analysis.note'), isMultiline: true, maxLength: MAX.medium },
  );
  const actions = [execute(ANALYSIS_VERBS.note, t(locale, 'card.analysis.add'), { networkId: network.id }, { style: 'positive' }), ...link];
  return adaptiveCard(body, actions, refreshWith(ANALYSIS_VERBS.refresh, { networkId: network.id }, input.refreshUserIds));
}

function categoryBlock(category: AnalysisCategory, { notes, locale }: AnalysisCardInput): CardElement[] {
  const mine = notes.filter((n) => n.categoryId === category.id);
  const shown = mine.slice(-NOTES_SHOWN);
  return [
    text(`${categoryTitle(category, locale)} (${mine.length})`, { weight: 'bolder' }, { separator: true }),
    ...shown.map((note) => text(`• ${note.text} — ${note.author.name}`, {}, { spacing: 'none' })),
    ...(mine.length > shown.length ? [text(t(locale, 'card.moreInTab', { count: mine.length - shown.length }), { isSubtle: true })] : []),
  ];
}

/** The analysis card from the network's stored state: what a command shows and what a press answers with. */
export function analysisCardFor(aggregate: NetworkAggregate, view: { locale: Locale; notice?: string; refreshUserIds?: readonly string[]; links?: DeepLinkConfig }) {
  return buildAnalysisCard({
    network: aggregate.network,
    categories: aggregate.analysisCategories,
    notes: aggregate.analysisNotes,
    locale: view.locale,
    notice: view.notice,
    refreshUserIds: view.refreshUserIds,
    planUrl: deepLink(view.links, aggregate.network, { section: 'analysis' }),
  });
}
