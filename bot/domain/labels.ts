import { t, type Locale, type MessageKey } from '../i18n';
import {
  INVOLVEMENT_FORMS,
  type AnalysisCategoryPreset,
  type CompetenceArea,
  type IdeaStatus,
  type Meeting,
  type NetworkStatus,
  type NetworkType,
  type ParticipantKind,
  type ParticipantRole,
} from './model';

type MeetingOrder = Pick<Meeting, 'id' | 'number' | 'closing' | 'date'>;

/** The series in the order the participants meet: by number, the closing meeting last. */
export function orderMeetings<M extends MeetingOrder>(meetings: readonly M[]): M[] {
  return [...meetings].sort(
    (a, b) => Number(a.closing) - Number(b.closing) || a.number - b.number || a.date.localeCompare(b.date),
  );
}

/**
 * "Netværksmøde 2 af 5" / "Afsluttende møde". The position comes from the order of the series,
 * so a deleted meeting never leaves "møde 4 af 3"; the total counts the closing meeting too.
 */
export function meetingLabel(meeting: MeetingOrder, meetings: readonly MeetingOrder[], locale: Locale): string {
  if (meeting.closing) return t(locale, 'label.meeting.closing');
  const series = meetings.some((m) => m.id === meeting.id) ? meetings : [...meetings, meeting];
  const position = orderMeetings(series).findIndex((m) => m.id === meeting.id) + 1;
  return t(locale, 'label.meeting.numbered', { number: position, total: series.length });
}

/** Calendar subject: "Netværksmøde 2 af 5: Hvad er deleøkonomi?". */
export function meetingSubject(
  meeting: MeetingOrder,
  meetings: readonly MeetingOrder[],
  locale: Locale,
  subthemeTitle?: string,
): string {
  const label = meetingLabel(meeting, meetings, locale);
  return subthemeTitle?.trim() ? `${label}: ${subthemeTitle.trim()}` : label;
}

/** "Individuel opsamling" (the handbook): the questions every meeting starts with unless the leader writes their own. */
export const DEFAULT_REFLECTION_QUESTION_KEYS = [
  'label.reflection.takeAway',
  'label.reflection.tellColleagues',
  'label.reflection.useInWork',
  'label.reflection.ideasAndOwners',
] as const satisfies readonly MessageKey[];

export function defaultReflectionQuestions(locale: Locale): string[] {
  return DEFAULT_REFLECTION_QUESTION_KEYS.map((key) => t(locale, key));
}

export const networkTypeLabel = (type: NetworkType, locale: Locale) => t(locale, `label.networkType.${type}`);
export const networkStatusLabel = (status: NetworkStatus, locale: Locale) =>
  t(locale, `label.networkStatus.${status}`);
export const participantKindLabel = (kind: ParticipantKind, locale: Locale) =>
  t(locale, `label.participantKind.${kind}`);
export const roleLabel = (role: ParticipantRole, locale: Locale) => t(locale, `label.role.${role}`);
export const competenceAreaLabel = (area: CompetenceArea, locale: Locale) => t(locale, `label.competence.${area}`);
export const ideaStatusLabel = (status: IdeaStatus, locale: Locale) => t(locale, `label.ideaStatus.${status}`);
export const analysisPresetLabel = (preset: AnalysisCategoryPreset, locale: Locale) =>
  t(locale, `label.analysisPreset.${preset}`);

/** A known involvement form in the user's language; the leader's own words are shown as written. */
export function involvementFormLabel(form: string, locale: Locale): string {
  const known = (INVOLVEMENT_FORMS as readonly string[]).includes(form);
  return known ? t(locale, `label.involvement.${form}` as MessageKey) : form;
}

/** "3 reflections", "1 idea": a count of the network's material in the user's language. */
export const countedLabel = (locale: Locale, what: 'reflection' | 'idea' | 'analysisNote', count: number) =>
  t(locale, `count.${what}`, { count });

/** "A, B and C" in the user's language. */
export const listedLabel = (locale: Locale, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
