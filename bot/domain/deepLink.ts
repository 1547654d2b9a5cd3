import type { Network } from './model';
import { MAX } from './limits';

// Links back to the tab from every card and calendar event (issue 18): where a link points, as one short, stable
// sub-entity id ("agenda:<meetingId>", "ideas", "delivery"), and the link itself — a Teams deep link to the
// network's channel tab when the app's id and the channel are known, else the tab page's own address, else none.
// The tab reads the same id back (Teams' page.subPageId, or the address's #…). Pure: the bot and the tabs share it.

/** What a channel tab shows: the network's plan, or the delivery to Chefforum. */
export type TabKind = 'plan' | 'delivery';

export const DELIVERY_ENTITY = 'delivery-';

/**
 * The entity id Teams keeps for a tab: the network's id for the plan (as tabs added before there was a choice have
 * it), `delivery-<id>` for the delivery, so two tabs of one network in a channel stay apart.
 */
export const entityIdOf = (networkId: string, kind: TabKind) => (kind === 'delivery' ? `${DELIVERY_ENTITY}${networkId}` : networkId);

/** The plan's sections, as the plan page names them (tabs/src/plan/PlanPage.tsx). */
export const PLAN_SECTIONS = [
  'theme', 'participants', 'invitations', 'meetings', 'planner', 'agenda', 'reflections', 'summary', 'analysis', 'calendar', 'timeline',
] as const;
export type PlanSectionId = (typeof PLAN_SECTIONS)[number];

/** Sections that work on one meeting at a time (a meeting picker): a link may name the meeting. */
export const MEETING_SECTIONS = ['agenda', 'reflections', 'summary'] as const satisfies readonly PlanSectionId[];

/**
 * Where a link opens: a section of the plan (for a meeting section, maybe one meeting); `ideas`, the network's ideas
 * (the plan shows them with the analysis); or `delivery`, the delivery page.
 */
export type LinkTarget = { section: PlanSectionId; meetingId?: string } | { section: 'ideas' | 'delivery'; meetingId?: undefined };

const EXTRA_TARGETS = ['ideas', 'delivery'] as const;
const ID = new RegExp(`^[A-Za-z0-9_-]{1,${MAX.id}}$`);

const isMeetingSection = (section: string): boolean => (MEETING_SECTIONS as readonly string[]).includes(section);

/** The sub-entity id of a target: `reflections:<meetingId>`, `agenda`, `ideas`, `delivery`. */
export function subEntityIdOf(target: LinkTarget): string {
  return target.meetingId && isMeetingSection(target.section) ? `${target.section}:${target.meetingId}` : target.section;
}

/**
 * A sub-entity id (or an address's #…) read back; undefined for anything else — an old or unknown target opens the
 * plan's top, never an error.
 */
export function parseLinkTarget(value: string | null | undefined): LinkTarget | undefined {
  if (!value) return undefined;
  let text = value.trim().replace(/^#/, '');
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const [section = '', meetingId, ...rest] = text.split(':');
  if (rest.length) return undefined;
  if ((EXTRA_TARGETS as readonly string[]).includes(section)) return meetingId === undefined ? { section: section as 'ideas' | 'delivery' } : undefined;
  if (!(PLAN_SECTIONS as readonly string[]).includes(section)) return undefined;
  if (meetingId === undefined) return { section: section as PlanSectionId };
  return isMeetingSection(section) && ID.test(meetingId) ? { section: section as PlanSectionId, meetingId } : undefined;
}

/** What the service knows to make links with (bot/config/config.ts). */
export interface DeepLinkConfig {
  /** The service's public base URL (PUBLIC_URL), where the tab pages are. */
  publicUrl?: string;
  /** The id Teams knows the app by (TEAMS_APP_ID): the manifest's id when uploaded, the catalogue's id when published. */
  teamsAppId?: string;
  /**
   * Whether the tab pages work opened on their own in a browser (development identities). In production they need
   * Teams' sign-in, so a plain address would open a page that cannot load the plan: no link then.
   */
  standalone?: boolean;
}

const TEAMS_DEEP_LINK = 'https://teams.microsoft.com/l/entity';

/** The tab page's own address for a target: the plan at `#<sub-entity id>`, or the delivery page. */
export function tabPageUrl(publicUrl: string, networkId: string, target: LinkTarget): string {
  const base = publicUrl.replace(/\/+$/, '');
  const query = `networkId=${encodeURIComponent(networkId)}`;
  if (target.section === 'delivery') return `${base}/tabs/delivery.html?${query}`;
  return `${base}/tabs/plan.html?${query}#${subEntityIdOf(target)}`;
}

/**
 * The Teams deep link to the network's plan tab in its channel
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application):
 * `/l/entity/<app id>/<entity id>?webUrl=…&label=…&context={"subEntityId":…,"channelId":…}`, every value encoded.
 * The plan tab's entity is linked even for the delivery: the plan page forwards to it, and a channel may have no
 * delivery tab of its own.
 */
export function teamsTabLink(teamsAppId: string, network: Pick<Network, 'id' | 'name'> & { channelId: string }, target: LinkTarget, webUrl?: string): string {
  const context = JSON.stringify({ subEntityId: subEntityIdOf(target), channelId: network.channelId });
  const params = [
    ...(webUrl ? [`webUrl=${encodeURIComponent(webUrl)}`] : []),
    `label=${encodeURIComponent(network.name.trim().slice(0, MAX.name))}`,
    `context=${encodeURIComponent(context)}`,
  ];
  return `${TEAMS_DEEP_LINK}/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(entityIdOf(network.id, 'plan'))}?${params.join('&')}`;
}

/**
 * The link a card or calendar event carries to `target`: in Teams (the app's id known and the network linked to a
 * channel) the deep link to the channel tab; otherwise the tab page's address, where that page works on its own;
 * otherwise none (no button rather than a link that cannot open).
 */
export function deepLink(
  config: DeepLinkConfig | undefined,
  network: Pick<Network, 'id' | 'name' | 'channelId'>,
  target: LinkTarget,
): string | undefined {
  if (!config) return undefined;
  const webUrl = config.publicUrl ? tabPageUrl(config.publicUrl, network.id, target) : undefined;
  if (config.teamsAppId && network.channelId) return teamsTabLink(config.teamsAppId, { ...network, channelId: network.channelId }, target, webUrl);
  return config.standalone ? webUrl : undefined;
}
