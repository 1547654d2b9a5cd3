import type { MeetingMaterial } from '@domain/material';
import type { NetworkAggregate } from '@domain/model';
import type { CommonInvitation, InvitationChannel, InvitationStatus, PersonalInvitation } from '@domain/model';
import type {
  Agenda,
  AgendaItem,
  AnalysisCategory,
  AnalysisNote,
  Assignment,
  Delivery,
  Idea,
  Meeting,
  Network,
  Participant,
  PhasePlan,
  ReflectionAnswer,
  Subtheme,
  Summary,
  ThemeUnfolding,
} from '@domain/model';
import type { BookingStatus, CalendarMeetingView, CalendarView } from '../../../bot/calendar/view';
import type { InvitationsView, PersonalInvitationView } from '../../../bot/invitations/view';
import type { NetworkReach, PersonStatus, SendKind, SendOutcome, SendRecord } from '../../../bot/sending/view';
import type { Api } from './api';
import type { NetworkRole, NetworkRoleKey } from '@domain/access';
import type { LocalizedAdvice } from '@domain/advice';

// The one typed client for everything under /api/networks/:networkId/… (the server's routes: bot/api/routes.ts):
// every path is built here and nowhere else in the tabs, and every answer has its type. Types come from the
// server's domain (@domain/*); the few answers the server types only in its handlers (not in bot/domain) are
// declared once below.
// Updates carry the ETag the caller saw (If-Match); a 409/428 is the caller's conflict (shared/formKit).

const enc = encodeURIComponent;

// ——— Answers the server types only in its handlers (no domain type to import): declared once, here. ———

/** What GET /api/networks/:id answers: the network as this user may see it, with the planning advice. */
/** How much of the network a plan holds: the plan's own rows only (the planning sections), or everything. */
export type PlanParts = 'plan' | 'all';

export interface PlanView extends NetworkAggregate {
  /** 'plan': the reflections, ideas, summaries, analysis, bookings and invitations lists are empty (not loaded). */
  parts: PlanParts;
  role: NetworkRole;
  myParticipantId?: string;
  /** Each advice with the kind it is counted with and the section it is shown in (bot/domain/advice.ts). */
  advice: LocalizedAdvice[];
  /** When the network's data is deleted: `months` after the delivery (or the end date, if never delivered). */
  retention: { months: number; ownMonths: boolean; from: 'delivery' | 'endDate'; deleteAfter: string };
}

/** One person in the network's team (GET …/team-members). */
export interface TeamMember {
  /** The Entra object id: what Participant.userId holds. */
  userId: string;
  name: string;
  email?: string;
}

/** Whom the leader chooses for a role (PUT …/roles/:role): a participant, a team member, or a name and e-mail. */
export type RoleChoice = { participantId: string } | { userId: string } | { name: string; email?: string };

/** What a change of roles answers: the network, and the participants whose role moved with it. */
export interface RolesAnswer {
  network: Network;
  participants: { id: string; name: string; role: Participant['role']; was: Participant['role'] }[];
}

/** One new participant of a batch (POST …/participants/batch): the fields of one added alone. */
export type ParticipantBatchRow = Pick<Participant, 'name' | 'kind' | 'role' | 'unit'> & Partial<Pick<Participant, 'email' | 'userId'>>;

/** What the leader changes on an idea from the tabs (PATCH …/ideas/:id). */
export interface IdeaChange {
  owner?: { participantId: string } | null;
  status?: Idea['status'];
}

/** An invitation's subject and text, as the leader edits them. */
export type InvitationText = Pick<CommonInvitation, 'subject' | 'text'>;

/** GET …/invitations (bot/invitations/view.ts: types only). */
export type { InvitationsView, PersonalInvitationView };

/** The analysis material (GET …/analysis/material): every meeting's material and the ideas of none. */
export interface Material {
  meetings: MeetingMaterial[];
  otherIdeas: Idea[];
}

/** The delivery text the server suggests from the plan (GET …/delivery/draft). */
export type Suggestion = Omit<Delivery, 'etag' | 'updatedAt' | 'updatedBy'>;

export type DeliveryOutcome = SendOutcome;

/** One send (the reflection prompt or its reminder) to one participant. */
export type SendState = Pick<SendRecord, 'state' | 'outcome' | 'detail' | 'dueAt' | 'attempts'>;

/** GET …/reach, GET …/sends (bot/sending/view.ts: shared by the server and the tab, types and words only). */
export type { NetworkReach, PersonStatus, SendRecord };

/** What "Send nu" answers: sent (or updated) at once, or still under way (Teams asked to wait); a refusal is an ApiError. */
export type SendNowAnswer = { outcome: 'sent' | 'updated'; kind: SendKind; sentAt: string } | { state: 'sending'; kind: SendKind; retryAt?: string };

export interface ParticipantStatus {
  participantId: string;
  name: string;
  hasTeams: boolean;
  /** Whether the bot reaches them in a 1:1 chat now, and if not why (before any send ran too). */
  reach?: PersonStatus;
  prompt?: SendState;
  reminder?: SendState;
  answered: boolean;
  submittedAt?: string;
  shared: boolean;
  answers?: ReflectionAnswer[];
}

/** GET …/meetings/:meetingId/reflection-status. */
export interface ReflectionStatus {
  meetingId: string;
  closedAt?: string;
  /** When the questions go out (due, at the meeting's end), whether they went out, or none will (closed). */
  questions?: { state: 'due' | 'asked' | 'closed'; at?: string };
  participants: ParticipantStatus[];
}

/** What PUT …/agenda takes: new items have no id yet. */
export interface AgendaBody {
  items: (Omit<AgendaItem, 'id'> & { id?: string })[];
  daysBeforeToPost: number;
}

/** What GET /api/networks lists: the network and the caller's role in it. */
export interface NetworkEntry extends Network {
  role: NetworkRole;
}

/** PUT …/theme answers the saved unfolding with its revision number. */
export type SavedTheme = ThemeUnfolding & { revision: number };

/** POST …/calendar/book: the meetings' booking states, or nothing (no calendar consent yet). */
export type BookAnswer = { meetings?: { status: string }[] } | undefined;

/** GET …/calendar (bot/calendar/view.ts, outside the domain: the one import of it in the tabs). */
export type { BookingStatus, CalendarMeetingView, CalendarView };

// ——— Paths ———

const NETWORKS = '/api/networks';

/** Every path under /api/networks/:networkId, for the calls below and for hooks that take a path (useFetched, downloads). */
export function networkPaths(networkId: string) {
  const network = `${NETWORKS}/${enc(networkId)}`;
  const meeting = (meetingId: string) => {
    const self = `${network}/meetings/${enc(meetingId)}`;
    return {
      self,
      agenda: `${self}/agenda`,
      agendaPreview: `${self}/agenda/preview`,
      agendaPost: `${self}/agenda/post`,
      summary: `${self}/summary`,
      plenary: `${self}/plenary`,
      close: `${self}/close`,
      reopen: `${self}/reopen`,
      reflectionStatus: `${self}/reflection-status`,
      ideaFromReflection: (participantId: string) => `${self}/reflections/${enc(participantId)}/idea`,
      /** POST: the meeting ends now and its reflection questions go out (once); answers the meeting with `endedAt`. */
      reflectionsSend: `${self}/reflections/send`,
      assignment: (participantId: string) => `${self}/assignments/${enc(participantId)}`,
      calendarIcs: `${self}/calendar.ics`,
    };
  };
  return {
    self: network,
    teamMembers: `${network}/team-members`,
    role: (role: NetworkRoleKey) => `${network}/roles/${enc(role)}`,
    theme: `${network}/theme`,
    subthemes: `${network}/subthemes`,
    subtheme: (id: string) => `${network}/subthemes/${enc(id)}`,
    participants: `${network}/participants`,
    participant: (id: string) => `${network}/participants/${enc(id)}`,
    participantsBatch: `${network}/participants/batch`,
    invitations: `${network}/invitations`,
    invitation: `${network}/invitation`,
    invitationEml: `${network}/invitation.eml`,
    personalInvitation: (participantId: string) => {
      const self = `${network}/invitations/${enc(participantId)}`;
      return { self, send: `${self}/send`, status: `${self}/status`, eml: `${self}/invitation.eml` };
    },
    meetings: `${network}/meetings`,
    meeting,
    ideas: `${network}/ideas`,
    idea: (id: string) => `${network}/ideas/${enc(id)}`,
    ideaLotPost: `${network}/ideas/post`,
    sends: (meetingId?: string) => (meetingId ? `${network}/sends?meetingId=${enc(meetingId)}` : `${network}/sends`),
    reach: `${network}/reach`,
    analysisMaterial: `${network}/analysis/material`,
    categories: `${network}/analysis/categories`,
    category: (id: string) => `${network}/analysis/categories/${enc(id)}`,
    notes: `${network}/analysis/notes`,
    note: (id: string) => `${network}/analysis/notes/${enc(id)}`,
    delivery: `${network}/delivery`,
    deliveryDraft: `${network}/delivery/draft`,
    deliveryDocx: (lang: string) => `${network}/delivery.docx?lang=${enc(lang)}`,
    phases: `${network}/phases`,
    calendar: `${network}/calendar`,
    calendarBook: `${network}/calendar/book`,
    seriesIcs: `${network}/calendar/series.ics`,
    cancellationsIcs: `${network}/calendar/cancellations.ics`,
  };
}

export type NetworkPaths = ReturnType<typeof networkPaths>;
export type MeetingPaths = ReturnType<NetworkPaths['meeting']>;

// ——— Typed calls ———

/** The caller's networks (optionally only a channel's), and a new one. */
export function networksApi(api: Api) {
  return {
    list: (channelId?: string) =>
      api.get<{ networks: NetworkEntry[] }>(channelId ? `${NETWORKS}?channelId=${enc(channelId)}` : NETWORKS).then((answer) => answer.networks),
    create: (body: object) => api.post<Network>(NETWORKS, body),
  };
}

/** A collection the plan edits row by row: POST to add, PATCH with the row's ETag, DELETE with it. */
function collection<T, Create, Patch = Partial<Create>>(api: Api, base: string, item: (id: string) => string) {
  return {
    create: (body: Create) => api.post<T>(base, body),
    patch: (id: string, body: Patch, etag: string | undefined) => api.patch<T>(item(id), body, etag ?? ''),
    remove: (id: string, etag: string | undefined) => api.del(item(id), etag ?? ''),
  };
}

/** The typed calls for one network: `networkApi(api, id).meeting(mid).agenda.save(body, etag)`. */
export function networkApi(api: Api, networkId: string) {
  const paths = networkPaths(networkId);
  const meeting = (meetingId: string) => {
    const p = paths.meeting(meetingId);
    return {
      paths: p,
      patch: (body: Partial<Meeting>, etag: string | undefined) => api.patch<Meeting>(p.self, body, etag ?? ''),
      remove: (etag: string | undefined) => api.del(p.self, etag ?? ''),
      agenda: {
        save: (body: AgendaBody, etag: string | undefined) => api.put<Agenda>(p.agenda, body, etag),
        /** "Send nu": how it went (sent, or still under way); not sent is an ApiError with the reason. */
        post: () => api.post<SendNowAnswer>(p.agendaPost, {}),
      },
      summary: { save: (body: object, etag: string | undefined) => api.put<Summary>(p.summary, body, etag) },
      /** Closing (or reopening) a meeting needs the meeting's ETag. */
      close: (etag: string | undefined) => api.post<unknown>(p.close, {}, etag ?? ''),
      reopen: (etag: string | undefined) => api.post<unknown>(p.reopen, {}, etag ?? ''),
      reflectionStatus: () => api.get<ReflectionStatus>(p.reflectionStatus),
      ideaFromReflection: (participantId: string, idea: { text: string; owner?: { participantId: string } }) => api.post<Idea>(p.ideaFromReflection(participantId), idea),
      /** "Send refleksionsspørgsmål nu" (leaders): the meeting as ended now; 409 when already sent, 422 when closed or not held yet. */
      sendReflections: () => api.post<Meeting>(p.reflectionsSend, {}),
      assignment: (participantId: string) => ({
        save: (body: Partial<Pick<Assignment, 'contribution' | 'involvementForm'>>, etag?: string) =>
          api.put<Assignment>(p.assignment(participantId), body, etag),
        remove: (etag: string | undefined) => api.del(p.assignment(participantId), etag ?? ''),
      }),
    };
  };
  return {
    paths,
    /** GET the plan: the network as this user may see it, with the planning advice. */
    get: (parts: PlanParts = 'all') => api.get<PlanView>(parts === 'plan' ? `${paths.self}?parts=plan` : paths.self),
    patch: (body: Partial<Network>, etag: string | undefined) => api.patch<Network>(paths.self, body, etag ?? ''),
    teamMembers: () => api.get<TeamMember[]>(paths.teamMembers),
    /** The method's roles (leader only): choose the co-driver or reference leader, or free the role; If-Match is the network's. */
    roles: {
      set: (role: NetworkRoleKey, choice: RoleChoice, etag: string | undefined) => api.put<RolesAnswer>(paths.role(role), choice, etag ?? ''),
      remove: (role: NetworkRoleKey, etag: string | undefined) => api.del(paths.role(role), etag ?? ''),
    },
    /** Whom the bot reaches (channel, each participant's chat), who not and why; per meeting. Leaders only. */
    reach: () => api.get<NetworkReach>(paths.reach),
    /** Every send and how it went, optionally one meeting's. Leaders only. */
    sends: (meetingId?: string) => api.get<{ sends: SendRecord[] }>(paths.sends(meetingId)).then((answer) => answer.sends),
    theme: { save: (body: object, etag: string | undefined) => api.put<SavedTheme>(paths.theme, body, etag) },
    subthemes: collection<Subtheme, Pick<Subtheme, 'title' | 'description'> & { order: number }>(api, paths.subthemes, paths.subtheme),
    participants: {
      ...collection<Participant, object>(api, paths.participants, paths.participant),
      /** Several at once, all or none (POST …/participants/batch); a 422 names each row that cannot be. */
      addMany: (participants: ParticipantBatchRow[]) => api.post<{ participants: Participant[] }>(paths.participantsBatch, { participants }),
      /** Several given a kind and/or a role at once (PATCH …/participants/batch), all or none. */
      changeMany: (participantIds: string[], change: Partial<Pick<Participant, 'kind' | 'role'>>) =>
        api.patch<{ participants: Participant[] }>(paths.participantsBatch, { participantIds, change }, ''),
    },
    /** Invitations (leaders): the texts and statuses; save, send (in Teams, or recorded as sent), answers by hand, .eml files. */
    invitations: {
      get: () => api.get<InvitationsView>(paths.invitations),
      saveCommon: (body: InvitationText, etag: string | undefined) => api.put<CommonInvitation>(paths.invitation, body, etag),
      commonEml: (fallbackName: string) => api.download(paths.invitationEml, fallbackName),
      personal: (participantId: string) => {
        const p = paths.personalInvitation(participantId);
        return {
          save: (body: InvitationText, etag: string | undefined) => api.put<PersonalInvitation>(p.self, body, etag),
          send: (body: InvitationText & { via: InvitationChannel }) => api.post<PersonalInvitation>(p.send, body),
          setStatus: (body: { status: InvitationStatus | null; via?: 'email' | 'other' }) => api.post<PersonalInvitation>(p.status, body),
          eml: (fallbackName: string) => api.download(p.eml, fallbackName),
        };
      },
    },
    meetings: collection<Meeting, object>(api, paths.meetings, (id) => paths.meeting(id).self),
    meeting,
    ideas: {
      create: (body: { text: string; meetingId?: string; owner?: { participantId: string } }) => api.post<Idea>(paths.ideas, body),
      /** Owner (a participant's row, or null: none) and status, as the leader sets them; text and meeting for its author. */
      patch: (id: string, body: IdeaChange, etag: string | undefined) => api.patch<Idea>(paths.idea(id), body, etag ?? ''),
      /** Post the idea lot to the channel now: how it went, as for the agenda. */
      postLot: () => api.post<SendNowAnswer>(paths.ideaLotPost, {}),
    },
    analysis: {
      material: () => api.get<Material>(paths.analysisMaterial),
      categories: collection<AnalysisCategory, Pick<AnalysisCategory, 'title' | 'order'> & { preset?: AnalysisCategory['preset'] }>(
        api,
        paths.categories,
        paths.category,
      ),
      notes: collection<AnalysisNote, { categoryId: string; text: string; meetingId?: string }, object>(api, paths.notes, paths.note),
    },
    delivery: {
      save: (body: object, etag: string | undefined) => api.put<Delivery>(paths.delivery, body, etag),
      suggestion: () => api.get<Suggestion>(paths.deliveryDraft),
      document: (lang: string, fallbackName: string) => api.download(paths.deliveryDocx(lang), fallbackName),
    },
    phases: { save: (body: Pick<PhasePlan, 'steps'> | { steps: object[] }, etag: string | undefined) => api.put<PhasePlan>(paths.phases, body, etag) },
    calendar: {
      get: () => api.get<CalendarView>(paths.calendar),
      book: () => api.post<BookAnswer>(paths.calendarBook, {}),
    },
  };
}

export type NetworkApi = ReturnType<typeof networkApi>;
export type MeetingApi = ReturnType<NetworkApi['meeting']>;
