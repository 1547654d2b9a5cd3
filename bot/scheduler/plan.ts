import type { NetworkAggregate } from '../domain/model';
import { agendaDueAt, DEFAULT_DAYS_BEFORE_AGENDA, DEFAULT_REMINDER_DAYS, isPostable, meetingEndsAt, meetingParticipants, reminderDueAt } from '../domain/series';
import type { NewJob } from './job';

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

/** When the meeting ends: one prompt per participant with a Teams identity, and one reminder later. */
export function reflectionRound(aggregate: NetworkAggregate, meetingId: string, now: Date): NewJob[] {
  const meeting = aggregate.meetings.find((m) => m.id === meetingId);
  if (!meeting || meeting.closedAt) return [];
  const reminderDays = aggregate.network.reflectionReminderDays ?? DEFAULT_REMINDER_DAYS;
  const reminderAt = reminderDueAt(meeting, reminderDays);
  return meetingParticipants(aggregate, meetingId)
    .filter((p) => p.userId)
    .flatMap((p): NewJob[] => [
      { kind: 'reflection.prompt', meetingId, participantId: p.id, dueAt: now },
      ...(reminderDays > 0 ? [{ kind: 'reflection.reminder' as const, meetingId, participantId: p.id, dueAt: reminderAt }] : []),
    ]);
}
