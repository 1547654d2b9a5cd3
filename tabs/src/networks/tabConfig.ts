import { pages } from '@microsoft/teams-js';
import type { Network } from '@domain/model';
import type { Api } from '../shell/api';
import { ApiError } from '../shell/api';
import type { Host } from '../shell/host';
import { DELIVERY_ENTITY, entityIdOf, type ChannelRef, type NetworkEntry, type TabKind } from './networkDraft';
import { networkApi } from '../shell/networkApi';

// The configurable tab: which channel asks, linking a network to it, and telling Teams what to show.

/** In Teams the channel the tab is added to; standalone ?teamId=&channelId= lets you try the same flow. */
export function channelOf(host: Host): ChannelRef | undefined {
  if (host.inTeams) {
    // The team's thread id (19:…@thread…), as the bot's activities name the team — not its Microsoft 365 group id.
    const teamId = host.context?.team?.internalId;
    const channelId = host.context?.channel?.id;
    return teamId && channelId ? { teamId, channelId } : undefined;
  }
  const params = new URLSearchParams(window.location.search);
  const channelId = params.get('channelId');
  return channelId ? { teamId: params.get('teamId') ?? channelId, channelId } : undefined;
}

export const isLinkedTo = (network: Pick<Network, 'teamId' | 'channelId'>, channel?: ChannelRef) =>
  !!channel && network.channelId === channel.channelId && network.teamId === channel.teamId;

/** PATCH {teamId, channelId} with the ETag; one retry with a fresh ETag if the listed one went stale. */
export async function linkToChannel(api: Api, network: NetworkEntry, channel: ChannelRef): Promise<void> {
  if (isLinkedTo(network, channel)) return;
  const client = networkApi(api, network.id);
  const body = { teamId: channel.teamId, channelId: channel.channelId };
  try {
    await client.patch(body, network.etag);
  } catch (error) {
    if (!(error instanceof ApiError && error.isConflict)) throw error;
    const fresh = await client.get();
    if (isLinkedTo(fresh.network, channel)) return;
    await client.patch(body, fresh.network.etag);
  }
}

/**
 * Which kind this tab is when its settings are opened again (Teams gives the entity id it stored); standalone,
 * ?tab=delivery tries the same. A new tab is a plan.
 */
export function tabKindOf(host: Host): TabKind {
  if (host.inTeams) return host.context?.page?.id?.startsWith(DELIVERY_ENTITY) ? 'delivery' : 'plan';
  return new URLSearchParams(window.location.search).get('tab') === 'delivery' ? 'delivery' : 'plan';
}

/**
 * What Teams stores for the tab: the plan page or the delivery page of the chosen network. The manifest may declare
 * only one configurable tab (`configurableTabs` has maxItems 1), so the config page is where the kind is chosen.
 */
export async function setTeamsTabConfig(networkId: string, kind: TabKind, displayName: string): Promise<void> {
  const url = `${window.location.origin}/tabs/${kind}.html?networkId=${encodeURIComponent(networkId)}`;
  await pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: entityIdOf(networkId, kind), suggestedDisplayName: displayName });
}

/** Teams' Save button: enabled only when the choice is complete. */
export function setTeamsValidity(valid: boolean): void {
  try {
    pages.config.setValidityState(valid);
  } catch {
    // Not a config frame (opened as content by mistake): nothing to enable.
  }
}

export function onTeamsSave(save: () => Promise<void>): void {
  pages.config.registerOnSaveHandler((event) => {
    save().then(
      () => event.notifySuccess(),
      (error: Error) => event.notifyFailure(error.message),
    );
  });
}
