import { defaultEndDate, formatDate, isRealIsoDate, todayInCopenhagen } from '@domain/dates';
import type { NetworkType } from '@domain/model';
import type { NetworkRole } from '@domain/access';
import { DELIVERY_ENTITY, entityIdOf, type TabKind } from '@domain/deepLink';
import type { Locale, MessageKey } from '@i18n';
import { ApiError } from '../shell/api';
import { type NetworkEntry } from '../shell/networkApi';

// The "new network" form as data: what the user typed, what is missing, what the server said.

export const NETWORK_FIELDS = ['name', 'type', 'theme', 'startDate', 'endDate'] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];
export type NetworkFieldErrors = Partial<Record<NetworkField, string>>;

export interface NetworkDraft {
  name: string;
  type: NetworkType | '';
  theme: string;
  startDate: string;
  endDate: string;
  /** Until the user picks an end date, it follows the start date (+6 months). */
  endDateChosen: boolean;
}

export type { NetworkEntry };

export function emptyDraft(now = new Date()): NetworkDraft {
  const startDate = todayInCopenhagen(now);
  return { name: '', type: '', theme: '', startDate, endDate: defaultEndDate(startDate), endDateChosen: false };
}

/** A changed start date moves the end date along, unless the user chose one. */
export function withStartDate(draft: NetworkDraft, startDate: string): NetworkDraft {
  const follows = !draft.endDateChosen && isRealIsoDate(startDate);
  return { ...draft, startDate, endDate: follows ? defaultEndDate(startDate) : draft.endDate };
}

/** Only what the user must give before asking the server; the server checks the rest. */
export function missingFields(draft: NetworkDraft): NetworkField[] {
  const missing: NetworkField[] = [];
  if (!draft.name.trim()) missing.push('name');
  if (!draft.type) missing.push('type');
  if (!draft.theme.trim()) missing.push('theme');
  if (!isRealIsoDate(draft.startDate)) missing.push('startDate');
  return missing;
}

export const requiredMessage = (field: NetworkField): MessageKey =>
  field === 'type' ? 'tab.networks.form.typeRequired' : field === 'startDate' ? 'tab.networks.form.dateRequired' : 'validation.required';

/** What the user can be told before asking the server: missing fields and an end date not after the start. */
export function draftErrors(draft: NetworkDraft, t: (key: MessageKey, params?: Record<string, string>) => string): NetworkFieldErrors {
  const errors: NetworkFieldErrors = Object.fromEntries(missingFields(draft).map((field) => [field, t(requiredMessage(field))]));
  if (draft.endDate.trim() && !isRealIsoDate(draft.endDate)) errors.endDate = t('tab.networks.form.dateRequired');
  else if (!errors.startDate && isRealIsoDate(draft.endDate) && draft.endDate <= draft.startDate) {
    errors.endDate = t('validation.endBeforeStart', { start: formatDate(draft.startDate), end: formatDate(draft.endDate) });
  }
  return errors;
}

export function createBody(draft: NetworkDraft, locale: Locale, channel?: ChannelRef) {
  return {
    name: draft.name.trim(),
    type: draft.type,
    theme: draft.theme.trim(),
    startDate: draft.startDate,
    ...(draft.endDate ? { endDate: draft.endDate } : {}),
    locale,
    ...(channel ? { teamId: channel.teamId, channelId: channel.channelId } : {}),
  };
}

/** The server's field errors on the form's fields: 'name' or 'network.endDate' → the field. */
export function fieldErrorsFrom(error: unknown): NetworkFieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: NetworkFieldErrors = {};
  for (const detail of error.details) {
    const field = detail.path.split('.').at(-1) as NetworkField;
    if ((NETWORK_FIELDS as readonly string[]).includes(field) && !errors[field]) errors[field] = detail.message;
  }
  return errors;
}

export interface ChannelRef {
  teamId: string;
  channelId: string;
}

// What a channel tab shows (the plan or the delivery) and the entity id Teams keeps for it: shared with the bot, which
// makes deep links to the tab (bot/domain/deepLink.ts).
export { DELIVERY_ENTITY, entityIdOf, type TabKind };

/** The plan (or delivery) page of a network; a standalone page keeps its ?theme= and ?locale= for the next page. */
export function planUrl(networkId: string, kind: TabKind = 'plan'): string {
  const here = new URLSearchParams(window.location.search);
  const params = new URLSearchParams({ networkId });
  for (const keep of ['theme', 'locale']) {
    const value = here.get(keep);
    if (value) params.set(keep, value);
  }
  return `/tabs/${kind}.html?${params.toString()}`;
}

/** What a link to a network's page needs to know about where it runs (the Teams context, if any). */
export interface LinkHost {
  inTeams: boolean;
  context?: { channel?: { id?: string }; page?: { id?: string } };
}

/**
 * The Teams page (a channel tab's entity id) a link to the network's plan or delivery should ask Teams to show: only in
 * a channel, and not when it is this very tab (then the page opens in it). Undefined: follow the link where it is.
 */
export function teamsPageTarget(host: LinkHost, networkId: string, kind: TabKind): string | undefined {
  if (!host.inTeams || !host.context?.channel?.id) return undefined;
  const target = entityIdOf(networkId, kind);
  return host.context.page?.id === target ? undefined : target;
}

export const roleKey = (role: NetworkRole): MessageKey => `tab.networks.role.${role}`;
export const typeHelpKey = (type: NetworkType): MessageKey => `tab.networks.type.${type}.help`;
