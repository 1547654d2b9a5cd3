import { DateTime } from 'luxon';
import type { MessageKey, MessageParams } from '../i18n';
import { ZONE } from '../domain/dates';
import { reasonKey } from './reasons';

// How reach and a send's outcome read, for the service's answers and the tab alike (the tab imports this file:
// it names no store and no SDK). What GET …/reach answers is typed here; bot/sending/reach.ts computes it.

export type SendKind = 'agenda.post' | 'agenda.update' | 'reflection.fanout' | 'reflection.prompt' | 'reflection.reminder' | 'ideas.post' | 'ideas.update';
export type SendOutcome = 'sent' | 'updated' | 'skipped' | 'blocked' | 'notFound' | 'unreachable' | 'failed';

/** Why the channel cannot be reached: not linked, the app not in the team, or the last send there was refused. */
export type ChannelStatus = 'ok' | 'noChannel' | 'botNotInTeam' | 'lastSendFailed';
/** Why a person cannot be reached in a 1:1 chat. */
export type PersonStatus = 'ok' | 'noTeamsUser' | 'notInTeam' | 'blocked' | 'chatGone';

export interface ChannelReach {
  status: ChannelStatus;
  /** The last send to the channel, when Teams did not take it: how it ended, when, and the recorded detail. */
  lastFailure?: { kind: SendKind; outcome: SendOutcome; detail?: string; at?: string };
}

export interface PersonReach {
  participantId: string;
  name: string;
  status: PersonStatus;
  /** How the bot reaches someone who is ok: a 1:1 chat it has, or a team member it can open one with. */
  via?: 'chat' | 'teamMember';
}

export type AgendaPlan =
  | { state: 'posted'; at?: string }
  | { state: 'scheduled'; at: string }
  | { state: 'failed'; outcome: SendOutcome; at?: string }
  | { state: 'noAgenda' }
  | { state: 'cannot'; reason: 'noChannel' | 'botNotInTeam' }
  | { state: 'over' };

export interface MeetingReach {
  meetingId: string;
  agenda: AgendaPlan;
  reflections: {
    /** due: asked when the meeting ends (`at`); asked: the questions went out; closed: none will. */
    state: 'due' | 'asked' | 'closed';
    at?: string;
    /** Of those asked about this meeting: how many the bot reaches, and who it cannot (participant ids). */
    reachable: number;
    total: number;
    unreachable: string[];
  };
}

/** GET …/reach: who will receive what, and who cannot and why. */
export interface NetworkReach {
  channel: ChannelReach;
  participants: PersonReach[];
  summary: { channel: boolean; reachable: number; unreachable: number; total: number };
  meetings: MeetingReach[];
}

/** One send as GET …/sends lists it. */
export interface SendRecord {
  kind: SendKind;
  meetingId?: string;
  participantId?: string;
  participantName?: string;
  state: 'pending' | 'running' | 'done';
  outcome?: SendOutcome;
  detail?: string;
  dueAt: string;
  attempts: number;
  updatedAt?: string;
  /** When Teams accepted it. */
  sentAt?: string;
  /** Asked for with "Send nu". */
  onDemand?: boolean;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What to tell the leader: a reason and what to do about it. */
export interface Problem {
  reason: string;
  todo: string;
}

/** A message with how it should look: sent, under way, skipped, failed. */
export interface Said {
  tone: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

/** dd.mm.yyyy and HH:mm in Copenhagen. */
export function whenOf(iso: string): { date: string; time: string } {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return { date: at.toFormat('dd.MM.yyyy'), time: at.toFormat('HH:mm') };
}

const CHANNEL_PROBLEMS = {
  noChannel: ['reach.channel.noChannel', 'reach.channel.noChannel.todo'],
  botNotInTeam: ['reach.channel.botNotInTeam', 'reach.channel.botNotInTeam.todo'],
  blocked: ['reach.channel.blocked', 'reach.channel.blocked.todo'],
  notFound: ['reach.channel.notFound', 'reach.channel.notFound.todo'],
  failed: ['reach.channel.failed', 'reach.channel.failed.todo'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** Why the channel cannot be (or was not) reached, and what to do: from its status, or from a send's outcome. */
export function channelProblem(t: Translate, why: 'noChannel' | 'botNotInTeam' | SendOutcome, detail?: string): Problem {
  const which = why === 'unreachable' ? 'botNotInTeam' : why in CHANNEL_PROBLEMS ? (why as keyof typeof CHANNEL_PROBLEMS) : 'failed';
  const [reason, todo] = CHANNEL_PROBLEMS[which];
  return { reason: t(reason, { detail: detail || '—' }), todo: t(todo) };
}

const PERSON_PROBLEMS = {
  noTeamsUser: ['reach.person.noTeamsUser', 'reach.person.noTeamsUser.todo'],
  notInTeam: ['reach.person.notInTeam', 'reach.person.notInTeam.todo'],
  blocked: ['reach.person.blocked', 'reach.person.blocked.todo'],
  chatGone: ['reach.person.chatGone', 'reach.person.chatGone.todo'],
} as const satisfies Record<Exclude<PersonStatus, 'ok'>, readonly [MessageKey, MessageKey]>;

/** Why a person cannot be reached (a few words: "ingen Teams-bruger"), and what to do about it. */
export function personProblem(t: Translate, status: Exclude<PersonStatus, 'ok'>): Problem {
  const [reason, todo] = PERSON_PROBLEMS[status];
  return { reason: t(reason), todo: t(todo) };
}

/** The newest of the sends of these kinds (by when it last changed): the one whose outcome stands. */
export function lastSendOf<S extends SendRecord>(sends: readonly S[], kinds: readonly SendKind[], meetingId?: string): S | undefined {
  const at = (send: S) => send.updatedAt ?? send.dueAt;
  return sends
    .filter((send) => kinds.includes(send.kind) && (meetingId === undefined || send.meetingId === meetingId))
    .sort((a, b) => at(b).localeCompare(at(a)))[0];
}

/**
 * How a send to the channel went, in words: sent or updated (when), under way (retrying when), skipped (why), or
 * not sent (why, and what to do). Undefined for a send that is only scheduled: the plan's time says when.
 */
export function describeChannelSend(send: SendRecord | undefined, t: Translate): Said | undefined {
  if (!send) return undefined;
  if (send.state !== 'done') {
    if (send.attempts > 0 && send.state === 'pending') return { tone: 'info', text: t('send.retrying', whenOf(send.dueAt)) };
    if (send.onDemand || send.state === 'running') return { tone: 'info', text: t('send.sending') };
    return undefined;
  }
  const at = whenOf(send.sentAt ?? send.updatedAt ?? send.dueAt);
  switch (send.outcome) {
    case 'sent':
      return { tone: 'success', text: t('send.sentAt', at) };
    case 'updated':
      return { tone: 'success', text: t('send.updatedAt', at) };
    case 'skipped': {
      const key = send.detail ? reasonKey(send.detail) : undefined;
      return { tone: 'warning', text: t('send.skippedAt', { ...at, reason: key ? t(key) : send.detail || '—' }) };
    }
    default:
      return { tone: 'error', text: t('send.failedAt', { ...at, ...channelProblem(t, send.outcome ?? 'failed', send.detail) }) };
  }
}
