import type { Meeting, NetworkAggregate, Participant } from '../domain/model';
import { meetingLabel, orderMeetings } from '../domain/labels';
import { dependentsOf } from '../domain/rules';
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n';
import { ApiError } from './errors';

// Deleting what others' work still refers to is refused in words: who or what, how much of it, and
// what the leader can do instead. Never with ids: the leader reads this.

const counted = (locale: Locale, what: 'reflection' | 'idea' | 'analysisNote', count: number) =>
  t(locale, `count.${what}.${count === 1 ? 'one' : 'other'}`, { count });

const listed = (locale: Locale, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const inUse = (key: MessageKey, params: MessageParams) => new ApiError(422, 'inUse', key, [], params);

/** A participant who wrote reflections stays: the reflections are the network's material. */
export function participantInUse(aggregate: NetworkAggregate, participant: Participant, locale: Locale): ApiError | undefined {
  const { reflections, meetingIds } = dependentsOf(aggregate, { participantId: participant.id });
  if (!reflections) return undefined;
  const order = orderMeetings(aggregate.meetings).map((m) => m.id);
  const numbers = meetingIds.map((id) => order.indexOf(id) + 1).filter((n) => n > 0).sort((a, b) => a - b).map(String);
  const meetings = t(locale, numbers.length === 1 ? 'count.meetings.one' : 'count.meetings.other', { numbers: listed(locale, numbers) });
  return inUse('api.participantHasReflections', { name: participant.name, reflections: counted(locale, 'reflection', reflections), meetings });
}

/** A meeting with reflections or a summary has been held; ideas and notes can be moved off it first. */
export function meetingInUse(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale): ApiError | undefined {
  const found = dependentsOf(aggregate, { meetingId: meeting.id });
  const material = [
    found.reflections ? counted(locale, 'reflection', found.reflections) : '',
    found.summary ? t(locale, 'count.summary') : '',
    found.ideas ? counted(locale, 'idea', found.ideas) : '',
    found.analysisNotes ? counted(locale, 'analysisNote', found.analysisNotes) : '',
  ].filter(Boolean);
  if (!material.length) return undefined;
  const advice = t(locale, found.reflections || found.summary ? 'api.meetingHasMaterial.held' : 'api.meetingHasMaterial.move');
  return inUse('api.meetingHasMaterial', { meeting: meetingLabel(meeting, aggregate.meetings, locale), material: listed(locale, material), advice });
}
