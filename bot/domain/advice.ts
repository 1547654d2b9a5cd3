import { t, type Locale, type MessageKey } from '../i18n';
import type { CompetenceArea, NetworkAggregate, Participant, ParticipantRole } from './model';
import type { IssueParams } from './validate';
import { networkRoleOfParticipant } from './access';

/** A hint from the handbook that never blocks saving; refs are ids of the meetings or participants it is about. */
export interface Advice {
  key: MessageKey;
  params?: IssueParams;
  refs?: string[];
}

export const CORE_GROUP_SIZE = { min: 4, max: 6 } as const;

export const EXTERNAL_ROLES: readonly ParticipantRole[] = [
  'citizen',
  'relative',
  'researcher',
  'company',
  'organisation',
  'politician',
];

// externalPerspectives is left out: advice.noExternalPerspective covers it, counting roles as well.
const DIAMOND_ADVICE: Partial<Record<CompetenceArea, MessageKey>> = {
  professionalExpertise: 'advice.competenceUncovered.professionalExpertise',
  publicAdministrationFrameworks: 'advice.competenceUncovered.publicAdministrationFrameworks',
  resourcesAndBacking: 'advice.competenceUncovered.resourcesAndBacking',
};

export function adviseOnPlan(aggregate: NetworkAggregate): Advice[] {
  return [
    ...adviseOnCoreGroup(aggregate),
    ...adviseOnMeetingsWithoutCore(aggregate),
    ...adviseOnExternalPerspective(aggregate),
    ...adviseOnParticipantsInNoMeeting(aggregate),
    ...adviseOnCompetenceDiamond(aggregate),
  ];
}

/** The part of the plan an advice is about: it is shown there (and counted in the one line above the sections). */
export type AdviceSection = 'participants' | 'planner';

/** Advice of the same kind, counted together: "4 møder uden kernedeltagere" instead of four lines. */
export type AdviceGroupKey = 'coreGroupSize' | 'meetingWithoutCore' | 'externalPerspective' | 'participantInNoMeeting' | 'competenceUncovered';

/** Where each advice goes and what it is counted with; a new advice key without a place is a type error here. */
type AdviceKey = Exclude<Extract<MessageKey, `advice.${string}`>, `advice.group.${string}`>;
const PLACES: Record<AdviceKey, { group: AdviceGroupKey; section: AdviceSection }> = {
  'advice.tooFewCore': { group: 'coreGroupSize', section: 'participants' },
  'advice.tooManyCore': { group: 'coreGroupSize', section: 'participants' },
  'advice.noExternalPerspective': { group: 'externalPerspective', section: 'participants' },
  'advice.competenceUncovered.professionalExpertise': { group: 'competenceUncovered', section: 'participants' },
  'advice.competenceUncovered.publicAdministrationFrameworks': { group: 'competenceUncovered', section: 'participants' },
  'advice.competenceUncovered.resourcesAndBacking': { group: 'competenceUncovered', section: 'participants' },
  // Who comes when is said in the planning tool: that is where a meeting without core or a participant in none is fixed.
  'advice.meetingWithoutCore': { group: 'meetingWithoutCore', section: 'planner' },
  'advice.closingMeetingWithoutCore': { group: 'meetingWithoutCore', section: 'planner' },
  'advice.participantInNoMeeting': { group: 'participantInNoMeeting', section: 'planner' },
};

export function placeOfAdvice(key: MessageKey): { group: AdviceGroupKey; section: AdviceSection } {
  return PLACES[key as AdviceKey];
}

/** One advice as the tabs get it: the message in the caller's language, what it is about, and where it is shown. */
export interface LocalizedAdvice {
  message: string;
  refs: string[];
  group: AdviceGroupKey;
  section: AdviceSection;
}

export function localizeAdvice(advice: Advice[], locale: Locale): LocalizedAdvice[] {
  return advice.map((item) => ({ message: t(locale, item.key, item.params), refs: item.refs ?? [], ...placeOfAdvice(item.key) }));
}

export interface AdviceGroup<T> {
  group: AdviceGroupKey;
  section: AdviceSection;
  items: T[];
}

/** Advice of one kind together, in the order the kinds first come; within a kind, in the order given. */
export function groupAdvice<T extends { group: AdviceGroupKey; section: AdviceSection }>(advice: readonly T[]): AdviceGroup<T>[] {
  const groups = new Map<AdviceGroupKey, AdviceGroup<T>>();
  for (const item of advice) {
    const group = groups.get(item.group) ?? { group: item.group, section: item.section, items: [] };
    group.items.push(item);
    groups.set(item.group, group);
  }
  return [...groups.values()];
}

/** The group's counted title ("{count, plural, one {# møde …} other {# møder …}}"): fill in `count` with the items' number. */
export const adviceGroupTitleKey = (group: AdviceGroupKey): MessageKey => `advice.group.${group}`;

const isCore = (participant: Participant) => participant.kind === 'core';

export function bringsExternalPerspective(participant: Participant): boolean {
  return EXTERNAL_ROLES.includes(participant.role) || participant.competenceAreas.includes('externalPerspectives');
}

export function adviseOnCoreGroup({ participants }: NetworkAggregate): Advice[] {
  const core = participants.filter(isCore);
  const refs = core.map((p) => p.id);
  if (core.length < CORE_GROUP_SIZE.min) return [{ key: 'advice.tooFewCore', params: { count: core.length }, refs }];
  if (core.length > CORE_GROUP_SIZE.max) return [{ key: 'advice.tooManyCore', params: { count: core.length }, refs }];
  return [];
}

/** Only when the network has a core at all; an empty core is already covered by advice.tooFewCore. */
export function adviseOnMeetingsWithoutCore({ participants, meetings, assignments }: NetworkAggregate): Advice[] {
  const coreIds = new Set(participants.filter(isCore).map((p) => p.id));
  if (coreIds.size === 0) return [];
  return [...meetings]
    .sort((a, b) => Number(a.closing) - Number(b.closing) || a.number - b.number)
    .filter((meeting) => !assignments.some((a) => a.meetingId === meeting.id && coreIds.has(a.participantId)))
    .map((meeting): Advice =>
      meeting.closing
        ? { key: 'advice.closingMeetingWithoutCore', refs: [meeting.id] }
        : { key: 'advice.meetingWithoutCore', params: { number: meeting.number }, refs: [meeting.id] },
    );
}

export function adviseOnExternalPerspective({ participants }: NetworkAggregate): Advice[] {
  if (participants.length === 0 || participants.some(bringsExternalPerspective)) return [];
  return [{ key: 'advice.noExternalPerspective' }];
}

/**
 * Only once meetings exist; before that every participant would be flagged. The network's co-driver and reference
 * leader are not expected at any one meeting (they lead with the leader and meet her between meetings): not flagged.
 */
export function adviseOnParticipantsInNoMeeting(aggregate: NetworkAggregate): Advice[] {
  const { participants, meetings, assignments } = aggregate;
  if (meetings.length === 0) return [];
  const meetingIds = new Set(meetings.map((m) => m.id));
  const planned = new Set(assignments.filter((a) => meetingIds.has(a.meetingId)).map((a) => a.participantId));
  return participants
    .filter((p) => !planned.has(p.id) && !networkRoleOfParticipant(aggregate, p))
    .map((p) => ({ key: 'advice.participantInNoMeeting', params: { name: p.name }, refs: [p.id] }));
}

export function adviseOnCompetenceDiamond({ participants }: NetworkAggregate): Advice[] {
  if (participants.length === 0) return [];
  const covered = new Set(participants.flatMap((p) => p.competenceAreas));
  return (Object.entries(DIAMOND_ADVICE) as [CompetenceArea, MessageKey][])
    .filter(([area]) => !covered.has(area))
    .map(([, key]) => ({ key }));
}
