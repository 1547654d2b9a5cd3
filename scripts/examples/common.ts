import { addDays, todayInCopenhagen, weeksOfPeriod } from '../../bot/domain/dates';
import { defaultReflectionQuestions } from '../../bot/domain/labels';
import type { Assignment, IsoDate, Meeting, NetworkAggregate, Reflection, Versioned } from '../../bot/domain/model';

// Small helpers the example builders share. Everything here is pure: dates come from `now`.

/** The rows the example writes carry the same stamps the API would put on them. */
export interface Stamp {
  updatedAt: string;
  updatedBy: string;
}

export function stampOf(now: Date, by: string): Stamp {
  return { updatedAt: now.toISOString(), updatedBy: by };
}

/** Monday of the ISO week that holds `now` (Copenhagen time). */
export function mondayOfThisWeek(now: Date): IsoDate {
  const today = todayInCopenhagen(now);
  return weeksOfPeriod(today, today)[0]!.monday;
}

/** An instant on a date, for createdAt/submittedAt; times are UTC, so they stay on the same Copenhagen date. */
export function at(date: IsoDate, utcTime = '10:00'): string {
  return `${date}T${utcTime}:00.000Z`;
}

export const daysAfter = addDays;

type MeetingFields = Omit<Meeting, 'reflectionQuestions' | 'calendarEventIds' | 'closing' | 'preparation' | keyof Versioned> &
  Partial<Pick<Meeting, 'closing' | 'preparation' | 'reflectionQuestions'>>;

/** A meeting as the API creates it: the handbook's reflection questions unless the leader wrote others. */
export function meeting(fields: MeetingFields, stamp: Stamp): Meeting {
  return {
    closing: false,
    preparation: '',
    reflectionQuestions: defaultReflectionQuestions('da'),
    calendarEventIds: {},
    ...fields,
    ...stamp,
  };
}

/** Planner rows: [participantId, contribution, involvement form] for one meeting. */
export function plannerRows(meetingId: string, rows: [string, string, string][], stamp: Stamp): Assignment[] {
  return rows.map(([participantId, contribution, involvementForm]) => ({ meetingId, participantId, contribution, involvementForm, ...stamp }));
}

/** A reflection on the handbook's four questions, in the order the meeting asks them. */
export function reflection(
  target: Pick<Meeting, 'id' | 'reflectionQuestions'>,
  participant: { id: string; name: string },
  answers: string[],
  shared: boolean,
  submittedAt: string,
): Reflection {
  if (answers.length !== target.reflectionQuestions.length) {
    throw new Error(`${participant.name}'s reflection on ${target.id} answers ${answers.length} of ${target.reflectionQuestions.length} questions`);
  }
  return {
    meetingId: target.id,
    participantId: participant.id,
    answers: target.reflectionQuestions.map((question, i) => ({ question, answer: answers[i]! })),
    shared,
    submittedAt,
    updatedAt: submittedAt,
    updatedBy: participant.name,
  };
}

export function emptyLists(): Omit<NetworkAggregate, 'network'> {
  return {
    themeRevisions: [], subthemes: [], participants: [], meetings: [], assignments: [], agendas: [],
    summaries: [], reflections: [], ideas: [], analysisCategories: [], analysisNotes: [], bookings: [],
  };
}
