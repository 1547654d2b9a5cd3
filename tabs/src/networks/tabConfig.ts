import { pages } from '@microsoft/teams-js';
import type { Network } from '../../../bot/domain/model';
import type { Api } from '../shell/api';
import { ApiError } from '../shell/api';
import type { Host } from '../shell/host';
import type { ChannelRef, NetworkEntry } from './networkDraft';

// The configurable tab: which channel asks, linking a network to it, and telling Teams what to show.

/** In Teams the channel the tab is added to; standalone ?teamId=&channelId= lets you try the same flow. */
export function channelOf(host: Host): ChannelRef | undefined {
  if (host.inTeams) {
    const teamId = host.context?.team?.groupId;
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
  const path = `/api/networks/${encodeURIComponent(network.id)}`;
  const body = { teamId: channel.teamId, channelId: channel.channelId };
  try {
    await api.patch(path, body, network.etag ?? '');
  } catch (error) {
    if (!(error instanceof ApiError && error.isConflict)) throw error;
    const fresh = await api.get<{ network: Network }>(path);
    if (isLinkedTo(fresh.network, channel)) return;
    await api.patch(path, body, fresh.network.etag ?? '');
  }
}

/** What Teams stores for the tab: the plan page of the chosen network. */
export async function setTeamsTabConfig(networkId: string, displayName: string): Promise<void> {
  const url = `${window.location.origin}/tabs/plan.html?networkId=${encodeURIComponent(networkId)}`;
  await pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: networkId, suggestedDisplayName: displayName });
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
