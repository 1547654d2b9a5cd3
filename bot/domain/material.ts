import type { Idea, Meeting, NetworkAggregate, ReflectionAnswer, Subtheme, Summary } from './model';
import { orderMeetings } from './labels';

// What the whole network may see of each meeting: the joint summary, the reflections their authors
// shared (never a private one, whoever asks), and the ideas raised there with their owners. Pure.

export interface SharedReflection {
  participantId: string;
  name: string;
  answers: ReflectionAnswer[];
}

export interface MeetingMaterial {
  meeting: Meeting;
  subtheme?: Subtheme;
  summary?: Summary;
  sharedReflections: SharedReflection[];
  ideas: Idea[];
}

export function meetingMaterial(aggregate: NetworkAggregate, meeting: Meeting): MeetingMaterial {
  const nameOf = (participantId: string) => aggregate.participants.find((p) => p.id === participantId)?.name ?? '';
  return {
    meeting,
    subtheme: aggregate.subthemes.find((s) => s.id === meeting.subthemeId),
    summary: aggregate.summaries.find((s) => s.meetingId === meeting.id),
    sharedReflections: aggregate.reflections
      .filter((r) => r.meetingId === meeting.id && r.shared)
      .map((r) => ({ participantId: r.participantId, name: nameOf(r.participantId), answers: r.answers.filter((a) => a.answer.trim()) })),
    ideas: aggregate.ideas.filter((i) => i.meetingId === meeting.id),
  };
}

/** All material for the final analysis, meeting by meeting in the series' order; ideas from no meeting last. */
export function networkMaterial(aggregate: NetworkAggregate): { meetings: MeetingMaterial[]; otherIdeas: Idea[] } {
  const meetings = orderMeetings(aggregate.meetings).map((m) => meetingMaterial(aggregate, m));
  const placed = new Set(aggregate.meetings.map((m) => m.id));
  return { meetings, otherIdeas: aggregate.ideas.filter((i) => !i.meetingId || !placed.has(i.meetingId)) };
}

/** Two notes share a pattern when its words are the same, whatever the case or the spaces around them. */
export const patternKey = (pattern: string) => pattern.trim().toLocaleLowerCase('da');
