import { t, type Locale } from '../i18n';
import type { NetworkAggregate } from '../domain/model';
import { idSchema } from '../domain/schemas';
import { formatDate } from '../domain/dates';
import { meetingLabel } from '../domain/labels';
import { nextMeeting } from '../domain/series';
import { networkLocale } from '../domain/network';
import { DELIVERY_ENTITY, deepLink, parseLinkTarget, type LinkTarget } from '../domain/deepLink';
import { adaptiveCard, CARD_CONTENT_TYPE, fact, heading, openUrl, text, type AdaptiveCard } from '../cards/shared';
import { ActionRefused, loadForMember } from '../actions/load';
import type { ActionServices, CardActor } from '../actions/types';

// A link to a network's tab pasted in a chat or channel unfurls into a small card (composeExtension/queryLink):
// the network, its next meeting and how many ideas wait on the parking lot, and a button to open it. Only for
// someone in the network, by Teams' verified `from.aadObjectId`; anyone else gets no preview — the same answer as
// for a link that is not a network's, so not even whether the network exists is revealed.

const THUMBNAIL_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

export interface NetworkLink {
  networkId: string;
  /** Where in the network the link points, when it says (`#agenda:<id>`, the delivery page, a deep link's subEntityId). */
  target?: LinkTarget;
}

const validId = (value: string | null | undefined): string | undefined => {
  const parsed = idSchema.safeParse(value ?? '');
  return parsed.success ? parsed.data : undefined;
};

/** A deep link's `context` ({"subEntityId": …}), read gracefully: anything unreadable is no target. */
function subEntityTarget(context: string | null): LinkTarget | undefined {
  if (!context) return undefined;
  try {
    const parsed: unknown = JSON.parse(context);
    const subEntityId = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).subEntityId : undefined;
    return typeof subEntityId === 'string' ? parseLinkTarget(subEntityId) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The network a link is about: a tab page (`/tabs/plan.html?networkId=…#section`, `/tabs/delivery.html?networkId=…`),
 * or a Teams deep link to the channel tab (`/l/entity/<app>/<entity id>?context={"subEntityId":…}` — the entity id is
 * the network's, or `delivery-<network id>`). Anything else is no network's link.
 */
export function networkLinkOf(url: string): NetworkLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const page = /\/tabs\/(plan|delivery)\.html$/.exec(parsed.pathname)?.[1];
  if (page) {
    const networkId = validId(parsed.searchParams.get('networkId'));
    if (!networkId) return undefined;
    const target = page === 'delivery' ? ({ section: 'delivery' } as const) : parseLinkTarget(parsed.hash);
    return { networkId, ...(target ? { target } : {}) };
  }
  const entity = /^\/l\/entity\/[^/]+\/([^/]+)\/?$/.exec(parsed.pathname)?.[1];
  if (entity) {
    let entityId: string;
    try {
      entityId = decodeURIComponent(entity);
    } catch {
      return undefined;
    }
    const delivery = entityId.startsWith(DELIVERY_ENTITY);
    const networkId = validId(delivery ? entityId.slice(DELIVERY_ENTITY.length) : entityId);
    if (networkId) {
      const target = subEntityTarget(parsed.searchParams.get('context')) ?? (delivery ? ({ section: 'delivery' } as const) : undefined);
      return { networkId, ...(target ? { target } : {}) };
    }
    // An entity id that is no network's: the web address it carries may still be one.
    const webUrl = parsed.searchParams.get('webUrl');
    return webUrl && webUrl !== url ? networkLinkOf(webUrl) : undefined;
  }
  return undefined;
}

export interface UnfurlInput {
  url: string;
  actor: CardActor;
  locale: Locale;
}

/** The answer to composeExtension/queryLink: one card with its preview, or none. */
export interface UnfurlAnswer {
  composeExtension: {
    type: 'result';
    attachmentLayout: 'list';
    attachments: { contentType: string; content: AdaptiveCard; preview: { contentType: string; content: { title: string; text: string } } }[];
  };
}

const answer = (attachments: UnfurlAnswer['composeExtension']['attachments']): UnfurlAnswer => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

/** No preview: for a link that is not a network's, and for anyone outside the network alike. */
export const NO_PREVIEW: UnfurlAnswer = answer([]);

/** The unfurled card for someone in the network; nothing for anyone else. */
export async function unfurlLink(input: UnfurlInput, services: ActionServices): Promise<UnfurlAnswer> {
  const link = networkLinkOf(input.url);
  if (!link) return NO_PREVIEW;
  let aggregate: NetworkAggregate;
  try {
    ({ aggregate } = await loadForMember({ verb: 'unfurl', data: { networkId: link.networkId }, actor: input.actor, locale: input.locale }, services));
  } catch (error) {
    if (error instanceof ActionRefused) return NO_PREVIEW;
    throw error;
  }
  const locale = networkLocale(aggregate.network);
  const summary = networkSummary(aggregate, locale, services.now());
  const card = unfurlCard(aggregate, summary, locale, deepLink(services.links, aggregate.network, link.target ?? { section: 'theme' }));
  return answer([
    {
      contentType: CARD_CONTENT_TYPE,
      content: card,
      preview: { contentType: THUMBNAIL_CONTENT_TYPE, content: { title: aggregate.network.name, text: [summary.meeting, summary.ideas].join(' · ') } },
    },
  ]);
}

interface Summary {
  /** "Møde 2 af 5 · 12.03.2027, 09:00–12:00", or that none is planned. */
  meeting: string;
  place?: string;
  /** "3 idéer på P-pladsen" */
  ideas: string;
}

function networkSummary({ meetings, ideas }: NetworkAggregate, locale: Locale, now: Date): Summary {
  const next = nextMeeting(meetings, now);
  const parked = ideas.filter((idea) => idea.status === 'parked').length;
  return {
    meeting: next ? `${meetingLabel(next, meetings, locale)} · ${formatDate(next.date)}, ${next.start}–${next.end}` : t(locale, 'unfurl.noNextMeeting'),
    ...(next ? { place: next.online ? t(locale, 'card.online') : next.location || t(locale, 'card.placeLater') } : {}),
    ideas: t(locale, 'unfurl.openIdeas', { count: parked }),
  };
}

/** The card a member sees where the link was pasted: built here and only here. */
function unfurlCard({ network }: NetworkAggregate, summary: Summary, locale: Locale, link: string | undefined): AdaptiveCard {
  return adaptiveCard(
    [
      heading(network.name, 'medium'),
      fact(t(locale, 'unfurl.nextMeeting'), summary.meeting),
      ...(summary.place ? [fact(t(locale, 'card.where'), summary.place)] : []),
      text(summary.ideas),
    ],
    openUrl(t(locale, 'unfurl.open'), link),
  );
}
