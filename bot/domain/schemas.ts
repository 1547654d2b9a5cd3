import { z } from 'zod';
import { cleanText } from './text';
import { MAX, MAX_ITEMS } from './limits';
import { defaultEndDate, defaultMeetingEnd, isClockTime, isRealIsoDate } from './dates';
import {
  ANALYSIS_CATEGORY_PRESETS,
  COMPETENCE_AREAS,
  DELIVERY_STATUSES,
  GOOD_THEME_CHARACTERISTICS,
  IDEA_STATUSES,
  INVITATION_CHANNELS,
  INVITATION_STATUSES,
  NETWORK_STATUSES,
  NETWORK_TYPES,
  PARTICIPANT_KINDS,
  PARTICIPANT_ROLES,
  PHASE_KINDS,
} from './model';

// Input schemas for the tab API. Server-owned fields (ids of new things, leader, authors,
// timestamps, etags) are not accepted from the client; strict objects reject them.
// Defaults live only in the create schemas: a patch must never fill in a field the user did not send.

export { MAX, MAX_ITEMS } from './limits';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

// Names and short fields are one line; longer fields keep their line breaks.
const cleaned = (max: number) => z.string().overwrite((text) => cleanText(text, { multiline: max > MAX.short }));
export const requiredText = (max: number) => cleaned(max).trim().min(1).max(max);
export const optionalText = (max: number) => cleaned(max).trim().max(max);

export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX.id)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.invalidId' });

export const isoDateSchema = z
  .string()
  .trim()
  .refine(isRealIsoDate, { error: 'validation.invalidDate' });

export const clockTimeSchema = z
  .string()
  .trim()
  .refine(isClockTime, { error: 'validation.invalidTime' });

export const emailSchema = z
  .string()
  .trim()
  .max(MAX.email)
  .regex(z.regexes.email, { error: 'validation.invalidEmail' })
  .transform((email) => email.toLowerCase());

/** An optional field in a create: an empty string from a form counts as not given. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());
/** An optional field in a patch: null (or an empty string) removes the value. */
const clearable = <S extends z.ZodType>(schema: S) => z.preprocess(blankToNull, schema.nullable().optional());

const uniqueList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, { error: 'validation.duplicateChoice' });

export const personRefSchema = z.strictObject({
  name: requiredText(MAX.name),
  email: optional(emailSchema),
  userId: optional(requiredText(MAX.id * 2)),
});

/**
 * Whom the leader chooses (a role's holder, an idea's owner): a participant by row id, a team member by Entra id,
 * or a person by name and e-mail. The server names them as its own rows do, never as the request spells it.
 */
export const personChoiceSchema = z
  .strictObject({
    participantId: optional(idSchema),
    userId: optional(requiredText(MAX.id * 2)),
    name: optional(requiredText(MAX.name)),
    email: optional(emailSchema),
  })
  .refine((choice) => !!(choice.participantId || choice.userId || choice.name), { error: 'validation.personRequired', path: ['name'] });

/** Whom a data-protection request is about: an Entra object id, an e-mail, or both. */
export const dataSubjectSchema = z
  .strictObject({ userId: optional(requiredText(MAX.id * 2)), email: optional(emailSchema) })
  .refine((subject) => !!subject.userId || !!subject.email, { error: 'validation.subjectRequired' });

// network

const networkShape = {
  name: requiredText(MAX.name),
  type: z.enum(NETWORK_TYPES),
  theme: requiredText(MAX.short),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  status: z.enum(NETWORK_STATUSES),
  /** Roles are chosen, then named as the server's rows say (bot/networks/roles.ts). */
  coDriver: personChoiceSchema,
  referenceLeader: personChoiceSchema,
  teamId: requiredText(MAX.short),
  channelId: requiredText(MAX.short),
  locale: z.enum(['da', 'en']),
  /** Days after a meeting before one reminder goes to those who have not reflected; 0 = none. */
  reflectionReminderDays: z.int().min(0).max(30),
  /** GDPR retention after the delivery, in months. */
  retentionMonths: z.int().min(1).max(120),
};

export const networkCreateSchema = z
  .strictObject({
    ...networkShape,
    endDate: optional(isoDateSchema),
    status: networkShape.status.default('planning'),
    coDriver: networkShape.coDriver.optional(),
    referenceLeader: networkShape.referenceLeader.optional(),
    teamId: optional(networkShape.teamId),
    channelId: optional(networkShape.channelId),
    locale: networkShape.locale.optional(),
    reflectionReminderDays: networkShape.reflectionReminderDays.optional(),
    retentionMonths: networkShape.retentionMonths.optional(),
  })
  .transform((network) => ({ ...network, endDate: network.endDate ?? defaultEndDate(network.startDate) }));

export const networkPatchSchema = z.strictObject(networkShape).partial().extend({
  coDriver: clearable(personChoiceSchema),
  referenceLeader: clearable(personChoiceSchema),
});

// theme

const characteristicSchema = z.strictObject({ met: z.boolean(), note: optional(optionalText(MAX.medium)) });

export const themeUnfoldingSaveSchema = z.strictObject({
  theme: requiredText(MAX.short),
  whyInteresting: optionalText(MAX.long).default(''),
  challengeAndConsequences: optionalText(MAX.long).default(''),
  potentialOrDream: optionalText(MAX.long).default(''),
  valueForWhom: optionalText(MAX.long).default(''),
  whereFelt: optionalText(MAX.long).default(''),
  subthemesApproach: optionalText(MAX.long).default(''),
  contributors: optionalText(MAX.long).default(''),
  characteristics: z.partialRecord(z.enum(GOOD_THEME_CHARACTERISTICS), characteristicSchema).default({}),
});

const subthemeShape = {
  title: requiredText(MAX.short),
  description: optionalText(MAX.long),
  order: z.int().min(0).max(1000),
};

export const subthemeCreateSchema = z.strictObject({
  ...subthemeShape,
  description: subthemeShape.description.default(''),
  order: subthemeShape.order.optional(),
});

export const subthemePatchSchema = z.strictObject(subthemeShape).partial();

// participants

const participantShape = {
  name: requiredText(MAX.name),
  kind: z.enum(PARTICIPANT_KINDS),
  role: z.enum(PARTICIPANT_ROLES),
  unit: optionalText(MAX.short),
  email: emailSchema,
  userId: requiredText(MAX.id * 2),
  competenceAreas: uniqueList(COMPETENCE_AREAS),
  customCompetences: z.array(requiredText(MAX.name)).max(20),
};

export const participantCreateSchema = z.strictObject({
  ...participantShape,
  unit: participantShape.unit.default(''),
  email: optional(participantShape.email),
  userId: optional(participantShape.userId),
  competenceAreas: participantShape.competenceAreas.default([]),
  customCompetences: participantShape.customCompetences.default([]),
});

export const participantPatchSchema = z.strictObject(participantShape).partial().extend({
  email: clearable(emailSchema),
  userId: clearable(participantShape.userId),
});

// participants in bulk (bot/participants/batch.ts): each row is checked by the one participant's schema above

export const participantBatchCreateSchema = z.strictObject({
  participants: z.array(z.unknown()).min(1).max(MAX_ITEMS.participantsPerBatch),
});

export const participantBatchPatchSchema = z.strictObject({
  participantIds: z.array(idSchema).min(1).max(MAX_ITEMS.participantChangesPerBatch),
  change: participantPatchSchema
    .pick({ kind: true, role: true })
    .refine((change) => change.kind !== undefined || change.role !== undefined, { error: 'validation.participantsBatch.noChange' }),
});

// meetings

/** Hosts a Teams meeting's join link is on (commercial, consumer, and the US government clouds). */
const TEAMS_HOSTS = /(^|\.)(teams\.microsoft\.com|teams\.live\.com|teams\.microsoft\.us)$/i;
const isTeamsMeetingLink = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && TEAMS_HOSTS.test(url.hostname);
  } catch {
    return false;
  }
};
/** The Teams meeting a network meeting is held in, as the leader copied its link from Teams. */
export const teamsMeetingLinkSchema = z.string().trim().max(MAX.medium).refine(isTeamsMeetingLink, { error: 'validation.teamsMeetingLink' });

const meetingShape = {
  number: z.int().min(1).max(99),
  closing: z.boolean(),
  subthemeId: idSchema,
  title: optionalText(MAX.short),
  date: isoDateSchema,
  start: clockTimeSchema,
  end: clockTimeSchema,
  location: optionalText(MAX.short),
  online: z.boolean(),
  purpose: optionalText(MAX.long),
  preparation: optionalText(MAX.long),
  reflectionQuestions: z.array(requiredText(MAX.medium)).max(10),
  teamsMeetingJoinUrl: teamsMeetingLinkSchema,
};

export const meetingCreateSchema = z
  .strictObject({
    ...meetingShape,
    closing: meetingShape.closing.default(false),
    subthemeId: optional(idSchema),
    title: meetingShape.title.default(''),
    end: optional(clockTimeSchema),
    location: meetingShape.location.default(''),
    online: meetingShape.online.default(false),
    purpose: meetingShape.purpose.default(''),
    preparation: meetingShape.preparation.default(''),
    reflectionQuestions: meetingShape.reflectionQuestions.default([]),
    teamsMeetingJoinUrl: optional(teamsMeetingLinkSchema),
  })
  .transform((meeting) => ({ ...meeting, end: meeting.end ?? defaultMeetingEnd(meeting.start) }));

export const meetingPatchSchema = z.strictObject(meetingShape).partial().extend({
  subthemeId: clearable(idSchema),
  teamsMeetingJoinUrl: clearable(teamsMeetingLinkSchema),
});

/** A row of the planning tool. involvementForm is one of INVOLVEMENT_FORMS or the leader's own words. */
export const assignmentUpsertSchema = z.strictObject({
  meetingId: idSchema,
  participantId: idSchema,
  contribution: optionalText(MAX.medium).default(''),
  involvementForm: optionalText(MAX.short).default(''),
});

export const agendaItemSchema = z.strictObject({
  id: optional(idSchema),
  time: clockTimeSchema,
  content: requiredText(MAX.medium),
  process: optionalText(MAX.long).default(''),
  purpose: optionalText(MAX.medium).default(''),
});

export const agendaSaveSchema = z.strictObject({
  items: z.array(agendaItemSchema).max(MAX_ITEMS.agendaItems),
  daysBeforeToPost: z.int().min(0).max(60).default(7),
});

export const summarySaveSchema = z.strictObject({
  themeAndPotentials: optionalText(MAX.long).default(''),
  statementsAndKnowledge: optionalText(MAX.long).default(''),
  contactsForKnowledge: optionalText(MAX.long).default(''),
  potentials: optionalText(MAX.long).default(''),
  keyLearningPoints: optionalText(MAX.long).default(''),
  waysToUseLearning: optionalText(MAX.long).default(''),
});

export const reflectionSaveSchema = z.strictObject({
  answers: z
    .array(z.strictObject({ question: requiredText(MAX.medium), answer: optionalText(MAX.long).default('') }))
    .max(10),
  shared: z.boolean().default(false),
});

// ideas

const ideaShape = {
  text: requiredText(MAX.medium),
  meetingId: idSchema,
  owner: personChoiceSchema,
  status: z.enum(IDEA_STATUSES),
};

export const ideaCreateSchema = z.strictObject({
  ...ideaShape,
  meetingId: optional(idSchema),
  owner: ideaShape.owner.optional(),
  status: ideaShape.status.default('parked'),
});

/** An idea taken from a reflection's answer: its words and, optionally, its owner; the rest comes from the answer. */
export const ideaFromAnswerSchema = z.strictObject({ text: ideaShape.text, owner: ideaShape.owner.optional() });

export const ideaPatchSchema = z.strictObject(ideaShape).partial().extend({
  meetingId: clearable(idSchema),
  owner: clearable(personChoiceSchema),
});

// analysis

const analysisCategoryShape = {
  title: requiredText(MAX.name),
  preset: z.enum(ANALYSIS_CATEGORY_PRESETS),
  order: z.int().min(0).max(1000),
};

export const analysisCategoryCreateSchema = z.strictObject({
  ...analysisCategoryShape,
  preset: analysisCategoryShape.preset.optional(),
  order: analysisCategoryShape.order.optional(),
});

export const analysisCategoryPatchSchema = z.strictObject(analysisCategoryShape).partial().extend({
  preset: clearable(z.enum(ANALYSIS_CATEGORY_PRESETS)),
});

const analysisNoteShape = {
  categoryId: idSchema,
  text: requiredText(MAX.medium),
  pattern: requiredText(MAX.short),
  priority: z.enum(['prioritised', 'leftOut', 'open']),
  meetingId: idSchema,
};

export const analysisNoteCreateSchema = z.strictObject({
  ...analysisNoteShape,
  pattern: optional(analysisNoteShape.pattern),
  priority: analysisNoteShape.priority.default('open'),
  meetingId: optional(idSchema),
});

export const analysisNotePatchSchema = z.strictObject(analysisNoteShape).partial().extend({
  pattern: clearable(analysisNoteShape.pattern),
  meetingId: clearable(idSchema),
});

// delivery and process plan

export const deliverySaveSchema = z.strictObject({
  theme: optionalText(MAX.short).default(''),
  knowledgeSummary: optionalText(MAX.long).default(''),
  practiceChanges: optionalText(MAX.long).default(''),
  recommendations: z
    .array(z.strictObject({ id: optional(idSchema), text: requiredText(MAX.medium) }))
    .max(MAX_ITEMS.recommendations)
    .default([]),
  other: optionalText(MAX.long).default(''),
  dissemination: z
    .array(
      z.strictObject({
        who: requiredText(MAX.short),
        channel: optionalText(MAX.short).default(''),
        when: optionalText(MAX.short).default(''),
      }),
    )
    .max(MAX_ITEMS.dissemination)
    .default([]),
  status: z.enum(DELIVERY_STATUSES).default('draft'),
});

export const phaseStepSchema = z
  .strictObject({
    id: optional(idSchema),
    kind: z.enum(PHASE_KINDS),
    title: requiredText(MAX.short),
    description: optionalText(MAX.long).default(''),
    startWeek: z.int().min(1).max(104),
    endWeek: z.int().min(1).max(104),
    date: optional(isoDateSchema),
  })
  .refine((step) => step.endWeek >= step.startWeek, {
    error: 'validation.endWeekBeforeStartWeek',
    path: ['endWeek'],
  });

export const phasePlanSaveSchema = z.strictObject({
  steps: z.array(phaseStepSchema).max(80),
});

// invitations ("Indled kontakt til potentielle deltagere")

/** The common invitation or a personal one, as the leader edited it. */
export const invitationTextSchema = z.strictObject({
  subject: requiredText(MAX.short),
  text: requiredText(MAX.letter),
});

/** Sending a personal invitation: in Teams (the bot sends it), or recorded as sent by e-mail or otherwise. */
export const invitationSendSchema = invitationTextSchema.extend({
  via: z.enum(INVITATION_CHANNELS),
});

/** The leader records an invitation's state by hand (sent by e-mail or otherwise); null: not invited. */
export const invitationStatusSchema = z.strictObject({
  status: z.enum(INVITATION_STATUSES).nullable(),
  via: z.enum(INVITATION_CHANNELS).exclude(['teams']).optional(),
});

/** A participant's own answer (the card's buttons). */
export const invitationAnswerSchema = z.enum(INVITATION_STATUSES).exclude(['invited']);

export type NetworkCreateInput = z.output<typeof networkCreateSchema>;
export type NetworkPatchInput = z.output<typeof networkPatchSchema>;
export type ThemeUnfoldingSaveInput = z.output<typeof themeUnfoldingSaveSchema>;
export type SubthemeCreateInput = z.output<typeof subthemeCreateSchema>;
export type SubthemePatchInput = z.output<typeof subthemePatchSchema>;
export type ParticipantCreateInput = z.output<typeof participantCreateSchema>;
export type ParticipantPatchInput = z.output<typeof participantPatchSchema>;
export type ParticipantBatchPatchInput = z.output<typeof participantBatchPatchSchema>;
export type MeetingCreateInput = z.output<typeof meetingCreateSchema>;
export type MeetingPatchInput = z.output<typeof meetingPatchSchema>;
export type AssignmentUpsertInput = z.output<typeof assignmentUpsertSchema>;
export type AgendaSaveInput = z.output<typeof agendaSaveSchema>;
export type SummarySaveInput = z.output<typeof summarySaveSchema>;
export type ReflectionSaveInput = z.output<typeof reflectionSaveSchema>;
export type IdeaCreateInput = z.output<typeof ideaCreateSchema>;
export type IdeaPatchInput = z.output<typeof ideaPatchSchema>;
export type AnalysisCategoryCreateInput = z.output<typeof analysisCategoryCreateSchema>;
export type AnalysisCategoryPatchInput = z.output<typeof analysisCategoryPatchSchema>;
export type AnalysisNoteCreateInput = z.output<typeof analysisNoteCreateSchema>;
export type AnalysisNotePatchInput = z.output<typeof analysisNotePatchSchema>;
export type DeliverySaveInput = z.output<typeof deliverySaveSchema>;
export type PhasePlanSaveInput = z.output<typeof phasePlanSaveSchema>;
