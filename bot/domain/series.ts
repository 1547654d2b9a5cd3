import { DateTime } from 'luxon';
import { ZONE } from './dates';
import type { Agenda, Idea, Meeting, NetworkAggregate, Participant } from './model';
import { orderMeetings } from './labels';

// When things happen around a meeting, and for whom: the rules the scheduler and the cards share.

/** Agendas go out at this hour (Copenhagen) on the day they are due. */
export const AGENDA_POST_HOUR = 9;
export const DEFAULT_DAYS_BEFORE_AGENDA = 7;
export const DEFAULT_REMINDER_DAYS = 3;

const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE });

/**
 * A Copenhagen wall-clock time as an instant. Asked for the same few meetings' times on every bot turn, and
 * luxon's time-zone arithmetic is costly: the answers are kept (pure: a date and a time give one instant).
 */
const instants = new Map<string, number>();
function instantAt(date: string, time: string): Date {
  const key = `${date}T${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = at(date, time).toMillis();
    if (instants.size >= 10_000) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

export const meetingStartsAt = (meeting: Pick<Meeting, 'date' | 'start'>): Date => instantAt(meeting.date, meeting.start);
/** The end the plan (and the calendar) gives the meeting. */
export const meetingPlannedEndAt = (meeting: Pick<Meeting, 'date' | 'end'>): Date => instantAt(meeting.date, meeting.end);
/** When the meeting is over: when it really ended (`endedAt`, from Teams or the leader), else its planned end. */
export const meetingEndsAt = (meeting: Pick<Meeting, 'date' | 'end' | 'endedAt'>): Date =>
  meeting.endedAt ? new Date(meeting.endedAt) : meetingPlannedEndAt(meeting);

/** 09:00 in Copenhagen, `daysBefore` calendar days before the meeting (DST-safe). */
export function agendaDueAt(meeting: Pick<Meeting, 'date'>, daysBefore: number): Date {
  return at(meeting.date, '00:00').minus({ days: daysBefore }).set({ hour: AGENDA_POST_HOUR }).toJSDate();
}

/** A reminder goes `days` calendar days after the prompt actually went out, at the same Copenhagen time (DST-safe). */
export const reminderDueAt = (promptSentAt: Date, days: number): Date =>
  DateTime.fromJSDate(promptSentAt, { zone: ZONE }).plus({ days }).toJSDate();

/** An agenda worth posting has at least one item; an empty one stays a draft in the tab. */
export const isPostable = (agenda?: Agenda): agenda is Agenda => !!agenda && agenda.items.length > 0;

/** Who is asked to reflect after a meeting: core participants, and those invited to this meeting. */
export function meetingParticipants(aggregate: Pick<NetworkAggregate, 'participants' | 'assignments'>, meetingId: string): Participant[] {
  const invited = new Set(aggregate.assignments.filter((a) => a.meetingId === meetingId).map((a) => a.participantId));
  return aggregate.participants.filter((p) => p.kind === 'core' || invited.has(p.id));
}

/** Whether the participant was in the network when the meeting was held: added before it ended (rows without `addedAt` always were). */
export function wasPartOf(participant: Pick<Participant, 'addedAt'>, meeting: Pick<Meeting, 'date' | 'end' | 'endedAt'>): boolean {
  return !participant.addedAt || Date.parse(participant.addedAt) <= meetingEndsAt(meeting).getTime();
}

/** Who is asked to reflect on a meeting that was held: its participants who were in the network by its end. */
export function askedToReflect(aggregate: Pick<NetworkAggregate, 'participants' | 'assignments'>, meeting: Meeting): Participant[] {
  return meetingParticipants(aggregate, meeting.id).filter((p) => wasPartOf(p, meeting));
}

/** The meeting that is on now or comes next; undefined when the series is over. */
export function nextMeeting(meetings: readonly Meeting[], now: Date): Meeting | undefined {
  return orderMeetings(meetings).find((m) => meetingEndsAt(m) > now);
}

/** Meetings that have ended but are not closed: reflections can still be written. */
export function openForReflection(meetings: readonly Meeting[], now: Date): Meeting[] {
  return orderMeetings(meetings).filter((m) => !m.closedAt && meetingEndsAt(m) <= now);
}

/** Ideas the next agenda lists: still parked and nobody has taken ownership. */
export const ideasWithoutOwner = (ideas: readonly Idea[]): Idea[] => ideas.filter((i) => i.status === 'parked' && !i.owner);
