// The handbook's domain as plain data. Danish terms in DESIGN.md map to these names.
// Dates are ISO calendar dates ('2026-03-15'), times are 'HH:mm', both in Europe/Copenhagen.

export type IsoDate = string;
export type ClockTime = string;
export type IsoDateTime = string;

export const NETWORK_TYPES = ['learning', 'welfare', 'innovation'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const NETWORK_STATUSES = ['planning', 'running', 'analysing', 'delivered', 'closed'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

/** A person the app can name: Entra object id when known, always a display name. */
export interface PersonRef {
  name: string;
  email?: string;
  userId?: string;
}

/** Every stored thing carries its storage version so two editors never overwrite each other. */
export interface Versioned {
  etag?: string;
  updatedAt?: IsoDateTime;
  updatedBy?: string;
}

export interface Network extends Versioned {
  id: string;
  name: string;
  type: NetworkType;
  status: NetworkStatus;
  /** Short heading of the theme; the unfolding lives in ThemeUnfolding. */
  theme: string;
  startDate: IsoDate;
  endDate: IsoDate;
  leader: PersonRef;
  coDriver?: PersonRef;
  referenceLeader?: PersonRef;
  teamId?: string;
  channelId?: string;
  locale?: 'da' | 'en';
  /** Days after a meeting before one reminder to reflect; 0 = none; default DEFAULT_REMINDER_DAYS. */
  reflectionReminderDays?: number;
  /** Months the network is kept after its delivery (GDPR retention); default the deployment's RETENTION_MONTHS. */
  retentionMonths?: number;
  /** When the delivery to Chefforum was marked delivered: the retention period counts from here. */
  deliveredAt?: IsoDateTime;
  createdAt: IsoDateTime;
}

/** The 7 characteristics of a good theme (the handbook's "Udfold netværkstemaet"), as a checklist. */
export const GOOD_THEME_CHARACTERISTICS = [
  'citizenWelfare',
  'currentChallenge',
  'crossCutting',
  'complexity',
  'newLearning',
  'innovation',
  'economicPotential',
] as const;
export type GoodThemeCharacteristic = (typeof GOOD_THEME_CHARACTERISTICS)[number];

/** "Udfold netværkets tema" — the handbook's questions (the handbook, and its "Udfold netværkstemaet"). */
export interface ThemeUnfolding extends Versioned {
  whyInteresting: string;
  challengeAndConsequences: string;
  potentialOrDream: string;
  valueForWhom: string;
  whereFelt: string;
  subthemesApproach: string;
  contributors: string;
  characteristics: Partial<Record<GoodThemeCharacteristic, { met: boolean; note?: string }>>;
}

export interface ThemeRevision {
  revision: number;
  savedAt: IsoDateTime;
  savedBy: string;
  theme: string;
  unfolding: Omit<ThemeUnfolding, 'etag' | 'updatedAt' | 'updatedBy'>;
}

export interface Subtheme extends Versioned {
  id: string;
  title: string;
  description: string;
  order: number;
}

export const PARTICIPANT_KINDS = ['core', 'along'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const PARTICIPANT_ROLES = [
  'employee',
  'manager',
  'citizen',
  'relative',
  'researcher',
  'company',
  'organisation',
  'politician',
  'referenceLeader',
  'coDriver',
  'other',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The competence diamond (the handbook's "Find dine netværksdeltagere"): four areas, or the leader's own. */
export const COMPETENCE_AREAS = [
  'professionalExpertise',
  'externalPerspectives',
  'publicAdministrationFrameworks',
  'resourcesAndBacking',
] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number];

export interface Participant extends Versioned {
  id: string;
  name: string;
  kind: ParticipantKind;
  role: ParticipantRole;
  unit: string;
  email?: string;
  /** Entra ID object id, when the person uses Teams. */
  userId?: string;
  competenceAreas: CompetenceArea[];
  customCompetences: string[];
  /** When the leader added them, stamped by the server; rows from before it was recorded have none (always there). */
  addedAt?: IsoDateTime;
}

export interface Meeting extends Versioned {
  id: string;
  /** 1..n for network meetings; the closing meeting has closing = true. */
  number: number;
  closing: boolean;
  subthemeId?: string;
  title: string;
  date: IsoDate;
  start: ClockTime;
  end: ClockTime;
  location: string;
  online: boolean;
  purpose: string;
  preparation: string;
  reflectionQuestions: string[];
  calendarEventIds: Record<string, string>;
  closedAt?: IsoDateTime;
  /** When the meeting really ended (Teams' meetingEnd, or a leader's "send the questions now"): the reflection round is due from then. */
  endedAt?: IsoDateTime;
  /** The Teams meeting it is held in, as the leader chose it (its join link): how Teams' meetingEnd finds this meeting. */
  teamsMeetingJoinUrl?: string;
}

export const INVOLVEMENT_FORMS = [
  'presentation',
  'workshopFacilitator',
  'workshopParticipant',
  'groupWork',
  'fieldVisit',
  'focusGroup',
  'interview',
  'participant',
] as const;
export type InvolvementForm = (typeof INVOLVEMENT_FORMS)[number];

/** A row of the planning tool (the handbook's "Planlægningsredskab"): participant × meeting. */
export interface Assignment extends Versioned {
  meetingId: string;
  participantId: string;
  contribution: string;
  /** One of INVOLVEMENT_FORMS or the leader's own words. */
  involvementForm: string;
}

/** A row of "Mødeplanlægning": Tid / Indhold / Proces / Formål-udbytte. */
export interface AgendaItem {
  id: string;
  time: ClockTime;
  content: string;
  process: string;
  purpose: string;
}

export interface Agenda extends Versioned {
  meetingId: string;
  items: AgendaItem[];
  daysBeforeToPost: number;
}

/** "Fælles opsamling i plenum pr. møde". */
export interface Summary extends Versioned {
  meetingId: string;
  themeAndPotentials: string;
  statementsAndKnowledge: string;
  contactsForKnowledge: string;
  potentials: string;
  keyLearningPoints: string;
  waysToUseLearning: string;
}

export interface ReflectionAnswer {
  question: string;
  answer: string;
}

/** "Individuel opsamling" — private to its author and the network's leaders unless shared. */
export interface Reflection extends Versioned {
  meetingId: string;
  participantId: string;
  answers: ReflectionAnswer[];
  shared: boolean;
  submittedAt: IsoDateTime;
}

export const IDEA_STATUSES = ['parked', 'takenOn', 'tested', 'dropped'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** An idea on the parking lot (P-plads), with an owner (tovholder). */
export interface Idea extends Versioned {
  id: string;
  text: string;
  meetingId?: string;
  raisedBy: PersonRef;
  owner?: PersonRef;
  status: IdeaStatus;
  createdAt: IsoDateTime;
}

export const ANALYSIS_CATEGORY_PRESETS = [
  'hiddenTreasures',
  'paradoxes',
  'circulatingStories',
  'values',
  'userPortraits',
] as const;
export type AnalysisCategoryPreset = (typeof ANALYSIS_CATEGORY_PRESETS)[number];

export interface AnalysisCategory extends Versioned {
  id: string;
  preset?: AnalysisCategoryPreset;
  title: string;
  order: number;
}

export interface AnalysisNote extends Versioned {
  id: string;
  categoryId: string;
  text: string;
  author: PersonRef;
  pattern?: string;
  priority: 'prioritised' | 'leftOut' | 'open';
  meetingId?: string;
}

export interface Recommendation {
  id: string;
  text: string;
}

export interface Disseminator {
  who: string;
  channel: string;
  when: string;
}

export const DELIVERY_STATUSES = ['draft', 'sentToReferenceLeader', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** "Leverance til Chefforum". Recommendations are in priority order. */
export interface Delivery extends Versioned {
  theme: string;
  knowledgeSummary: string;
  practiceChanges: string;
  recommendations: Recommendation[];
  other: string;
  dissemination: Disseminator[];
  status: DeliveryStatus;
}

export const PHASE_KINDS = ['phase', 'break', 'referenceLeaderMeeting', 'chefforum'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** One step of the process timeline, placed by ISO week of the network's period. */
export interface PhaseStep {
  id: string;
  kind: PhaseKind;
  title: string;
  description: string;
  /** 1-based weeks of the network's period (week 1 holds startDate); weeksOfPeriod() in dates.ts gives ISO weeks. */
  startWeek: number;
  endWeek: number;
  date?: IsoDate;
}

export interface PhasePlan extends Versioned {
  steps: PhaseStep[];
}

export const BOOKING_STATES = ['booked', 'failed', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/**
 * A meeting's calendar booking: kept after the meeting is deleted, so its event can be cancelled.
 * The same record serves Graph (eventId) and .ics (uid + sequence).
 */
export interface Booking extends Versioned {
  meetingId: string;
  /** Stable per meeting: the .ics UID and Graph's iCalUId-like key. */
  uid: string;
  /** Raised whenever the booked content changes (RFC 5545 SEQUENCE). */
  sequence: number;
  /** What was booked: fingerprint of subject, time, place, attendees and body. */
  fingerprint: string;
  state: BookingState;
  /** Graph event id in the organiser's calendar, once created. */
  eventId?: string;
  /** Whose calendar holds eventId (the user id of the leader who booked through Graph): only they can change it. */
  organizerId?: string;
  /** The Teams meeting Outlook made for the event (its join link), when booked online: how Teams' meetingEnd finds the meeting. */
  joinUrl?: string;
  /** Why the last attempt failed, in the user's words. */
  error?: string;
  bookedAt?: IsoDateTime;
  /** For cancellation after the meeting is gone: the subject and time it had. */
  subject?: string;
  start?: IsoDateTime;
  end?: IsoDateTime;
}

/** An invitation's state (the handbook's "Indled kontakt til potentielle deltagere"): sent, then answered yes or no. */
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** How an invitation went out: as a card in the person's 1:1 chat with the bot, by e-mail, or otherwise (in person, phone). */
export const INVITATION_CHANNELS = ['teams', 'email', 'other'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

/** "Fælles invitation": the one written invitation for the whole network, as the leader edited it. */
export interface CommonInvitation extends Versioned {
  subject: string;
  text: string;
}

/**
 * "Personlig henvendelse": the invitation to one participant as the leader wrote it (the text they were sent,
 * once sent), how it went out, and their answer. No status: not invited yet (a saved draft).
 */
export interface PersonalInvitation extends Versioned {
  participantId: string;
  subject: string;
  text: string;
  status?: InvitationStatus;
  via?: InvitationChannel;
  sentAt?: IsoDateTime;
  answeredAt?: IsoDateTime;
}

/** Everything stored about one network: what one partition query returns. */
export interface NetworkAggregate {
  network: Network;
  theme?: ThemeUnfolding;
  themeRevisions: ThemeRevision[];
  subthemes: Subtheme[];
  participants: Participant[];
  meetings: Meeting[];
  assignments: Assignment[];
  agendas: Agenda[];
  summaries: Summary[];
  reflections: Reflection[];
  ideas: Idea[];
  analysisCategories: AnalysisCategory[];
  analysisNotes: AnalysisNote[];
  delivery?: Delivery;
  phasePlan?: PhasePlan;
  bookings: Booking[];
  /** The common invitation, once the leader saved it. */
  invitation?: CommonInvitation;
  /** Personal invitations by participant (absent in aggregates built by hand: none). */
  invitations?: PersonalInvitation[];
}
