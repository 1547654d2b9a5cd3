import { t, type Locale } from '../i18n';
import type { Network, NetworkAggregate } from '../domain/model';
import { canEditPlan, memberKeys, participantOf, roleOf } from '../domain/access';
import { formatDate } from '../domain/dates';
import { meetingLabel } from '../domain/labels';
import { isPostable, nextMeeting, openForReflection } from '../domain/series';
import type { AdaptiveCard } from '../cards/shared';
import { agendaCardFor } from '../agenda/card';
import { analysisCardFor } from '../analysis/card';
import { ideaLotCardFor } from '../ideas/card';
import { reflectionCardFor } from '../reflections/card';
import type { ActionServices, CardActor } from './types';

// What the chat commands "næste møde", "idéer" and "mine refleksioner" answer with: cards from the
// networks the person takes part in (in a network's channel: that network only).

export type ChatReply = { card: AdaptiveCard } | { text: string };

export interface CommandInput {
  actor: CardActor;
  locale: Locale;
  /** Set when the command was written in a channel: answers are about the network linked to it. */
  channelId?: string;
}

const MAX_NETWORKS = 3;

async function networksOf(input: CommandInput, services: ActionServices): Promise<NetworkAggregate[]> {
  const caller = { userId: input.actor.aadObjectId ?? '' };
  if (!caller.userId) return [];
  const { networks, memberOf } = await services.store.listNetworks(memberKeys(caller));
  const inChannel = (n: Network) => !input.channelId || n.channelId === input.channelId;
  const mine = networks
    .filter((n) => inChannel(n) && (memberOf.has(n.id) || roleOf({ network: n, participants: [] }, caller)))
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .slice(0, MAX_NETWORKS);
  const loaded = await Promise.all(mine.map((n) => services.store.load(n.id)));
  return loaded.filter((a): a is NetworkAggregate => !!a && !!roleOf(a, caller));
}

export async function nextMeetingReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const networks = await networksOf(input, services);
  if (networks.length === 0) return [{ text: t(input.locale, 'chat.noNetworks') }];
  return networks.map((aggregate): ChatReply => {
    const meeting = nextMeeting(aggregate.meetings, services.now());
    if (!meeting) return { text: t(input.locale, 'chat.noNextMeeting', { network: aggregate.network.name }) };
    if (!isPostable(aggregate.agendas.find((a) => a.meetingId === meeting.id))) {
      const label = `${meetingLabel(meeting, aggregate.meetings, input.locale)} · ${aggregate.network.name}`;
      return { text: t(input.locale, 'chat.noAgendaYet', { label, date: formatDate(meeting.date) }) };
    }
    return { card: agendaCardFor(aggregate, meeting, input.locale) };
  });
}

export async function ideaLotReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const networks = await networksOf(input, services);
  if (networks.length === 0) return [{ text: t(input.locale, 'chat.noNetworks') }];
  const caller = { userId: input.actor.aadObjectId ?? '' };
  return networks.map((aggregate) => {
    const isLeader = canEditPlan(roleOf(aggregate, caller));
    const refreshUserIds = isLeader && input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
    // In a channel everybody sees the card: the shared view, with the leader's own view by refresh.
    const view = input.channelId ? { locale: input.locale, refreshUserIds } : { locale: input.locale, isLeader, userId: caller.userId, refreshUserIds };
    return { card: ideaLotCardFor(aggregate, view) };
  });
}

export async function myReflectionReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const caller = { userId: input.actor.aadObjectId ?? '' };
  const networks = await networksOf({ ...input, channelId: undefined }, services);
  const refreshUserIds = input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
  const cards = networks.flatMap((aggregate) => {
    const participant = participantOf(aggregate, caller);
    if (!participant) return [];
    return openForReflection(aggregate.meetings, services.now()).map(
      (meeting): ChatReply => ({ card: reflectionCardFor(aggregate, meeting, participant, { locale: input.locale, refreshUserIds }) }),
    );
  });
  return cards.length ? cards.slice(0, 5) : [{ text: t(input.locale, 'chat.noOpenReflections') }];
}

export async function analysisReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const networks = await networksOf(input, services);
  if (networks.length === 0) return [{ text: t(input.locale, 'chat.noNetworks') }];
  const refreshUserIds = input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
  return networks.map((aggregate) => ({ card: analysisCardFor(aggregate, { locale: input.locale, refreshUserIds }) }));
}
