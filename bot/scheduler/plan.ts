import type { NetworkAggregate } from '../domain/model';
import { agendaDueAt, askedToReflect, DEFAULT_DAYS_BEFORE_AGENDA, DEFAULT_REMINDER_DAYS, isPostable, meetingEndsAt, reminderDueAt } from '../domain/series';
import { meetingOf } from '../domain/network';
import type { Job, NewJob } from './job';

// Which sends a network's plan calls for, and when. Pure: the scheduler stores what this returns.

/** The jobs the plan itself implies: each agenda post and each meeting's reflection round. */
export function plannedJobs(aggregate: NetworkAggregate): NewJob[] {
  const jobs: NewJob[] = [];
  for (const meeting of aggregate.meetings) {
    const agenda = aggregate.agendas.find((a) => a.meetingId === meeting.id);
    if (isPostable(agenda)) {
      jobs.push({ kind: 'agenda.post', meetingId: meeting.id, dueAt: agendaDueAt(meeting, agenda.daysBeforeToPost ?? DEFAULT_DAYS_BEFORE_AGENDA) });
    }
    if (!meeting.closedAt) jobs.push({ kind: 'reflection.fanout', meetingId: meeting.id, dueAt: meetingEndsAt(meeting) });
  }
  return jobs;
}

/**
 * When the meeting ends (or, for a meeting planned after it ended, now): one prompt per participant who
 * was part of it and has a Teams identity. Reminders are not planned here: each follows its own prompt
 * once that prompt has gone out (reminderAfter).
 */
export function reflectionRound(aggregate: NetworkAggregate, meetingId: string, now: Date): NewJob[] {
  const meeting = meetingOf(aggregate, meetingId);
  if (!meeting || meeting.closedAt) return [];
  return askedToReflect(aggregate, meeting)
    .filter((p) => p.userId)
    .map((p): NewJob => ({ kind: 'reflection.prompt', meetingId, participantId: p.id, dueAt: now }));
}

export const reminderDaysOf = (aggregate: Pick<NetworkAggregate, 'network'>): number => aggregate.network.reflectionReminderDays ?? DEFAULT_REMINDER_DAYS;

/** The reminder a prompt sent at `sentAt` calls for: `reflectionReminderDays` later; none when the network set 0 days. */
export function reminderAfter(aggregate: Pick<NetworkAggregate, 'network'>, prompt: { meetingId: string; participantId: string }, sentAt: Date): NewJob | undefined {
  const days = reminderDaysOf(aggregate);
  if (days <= 0) return undefined;
  return { kind: 'reflection.reminder', meetingId: prompt.meetingId, participantId: prompt.participantId, dueAt: reminderDueAt(sentAt, days) };
}

/** When a prompt job went out, as recorded; undefined while it has not been sent. Rows from before `sentAt` was recorded: their finish time. */
export function promptSentAt(prompt: Job | undefined): Date | undefined {
  if (!prompt || prompt.kind !== 'reflection.prompt' || prompt.state !== 'done' || prompt.outcome !== 'sent') return undefined;
  const at = prompt.sentAt ?? prompt.updatedAt;
  return at ? new Date(at) : undefined;
}

/** Every reminder the sent prompts call for, for meetings still open: what a sync keeps the reminder jobs in line with. */
export function remindersOf(aggregate: NetworkAggregate, jobs: readonly Job[]): NewJob[] {
  return jobs.flatMap((job) => {
    const sentAt = promptSentAt(job);
    const meeting = meetingOf(aggregate, job.meetingId);
    if (!sentAt || !meeting || meeting.closedAt || !job.participantId) return [];
    const reminder = reminderAfter(aggregate, { meetingId: meeting.id, participantId: job.participantId }, sentAt);
    return reminder ? [reminder] : [];
  });
}
