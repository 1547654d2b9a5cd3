import type { Meeting, NetworkAggregate } from '../domain/model';
import { todayInCopenhagen } from '../domain/dates';
import { meetingStartsAt } from '../domain/series';

// Which network meeting a Teams meeting is, when Teams says it ended (its meetingEnd event). Pure: the
// caller loads the networks that could hold it. In this order:
//   1. by the Teams meeting itself: the online meeting Outlook made when the leader booked the series
//      (the booking's join link), or the one the leader chose for the meeting (`teamsMeetingJoinUrl`);
//   2. else by where it was held: the network whose channel (or chat) the meeting belongs to, and its
//      meeting planned for that day.
// Either way only a meeting planned for the day it ended (Copenhagen) that it ended after the start
// of, so a link reused every week, a booking not moved with the plan or a short call earlier in the
// channel is not taken for it. More than one candidate is no match: nothing is sent on a guess.

/** What Teams tells about the meeting that ended, read from its event activity (bot/teams/activity.ts). */
export interface TeamsMeetingEnd {
  /** value.Id or channelData.meeting.id: the meeting's id, base64 of "0#<thread id>#<message id>" (or the thread id itself). */
  meetingIds: string[];
  joinUrl?: string;
  title?: string;
  /** When it ended (value.EndTime), else when the event came. */
  endedAt: Date;
  tenantId?: string;
  /** The meeting's chat, or for a channel meeting the channel (its `;messageid=` kept: it names the meeting). */
  conversationId: string;
  /** For a channel meeting: the channel and team (channelData). */
  channelId?: string;
  teamId?: string;
}

/** A network that could hold the meeting, with its tenant when known (from the channel the bot saw). */
export interface CandidateNetwork {
  aggregate: NetworkAggregate;
  tenantId?: string;
}

export type MeetingMatch =
  | { found: true; networkId: string; meeting: Meeting; by: 'teamsMeeting' | 'channelAndDay' }
  | { found: false; reason: 'none' | 'ambiguous'; candidates: { networkId: string; meetingId: string }[] };

const THREAD = /^19:[^;/#\s]+@thread\.[a-z0-9]+$/i;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A Teams thread and the message that holds the meeting ("0" in a meeting's own chat), as one key. */
const threadKey = (thread: string, message?: string) => `thread:${thread.toLowerCase()}/${message && /^\d+$/.test(message) ? message : '0'}`;

/**
 * The keys a join link is known by: its thread and message (`/l/meetup-join/<thread>/<message>`), and
 * the link itself without its query (the short `/meet/<id>?p=…` links carry no thread).
 */
export function joinUrlKeys(joinUrl: string | undefined): string[] {
  if (!joinUrl) return [];
  let url: URL;
  try {
    url = new URL(joinUrl.trim());
  } catch {
    return [];
  }
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const keys = [`url:${url.host}/${segments.join('/')}`.toLowerCase()];
  const at = segments.findIndex((s) => s.toLowerCase() === 'meetup-join');
  const thread = at >= 0 ? segments[at + 1] : undefined;
  if (thread && THREAD.test(thread)) keys.push(threadKey(thread, segments[at + 2]));
  return keys;
}

/** The keys Teams' event is known by: its join link, its meeting id decoded, its chat or channel thread. */
export function meetingEndKeys(event: TeamsMeetingEnd): string[] {
  const keys = new Set(joinUrlKeys(event.joinUrl));
  for (const id of event.meetingIds) {
    for (const text of [id, Buffer.from(id, 'base64').toString('utf8')]) {
      const parts = text.split('#');
      const at = parts.findIndex((p) => THREAD.test(p));
      if (at >= 0) keys.add(threadKey(parts[at]!, parts[at + 1]));
    }
  }
  const [thread, message] = event.conversationId.split(';messageid=');
  if (thread && THREAD.test(thread)) keys.add(threadKey(thread, message));
  return [...keys];
}

/** Whether the Teams meeting that ended could be this network meeting: planned that day, and ended after its start. */
export function heldAt(meeting: Pick<Meeting, 'date' | 'start'>, endedAt: Date): boolean {
  return todayInCopenhagen(endedAt) === meeting.date && endedAt > meetingStartsAt(meeting);
}

/** The keys a network meeting's Teams meeting is known by: the booking's online meeting and the leader's choice. */
function keysOf(aggregate: NetworkAggregate, meeting: Meeting): string[] {
  const booking = aggregate.bookings.find((b) => b.meetingId === meeting.id && b.state !== 'cancelled');
  return [...joinUrlKeys(booking?.joinUrl), ...joinUrlKeys(meeting.teamsMeetingJoinUrl)];
}

/** Where the meeting was held, as a network names its channel: the channel (or chat) thread without the message. */
function placesOf(event: TeamsMeetingEnd): Set<string> {
  return new Set([event.conversationId.split(';messageid=')[0]!, event.channelId].filter((id): id is string => !!id).map((id) => id.toLowerCase()));
}

/** The network meeting Teams' meetingEnd is about, or why there is none. */
export function matchMeetingEnd(event: TeamsMeetingEnd, networks: readonly CandidateNetwork[]): MeetingMatch {
  // Another tenant's Teams never ends a network's meeting.
  const sameTenant = networks.filter((n) => !n.tenantId || !event.tenantId || n.tenantId.toLowerCase() === event.tenantId.toLowerCase());
  const all = sameTenant.flatMap(({ aggregate }) => aggregate.meetings.map((meeting) => ({ aggregate, meeting })));
  const held = all.filter(({ meeting }) => heldAt(meeting, event.endedAt));

  const keys = new Set(meetingEndKeys(event));
  const byTeamsMeeting = held.filter(({ aggregate, meeting }) => keysOf(aggregate, meeting).some((key) => keys.has(key)));
  if (byTeamsMeeting.length) return decide(byTeamsMeeting, 'teamsMeeting');

  const places = placesOf(event);
  const byChannel = held.filter(({ aggregate }) => !!aggregate.network.channelId && places.has(aggregate.network.channelId.toLowerCase()));
  return decide(byChannel, 'channelAndDay');
}

function decide(found: { aggregate: NetworkAggregate; meeting: Meeting }[], by: 'teamsMeeting' | 'channelAndDay'): MeetingMatch {
  const candidates = found.map(({ aggregate, meeting }) => ({ networkId: aggregate.network.id, meetingId: meeting.id }));
  if (found.length === 1) return { found: true, networkId: found[0]!.aggregate.network.id, meeting: found[0]!.meeting, by };
  return { found: false, reason: found.length ? 'ambiguous' : 'none', candidates };
}

/** Networks worth loading for a meeting that ended on `endedAt`: those whose period holds that day. */
export function networkMightHold(network: Pick<NetworkAggregate['network'], 'startDate' | 'endDate'>, endedAt: Date): boolean {
  const day = todayInCopenhagen(endedAt);
  return network.startDate <= day && day <= network.endDate;
}
