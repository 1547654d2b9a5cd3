import { formatDate, isClockTime, timeToMinutes } from './dates';
import type { NetworkAggregate } from './model';
import type { ValidationIssue } from './validate';

// Rules that need more than one input to check. Every issue is an error (HTTP 422).
// Paths name the entity by id: 'meetings.<id>.date', 'assignments.<meetingId>:<participantId>.meetingId'.

export function checkNetworkRules(aggregate: NetworkAggregate): ValidationIssue[] {
  return [
    ...checkNetworkPeriod(aggregate),
    ...checkMeetings(aggregate),
    ...checkReferences(aggregate),
    ...checkParticipantEmails(aggregate),
  ];
}

/** Only the issues about one entity, with paths relative to it ('date' instead of 'meetings.m1.date'). */
export function issuesForEntity(issues: ValidationIssue[], collection: string, id: string): ValidationIssue[] {
  const prefix = `${collection}.${id}.`;
  return issues
    .filter((issue) => issue.path.startsWith(prefix))
    .map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
}

/** The id of a meeting × participant row (assignments, reflections) in issue paths. */
export function assignmentRef(row: { meetingId: string; participantId: string }): string {
  return `${row.meetingId}:${row.participantId}`;
}

export function checkNetworkPeriod({ network }: NetworkAggregate): ValidationIssue[] {
  if (network.endDate > network.startDate) return [];
  return [
    {
      path: 'network.endDate',
      key: 'validation.endBeforeStart',
      params: { start: formatDate(network.startDate), end: formatDate(network.endDate) },
    },
  ];
}

export function checkMeetings({ network, meetings }: NetworkAggregate): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seenNumbers = new Set<number>();
  let closingSeen = false;
  for (const meeting of meetings) {
    const at = `meetings.${meeting.id}`;
    if (meeting.date < network.startDate || meeting.date > network.endDate) {
      issues.push({
        path: `${at}.date`,
        key: 'validation.meetingOutsidePeriod',
        params: {
          date: formatDate(meeting.date),
          start: formatDate(network.startDate),
          end: formatDate(network.endDate),
        },
      });
    }
    const timesKnown = isClockTime(meeting.start) && isClockTime(meeting.end);
    if (timesKnown && timeToMinutes(meeting.end) <= timeToMinutes(meeting.start)) {
      issues.push({
        path: `${at}.end`,
        key: 'validation.meetingEndBeforeStart',
        params: { start: meeting.start, end: meeting.end },
      });
    }
    if (seenNumbers.has(meeting.number)) {
      issues.push({ path: `${at}.number`, key: 'validation.meetingNumberTaken', params: { number: meeting.number } });
    }
    seenNumbers.add(meeting.number);
    if (meeting.closing && closingSeen) {
      issues.push({ path: `${at}.closing`, key: 'validation.onlyOneClosingMeeting' });
    }
    closingSeen ||= meeting.closing;
  }
  return issues;
}

export function checkReferences(aggregate: NetworkAggregate): ValidationIssue[] {
  const meetingIds = new Set(aggregate.meetings.map((m) => m.id));
  const participantIds = new Set(aggregate.participants.map((p) => p.id));
  const subthemeIds = new Set(aggregate.subthemes.map((s) => s.id));
  const categoryIds = new Set(aggregate.analysisCategories.map((c) => c.id));
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, key: ValidationIssue['key']) => {
    if (!ok) issues.push({ path, key });
  };
  const optionalMeeting = (id: string | undefined) => id === undefined || meetingIds.has(id);

  for (const meeting of aggregate.meetings) {
    const ok = meeting.subthemeId === undefined || subthemeIds.has(meeting.subthemeId);
    check(ok, `meetings.${meeting.id}.subthemeId`, 'validation.unknownSubtheme');
  }
  for (const assignment of aggregate.assignments) {
    const at = `assignments.${assignmentRef(assignment)}`;
    check(meetingIds.has(assignment.meetingId), `${at}.meetingId`, 'validation.unknownMeeting');
    check(participantIds.has(assignment.participantId), `${at}.participantId`, 'validation.unknownParticipant');
  }
  for (const idea of aggregate.ideas) {
    check(optionalMeeting(idea.meetingId), `ideas.${idea.id}.meetingId`, 'validation.unknownMeeting');
  }
  for (const note of aggregate.analysisNotes) {
    check(categoryIds.has(note.categoryId), `analysisNotes.${note.id}.categoryId`, 'validation.unknownCategory');
    check(optionalMeeting(note.meetingId), `analysisNotes.${note.id}.meetingId`, 'validation.unknownMeeting');
  }
  for (const agenda of aggregate.agendas) {
    check(meetingIds.has(agenda.meetingId), `agendas.${agenda.meetingId}.meetingId`, 'validation.unknownMeeting');
  }
  for (const summary of aggregate.summaries) {
    check(meetingIds.has(summary.meetingId), `summaries.${summary.meetingId}.meetingId`, 'validation.unknownMeeting');
  }
  for (const reflection of aggregate.reflections) {
    const at = `reflections.${assignmentRef(reflection)}`;
    check(meetingIds.has(reflection.meetingId), `${at}.meetingId`, 'validation.unknownMeeting');
    check(participantIds.has(reflection.participantId), `${at}.participantId`, 'validation.unknownParticipant');
  }
  return issues;
}

export function checkParticipantEmails({ participants }: NetworkAggregate): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const participant of participants) {
    const email = participant.email?.trim().toLowerCase();
    if (!email) continue;
    if (seen.has(email)) {
      issues.push({ path: `participants.${participant.id}.email`, key: 'validation.emailTaken', params: { email } });
    }
    seen.add(email);
  }
  return issues;
}

/** What still refers to a participant or a meeting, counted: what keeps it from being deleted. */
export interface Dependents {
  reflections: number;
  ideas: number;
  analysisNotes: number;
  summary: boolean;
  /** The meetings the reflections are about. */
  meetingIds: string[];
}

export function dependentsOf(aggregate: NetworkAggregate, on: { participantId: string } | { meetingId: string }): Dependents {
  const about = (row: { participantId?: string; meetingId?: string }) =>
    'participantId' in on ? row.participantId === on.participantId : row.meetingId === on.meetingId;
  const reflections = aggregate.reflections.filter(about);
  const byMeeting = 'meetingId' in on;
  return {
    reflections: reflections.length,
    ideas: byMeeting ? aggregate.ideas.filter(about).length : 0,
    analysisNotes: byMeeting ? aggregate.analysisNotes.filter(about).length : 0,
    summary: byMeeting && aggregate.summaries.some(about),
    meetingIds: [...new Set(reflections.map((r) => r.meetingId))],
  };
}
