import { t, type Locale } from '../i18n';
import { MAX } from '../domain/schemas';
import { IDEA_STATUSES, type Idea, type IdeaStatus, type Network, type NetworkAggregate } from '../domain/model';
import { ideaStatusLabel } from '../domain/labels';
import { adaptiveCard, execute, heading, openUrl, refreshWith, text, type CardElement } from '../cards/shared';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';

// The idea parking lot ("P-plads" in the handbook) in the network's channel: anyone adds an idea or takes
// ownership ("tovholder"); leaders set the status. Everybody sees the same current state.

export const IDEA_VERBS = { add: 'idea.add', own: 'idea.own', status: 'idea.status', refresh: 'ideas.refresh' } as const;
export const IDEA_TEXT_INPUT_ID = 'ideaText';
export const statusInputId = (ideaId: string) => `status_${ideaId}`;

export interface IdeaLotCardInput {
  network: Pick<Network, 'id' | 'name'>;
  ideas: readonly Idea[];
  locale: Locale;
  /** Leaders see status controls; everybody else the shared view. */
  viewer: { isLeader: boolean; userId?: string };
  /** Teams user ids of the leaders: Teams fetches their own view when they open the card. */
  refreshUserIds?: readonly string[];
  notice?: string;
  /** Link to the ideas in the plan (bot/domain/deepLink.ts), when the app can make one. */
  planUrl?: string;
}

const MAX_LISTED = 25;
const STATUS_ORDER: Record<IdeaStatus, number> = { parked: 0, takenOn: 1, tested: 2, dropped: 3 };

/** Open ideas without an owner first, dropped ones last, newest first within each group. */
export function ideaOrder(a: Idea, b: Idea): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(!!a.owner) - Number(!!b.owner) ||
    b.createdAt.localeCompare(a.createdAt)
  );
}

export function buildIdeaLotCard(input: IdeaLotCardInput): ReturnType<typeof adaptiveCard> {
  const { locale, network } = input;
  const sorted = [...input.ideas].sort(ideaOrder);
  const listed = sorted.slice(0, MAX_LISTED);
  const body: CardElement[] = [
    heading(`${t(locale, 'card.ideas.title')} · ${network.name}`),
    text(t(locale, 'card.ideas.intro'), { isSubtle: true }),
    ...(input.notice ? [text(input.notice, { color: 'accent', weight: 'bolder' })] : []),
    ...(listed.length ? listed.map((idea) => ideaBlock(idea, input)) : [text(t(locale, 'card.ideas.none'), { isSubtle: true })]),
    ...(sorted.length > listed.length ? [text(t(locale, 'card.moreInTab', { count: sorted.length - listed.length }), { isSubtle: true })] : []),
    {
      type: 'Input.Text',
      id: IDEA_TEXT_INPUT_ID,
      label: t(locale, 'card.ideas.newLabel'),
      placeholder: t(locale, 'card.ideas.newPlaceholder'),
      maxLength: MAX.medium,
      isMultiline: true,
      separator: true,
    },
  ];
  const actions = [
    execute(IDEA_VERBS.add, t(locale, 'card.ideas.add'), { networkId: network.id }, { style: 'positive' }),
    ...openUrl(t(locale, 'card.link.ideas'), input.planUrl),
  ];
  return adaptiveCard(body, actions, refreshWith(IDEA_VERBS.refresh, { networkId: network.id }, input.refreshUserIds));
}

function ideaBlock(idea: Idea, { locale, viewer, network }: IdeaLotCardInput): CardElement {
  const owner = idea.owner ? t(locale, 'card.ideas.owner', { name: idea.owner.name }) : t(locale, 'card.ideas.noOwner');
  const data = { networkId: network.id, ideaId: idea.id };
  const actions: CardElement[] = [];
  // Taking over someone else's idea is the leaders' call, made in the tab: the card offers only ideas nobody owns.
  if (!idea.owner && idea.status !== 'dropped') actions.push(execute(IDEA_VERBS.own, t(locale, 'card.ideas.own'), data));
  const statusControls: CardElement[] = viewer.isLeader
    ? [
        {
          type: 'Input.ChoiceSet',
          id: statusInputId(idea.id),
          label: t(locale, 'card.ideas.statusLabel'),
          value: idea.status,
          choices: IDEA_STATUSES.map((status) => ({ title: ideaStatusLabel(status, locale), value: status })),
        },
      ]
    : [];
  if (viewer.isLeader) actions.push(execute(IDEA_VERBS.status, t(locale, 'card.ideas.setStatus'), data));
  return {
    type: 'Container',
    separator: true,
    items: [
      text(idea.text),
      text(`${ideaStatusLabel(idea.status, locale)} · ${owner} · ${t(locale, 'card.ideas.raisedBy', { name: idea.raisedBy.name })}`, { isSubtle: true }, { spacing: 'none' }),
      ...statusControls,
      ...(actions.length ? [{ type: 'ActionSet', actions }] : []),
    ],
  };
}

export interface IdeaLotView {
  locale: Locale;
  isLeader?: boolean;
  userId?: string;
  refreshUserIds?: readonly string[];
  notice?: string;
  /** What the link to the ideas in the plan is made with; none: no link. */
  links?: DeepLinkConfig;
}

/** The idea lot card from the network's stored state: what is posted and what a press answers with. */
export function ideaLotCardFor(aggregate: NetworkAggregate, view: IdeaLotView) {
  return buildIdeaLotCard({
    network: aggregate.network,
    ideas: aggregate.ideas,
    locale: view.locale,
    viewer: { isLeader: !!view.isLeader, userId: view.userId },
    refreshUserIds: view.refreshUserIds,
    notice: view.notice,
    planUrl: deepLink(view.links, aggregate.network, { section: 'ideas' }),
  });
}
