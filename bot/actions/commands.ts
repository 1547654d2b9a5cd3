import { t, type Locale } from '../i18n';
import type { Meeting, Network, NetworkAggregate } from '../domain/model';
import { canEditPlan, memberKeys, participantOf, roleOf } from '../domain/access';
import { formatDate } from '../domain/dates';
import { meetingLabel } from '../domain/labels';
import { isPostable, meetingEndsAt, meetingStartsAt, nextMeeting, openForReflection, wasPartOf } from '../domain/series';
import { networkLocale } from '../domain/network';
import type { AdaptiveCard } from '../cards/shared';
import { agendaCardFor } from '../agenda/card';
import { analysisCardFor, ANALYSIS_VERBS } from '../analysis/card';
import { ideaLotCardFor, IDEA_VERBS } from '../ideas/card';
import { reflectionCardFor } from '../reflections/card';
import { buildNetworkChoiceCard } from './chooseNetwork';
import type { ActionServices, CardActor } from './types';
import type { RowKind } from '../storage/rows';
import { staleRows } from '../storage/personIndex';

// What the chat commands "næste møde", "idéer", "mine refleksioner" and "analyse" answer with: cards from
// every network the person takes part in. In a network's channel a command is about that network; a
// network's name after the command ("idéer ældre i eget hjem") picks it; "idéer" and "analyse" from
// someone in several networks ask which one, never pick one silently.

export type ChatReply = { card: AdaptiveCard } | { text: string };

export interface CommandInput {
  actor: CardActor;
  locale: Locale;
  /** Set when the command was written in a channel: answers are about the network linked to it. */
  channelId?: string;
  /** What followed the command (lower case, without punctuation): a network's name, or ''. */
  argument?: string;
  /** The command as the person typed it, to repeat in "write … <network name>". */
  typed?: string;
}

/** The command's words when the person's own are not known (the answers repeat them). */
const SAID: Record<'nextMeeting' | 'ideas' | 'myReflections' | 'analysis', Record<Locale, string>> = {
  nextMeeting: { da: 'næste møde', en: 'next meeting' },
  ideas: { da: 'idéer', en: 'ideas' },
  myReflections: { da: 'mine refleksioner', en: 'my reflections' },
  analysis: { da: 'analyse', en: 'analysis' },
};

/** Reflection cards one answer carries: with the line about the rest, within Teams' 7 messages a second per chat. */
export const MAX_REFLECTION_CARDS = 6;

const caller = (input: CommandInput) => ({ userId: input.actor.aadObjectId ?? '' });

/** What a command reads of each of the person's networks: all of it, or only rows of some kinds (cheaper). */
export type NetworkParts = 'all' | readonly RowKind[];

/** "næste møde" reads the meetings, their agendas and subthemes, and the ideas (the agenda card counts those without an owner). */
const NEXT_MEETING_PARTS: NetworkParts = ['subtheme', 'meeting', 'agenda', 'idea'];

/**
 * Every network the person has a role in, newest first; and whether the channel written in belongs to a network (anyone's).
 * The person index (bot/storage/personIndex.ts) says where to look; each network loaded says whether the person
 * really is in it, so an index row that is out of date grants nothing (and is removed).
 */
export async function networksOf(input: CommandInput, services: ActionServices, parts: NetworkParts = 'all'): Promise<{ mine: NetworkAggregate[]; channelLinked: boolean }> {
  const me = caller(input);
  if (!me.userId) return { mine: [], channelLinked: false };
  const keys = memberKeys(me);
  const entries = await services.store.personNetworks(keys);
  const loaded = await Promise.all(
    [...new Set(entries.map((entry) => entry.networkId))].map(async (networkId) => {
      if (parts === 'all') {
        const aggregate = await services.store.load(networkId);
        return { networkId, aggregate, isMine: !!aggregate && !!roleOf(aggregate, me) };
      }
      // Without the participants: the person's member index rows (kept in step with their participant row) say they take part.
      const { aggregate, members } = await services.store.loadParts(networkId, parts, keys);
      return { networkId, aggregate, isMine: !!aggregate && (members.size > 0 || !!roleOf(aggregate, me)) };
    }),
  );
  const notMine = new Set(loaded.filter((network) => !network.isMine).map((network) => network.networkId));
  if (notMine.size) await services.store.dropFromIndex(staleRows(entries, (entry) => !notMine.has(entry.networkId), Date.now()));
  const mine = loaded
    .filter((network): network is { networkId: string; aggregate: NetworkAggregate; isMine: true } => network.isMine)
    .map((network) => network.aggregate)
    .sort((a, b) => b.network.startDate.localeCompare(a.network.startDate) || a.network.name.localeCompare(b.network.name, 'da'));
  // A channel linked to a network the person is not in: only a scan of the networks can tell (rare: commands are written in 1:1 chats).
  const channelLinked =
    !!input.channelId &&
    (mine.some((a) => a.network.channelId === input.channelId) || (await services.store.listNetworks()).networks.some((n) => n.channelId === input.channelId));
  return { mine, channelLinked };
}

const ASCII_FOLDS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', é: 'e' };
/** A name as typed after a command: lower case, words only, æ ø å as typed without them. */
const searchable = (value: string) =>
  value.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/[æøåé]/g, (letter) => ASCII_FOLDS[letter] ?? letter);

/** The networks a name points at: the one called exactly that, else those whose name contains it. */
function named(networks: NetworkAggregate[], name: string): NetworkAggregate[] {
  const wanted = searchable(name);
  const exact = networks.filter((a) => searchable(a.network.name) === wanted);
  return exact.length ? exact : networks.filter((a) => searchable(a.network.name).includes(wanted));
}

interface Scope {
  networks: NetworkAggregate[];
  /** Said before the answer: a name that matched none of the person's networks. */
  notes: ChatReply[];
}

/**
 * What a command is about: in a network's channel that network (nothing for someone not in it: the channel
 * does not learn their other networks); else the networks named after the command; else all of the person's.
 */
async function scopeOf(input: CommandInput, services: ActionServices, parts: NetworkParts = 'all'): Promise<Scope> {
  const { mine, channelLinked } = await networksOf(input, services, parts);
  if (channelLinked) return { networks: mine.filter((a) => a.network.channelId === input.channelId), notes: [] };
  const argument = input.argument?.trim() ?? '';
  if (!argument || mine.length === 0) return { networks: mine, notes: [] };
  const chosen = named(mine, argument);
  return chosen.length ? { networks: chosen, notes: [] } : { networks: mine, notes: [{ text: t(input.locale, 'chat.unknownNetwork', { name: argument }) }] };
}

const noNetworks = (input: CommandInput): ChatReply[] => [{ text: t(input.locale, 'chat.noNetworks') }];

/** The next meeting across the person's networks (or the one named), saying which network it is in. */
export async function nextMeetingReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const { networks, notes } = await scopeOf(input, services, NEXT_MEETING_PARTS);
  if (networks.length === 0) return noNetworks(input);
  const upcoming = networks
    .map((aggregate) => ({ aggregate, meeting: nextMeeting(aggregate.meetings, services.now()) }))
    .filter((next): next is { aggregate: NetworkAggregate; meeting: Meeting } => !!next.meeting)
    .sort((a, b) => meetingStartsAt(a.meeting).getTime() - meetingStartsAt(b.meeting).getTime());
  const first = upcoming[0];
  if (!first) {
    const text = networks.length === 1 ? t(input.locale, 'chat.noNextMeeting', { network: networks[0]!.network.name }) : t(input.locale, 'chat.noNextMeetingAny');
    return [...notes, { text }];
  }
  const { aggregate, meeting } = first;
  if (!isPostable(aggregate.agendas.find((a) => a.meetingId === meeting.id))) {
    const label = `${meetingLabel(meeting, aggregate.meetings, input.locale)} · ${aggregate.network.name}`;
    return [...notes, { text: t(input.locale, 'chat.noAgendaYet', { label, date: formatDate(meeting.date) }) }];
  }
  const which: ChatReply[] = networks.length > 1 ? [{ text: t(input.locale, 'chat.nextMeetingIn', { network: aggregate.network.name }) }] : [];
  return [...notes, ...which, { card: agendaCardFor(aggregate, meeting, input.locale, services.links) }];
}

/** A command about one network: that network's card, or, for someone in several, which one? */
async function oneNetwork(
  input: CommandInput,
  services: ActionServices,
  said: keyof typeof SAID,
  verb: string,
  cardOf: (aggregate: NetworkAggregate) => AdaptiveCard,
): Promise<ChatReply[]> {
  const { networks, notes } = await scopeOf(input, services);
  if (networks.length === 0) return noNetworks(input);
  if (networks.length === 1) return [...notes, { card: cardOf(networks[0]!) }];
  const choice = buildNetworkChoiceCard({ networks: networks.map((a): Pick<Network, 'id' | 'name'> => a.network), verb, command: commandWords(input, said), locale: input.locale });
  return [...notes, { card: choice }];
}

const commandWords = (input: CommandInput, said: keyof typeof SAID) => (input.typed?.trim() ? input.typed.trim() : SAID[said][input.locale]);

export async function ideaLotReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const me = caller(input);
  return oneNetwork(input, services, 'ideas', IDEA_VERBS.refresh, (aggregate) => {
    const isLeader = canEditPlan(roleOf(aggregate, me));
    const refreshUserIds = isLeader && input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
    // In a channel everybody sees the card: the shared view, with the leader's own view by refresh.
    const locale = networkLocale(aggregate.network);
    const { links } = services;
    const view = input.channelId ? { locale, refreshUserIds, links } : { locale, isLeader, userId: me.userId, refreshUserIds, links };
    return ideaLotCardFor(aggregate, view);
  });
}

export async function analysisReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const refreshUserIds = input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
  return oneNetwork(input, services, 'analysis', ANALYSIS_VERBS.refresh, (aggregate) => analysisCardFor(aggregate, { locale: networkLocale(aggregate.network), refreshUserIds, links: services.links }));
}

/**
 * The reflection cards of every meeting that has ended and is not closed, in all the person's networks
 * (or the one named): unanswered first, the latest meeting first; the rest counted in a line.
 */
export async function myReflectionReplies(input: CommandInput, services: ActionServices): Promise<ChatReply[]> {
  const me = caller(input);
  const { networks, notes } = await scopeOf({ ...input, channelId: undefined }, services);
  const refreshUserIds = input.actor.teamsUserId ? [input.actor.teamsUserId] : [];
  const open = networks.flatMap((aggregate) => {
    const participant = participantOf(aggregate, me);
    if (!participant) return [];
    // Only meetings the person was part of when they were held: nobody is asked about one before they joined.
    return openForReflection(aggregate.meetings, services.now()).filter((meeting) => wasPartOf(participant, meeting)).map((meeting) => ({
      aggregate,
      meeting,
      participant,
      answered: aggregate.reflections.some((r) => r.meetingId === meeting.id && r.participantId === participant.id),
    }));
  });
  if (open.length === 0) return [...notes, { text: t(input.locale, 'chat.noOpenReflections') }];
  open.sort((a, b) => Number(a.answered) - Number(b.answered) || meetingEndsAt(b.meeting).getTime() - meetingEndsAt(a.meeting).getTime());
  const cards = open
    .slice(0, MAX_REFLECTION_CARDS)
    .map(({ aggregate, meeting, participant }): ChatReply => ({ card: reflectionCardFor(aggregate, meeting, participant, { locale: networkLocale(aggregate.network), refreshUserIds, links: services.links }) }));
  const rest = open.length - cards.length;
  const more: ChatReply[] = rest > 0 ? [{ text: t(input.locale, 'chat.moreOpenReflections', { count: rest, command: commandWords(input, 'myReflections') }) }] : [];
  return [...notes, ...cards, ...more];
}
