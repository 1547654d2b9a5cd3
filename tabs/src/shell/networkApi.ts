import type { MeetingMaterial } from '@domain/material';
import type { NetworkAggregate } from '@domain/model';
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
import type { Api } from './api';
import type { NetworkRole } from '@domain/access';

// The one typed client for everything under /api/networks/:networkId/… (the server's routes: bot/api/routes.ts):
// every path is built here and nowhere else in the tabs, and every answer has its type. Types come from the
// server's domain (@domain/*); the few answers the server types only in its handlers (not in bot/domain) are
// declared once below.
// Updates carry the ETag the caller saw (If-Match); a 409/428 is the caller's conflict (shared/formKit).

const enc = encodeURIComponent;

// ——— Answers the server types only in its handlers (no domain type to import): declared once, here. ———

/** What GET /api/networks/:id answers: the network as this user may see it, with the planning advice. */
export interface PlanView extends NetworkAggregate {
  role: NetworkRole;
  myParticipantId?: string;
  advice: { message: string; refs: string[] }[];
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

/** The analysis material (GET …/analysis/material): every meeting's material and the ideas of none. */
export interface Material {
  meetings: MeetingMaterial[];
  otherIdeas: Idea[];
}

/** The delivery text the server suggests from the plan (GET …/delivery/draft). */
export type Suggestion = Omit<Delivery, 'etag' | 'updatedAt' | 'updatedBy'>;

export type DeliveryOutcome = 'sent' | 'updated' | 'skipped' | 'blocked' | 'notFound' | 'unreachable' | 'failed';

/** One send (the reflection prompt or its reminder) to one participant. */
export interface SendState {
  state: 'pending' | 'running' | 'done';
  outcome?: DeliveryOutcome;
  detail?: string;
}

export interface ParticipantStatus {
  participantId: string;
  name: string;
  hasTeams: boolean;
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
      assignment: (participantId: string) => `${self}/assignments/${enc(participantId)}`,
      calendarIcs: `${self}/calendar.ics`,
    };
  };
  return {
    self: network,
    teamMembers: `${network}/team-members`,
    theme: `${network}/theme`,
    subthemes: `${network}/subthemes`,
    subtheme: (id: string) => `${network}/subthemes/${enc(id)}`,
    participants: `${network}/participants`,
    participant: (id: string) => `${network}/participants/${enc(id)}`,
    meetings: `${network}/meetings`,
    meeting,
    ideas: `${network}/ideas`,
    ideaLotPost: `${network}/ideas/post`,
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
        post: () => api.post<{ scheduled: 'agenda.post' | 'agenda.update' }>(p.agendaPost, {}),
      },
      summary: { save: (body: object, etag: string | undefined) => api.put<Summary>(p.summary, body, etag) },
      /** Closing (or reopening) a meeting needs the meeting's ETag. */
      close: (etag: string | undefined) => api.post<unknown>(p.close, {}, etag ?? ''),
      reopen: (etag: string | undefined) => api.post<unknown>(p.reopen, {}, etag ?? ''),
      reflectionStatus: () => api.get<ReflectionStatus>(p.reflectionStatus),
      ideaFromReflection: (participantId: string, text: string) => api.post<Idea>(p.ideaFromReflection(participantId), { text }),
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
    get: () => api.get<PlanView>(paths.self),
    patch: (body: Partial<Network>, etag: string | undefined) => api.patch<Network>(paths.self, body, etag ?? ''),
    teamMembers: () => api.get<TeamMember[]>(paths.teamMembers),
    theme: { save: (body: object, etag: string | undefined) => api.put<SavedTheme>(paths.theme, body, etag) },
    subthemes: collection<Subtheme, Pick<Subtheme, 'title' | 'description'> & { order: number }>(api, paths.subthemes, paths.subtheme),
    participants: collection<Participant, object>(api, paths.participants, paths.participant),
    meetings: collection<Meeting, object>(api, paths.meetings, (id) => paths.meeting(id).self),
    meeting,
    ideas: {
      create: (body: { text: string; meetingId?: string }) => api.post<Idea>(paths.ideas, body),
      /** Post the idea lot to the channel now. */
      postLot: () => api.post<unknown>(paths.ideaLotPost, {}),
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
