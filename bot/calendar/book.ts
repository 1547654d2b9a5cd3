import { createHash } from 'node:crypto';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Booking, Meeting, NetworkAggregate } from '../domain/model';
import { orderMeetings } from '../domain/labels';
import { t, type Locale } from '../i18n';
import type { NetworkStore, RowChange } from '../storage/networkStore';
import { StoreError } from '../storage/errors';
import { meetingEvent, orphanedBookings, type CalendarEvent } from './event';
import { issueBookings } from './issue';
import {
  createGraphCalendar, GRAPH_TIME_ZONE, toCalendarError, type GraphCalendar, type GraphCalendarOptions, type MailboxGates,
} from './graph';
import { oboError, type CalendarCaller, type GraphTokenProvider } from './obo';
import { networkLocale } from '../domain/network';
import type { DeepLinkConfig } from '../domain/deepLink';

// Booking a network's meeting series in the leader's own Outlook calendar through Graph: one event per
// meeting, updated when the meeting changes, cancelled when it is deleted. Each meeting's outcome is
// stored as soon as it is known, so a run that stops half-way is finished by booking again, and the
// transactionId makes a create that Graph did but we never heard of come back as the same event.

/** What the API needs from Graph: the caller's calendar, once they have consented. */
export interface CalendarAccess {
  readonly configured: true;
  /** Resolves a token first, so a missing consent is a CalendarError 'consentRequired' before anything is booked. */
  connect(caller: CalendarCaller): Promise<GraphCalendar>;
}

export interface CalendarAccessOptions extends Pick<GraphCalendarOptions, 'baseUrl' | 'retry' | 'fetchOptions'> {
  tokens: GraphTokenProvider;
  gates?: MailboxGates;
}

export function createCalendarAccess(options: CalendarAccessOptions): CalendarAccess {
  const token = (caller: CalendarCaller) => options.tokens(caller).catch((error: unknown) => Promise.reject(oboError(error)));
  return {
    configured: true,
    async connect(caller) {
      await token(caller);
      return createGraphCalendar({ ...options, mailbox: caller.userId, getToken: () => token(caller) });
    },
  };
}

/** A GUID-shaped key that is the same every time for the same parts (Graph's transactionId). */
export function transactionIdOf(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Shaped like a version 8 (name-based, custom) UUID: 8-4-4-4-12 with version and variant bits.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The Graph event for a meeting: times as Copenhagen wall-clock, attendees as the whole list. */
export function graphEventBody(event: CalendarEvent): Event {
  const organizer = event.organizer?.email;
  return {
    subject: event.subject,
    body: { contentType: 'text', content: event.body },
    start: { dateTime: `${event.date}T${event.start}:00`, timeZone: GRAPH_TIME_ZONE },
    end: { dateTime: `${event.date}T${event.end}:00`, timeZone: GRAPH_TIME_ZONE },
    location: { displayName: event.location },
    // Once online, Outlook keeps the Teams meeting even if this later says false.
    isOnlineMeeting: event.online,
    ...(event.online ? { onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
    attendees: event.attendees
      .filter((a) => a.email !== organizer)
      .map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: 'required' as const })),
  };
}

export interface MeetingBookingResult {
  meetingId: string;
  status: 'booked' | 'failed' | 'cancelled';
  /** What this run did (or tried): 'unchanged' when the calendar already had this version. */
  action: 'created' | 'updated' | 'unchanged' | 'cancel';
  error?: string;
}

export interface SeriesBookingResult {
  /** Every meeting of the plan, in series order; then every deleted meeting whose cancellation failed. */
  meetings: MeetingBookingResult[];
  /** Events of deleted meetings cancelled by this run. */
  cancelled: number;
}

export interface BookSeriesInput {
  store: NetworkStore;
  calendar: GraphCalendar;
  aggregate: NetworkAggregate;
  /** The leader whose calendar it is. */
  organizer: { userId: string; name: string };
  now: () => Date;
  /** What the events' link to the plan is made with (the same as the tab's status and the files use). */
  links: DeepLinkConfig | undefined;
}

/** A failure, as the leader reads it in the tab next to the meeting. */
export function failureInWords(error: unknown, locale: Locale): string {
  if (error instanceof StoreError) return t(locale, error.kind === 'unavailable' ? 'api.storageUnavailable' : 'calendar.error.conflict');
  const failure = toCalendarError(error);
  switch (failure.code) {
    case 'consentRequired':
    case 'unauthenticated':
      return t(locale, 'calendar.error.consentRequired');
    case 'throttled':
      return t(locale, 'calendar.error.throttled');
    case 'notFound':
      return t(locale, 'calendar.error.notFound');
    case 'forbidden':
      return t(locale, 'calendar.error.forbidden');
    case 'unavailable':
      return t(locale, 'calendar.error.unavailable', { status: failure.status });
    default:
      return t(locale, 'calendar.error.rejected', { status: failure.status, detail: failure.message });
  }
}

/** Books the whole series: create, update or leave each meeting's event; cancel events of deleted meetings. */
export async function bookSeries(input: BookSeriesInput): Promise<SeriesBookingResult> {
  const { aggregate } = input;
  const locale = networkLocale(aggregate.network);
  const meetings = orderMeetings(aggregate.meetings);
  // Graph calls wait for their mailbox's slot (4 at a time); the stores of finished ones go on meanwhile.
  const booked = await settleAll(meetings.map((meeting) => () => bookMeeting(input, meeting, locale)));
  const cancellations = orphanedBookings(aggregate).filter((b) => b.eventId);
  const cancelled = await settleAll(cancellations.map((booking) => () => cancelBooking(input, booking, locale)));
  return {
    meetings: [...booked, ...cancelled.filter((r) => r.status === 'failed')],
    cancelled: cancelled.filter((r) => r.status === 'cancelled').length,
  };
}

/** Runs all; storage that stops answering fails the whole run (503) only after every meeting has finished. */
async function settleAll<T>(work: (() => Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(work.map((run) => run()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

const organizedByOther = (booking: Booking | undefined, input: BookSeriesInput) =>
  !!booking?.eventId && booking.state !== 'cancelled' && !!booking.organizerId && booking.organizerId !== input.organizer.userId;

async function bookMeeting(input: BookSeriesInput, meeting: Meeting, locale: Locale): Promise<MeetingBookingResult> {
  const { aggregate, calendar } = input;
  const networkId = aggregate.network.id;
  const event = meetingEvent(aggregate, meeting, locale, input.links);
  const booking = aggregate.bookings.find((b) => b.meetingId === meeting.id);
  const result = (status: MeetingBookingResult['status'], action: MeetingBookingResult['action'], error?: string): MeetingBookingResult =>
    ({ meetingId: meeting.id, status, action, ...(error ? { error } : {}) });

  if (organizedByOther(booking, input)) return result('failed', 'updated', t(locale, 'calendar.error.otherOrganizer'));
  if (booking?.state === 'booked' && booking.eventId && booking.fingerprint === event.fingerprint) return result('booked', 'unchanged');

  const body = graphEventBody(event);
  let action: MeetingBookingResult['action'] = booking?.eventId ? 'updated' : 'created';
  let eventId: string | undefined;
  // The Teams meeting Outlook made for an online event: how Teams' meetingEnd finds this meeting later.
  let joinUrl: string | undefined;
  try {
    if (booking?.eventId) {
      try {
        ({ joinUrl } = await calendar.updateEvent(booking.eventId, body));
        eventId = booking.eventId;
      } catch (error) {
        if (toCalendarError(error).code !== 'notFound') throw error;
        // Deleted in Outlook: a new event, keyed on the lost one so a retry finds this same new event.
        action = 'created';
        ({ id: eventId, joinUrl } = await calendar.createEvent(body, transactionIdOf(networkId, meeting.id, booking.eventId)));
      }
    } else {
      ({ id: eventId, joinUrl } = await calendar.createEvent(body, transactionIdOf(networkId, meeting.id)));
      // A stored booking without an event id may be an earlier attempt whose create Graph did carry
      // out; the transactionId then returned that event as it was, so bring it up to date.
      if (booking) joinUrl = (await calendar.updateEvent(eventId, body)).joinUrl ?? joinUrl;
    }
  } catch (error) {
    const words = failureInWords(error, locale);
    const stored = await record(input, failedChange(input, booking, event, words, eventId));
    return result('failed', action, stored ?? words);
  }
  const lost = await record(input, bookedChange(input, booking, event, eventId, joinUrl));
  if (!lost) return result('booked', action);
  // Someone else wrote the booking meanwhile: a second click booking the same (the transactionId gave
  // it this same event) is fine. Otherwise the event is in the calendar but not recorded, and booking
  // again finds it by its event id or transactionId.
  const now = (await input.store.load(networkId))?.bookings.find((b) => b.meetingId === meeting.id);
  const same = now?.state === 'booked' && now.eventId === eventId && now.fingerprint === event.fingerprint;
  return same ? result('booked', action) : result('failed', action, lost);
}

async function cancelBooking(input: BookSeriesInput, booking: Booking, locale: Locale): Promise<MeetingBookingResult> {
  const result = (status: MeetingBookingResult['status'], error?: string): MeetingBookingResult =>
    ({ meetingId: booking.meetingId, status, action: 'cancel', ...(error ? { error } : {}) });
  if (organizedByOther(booking, input)) return result('failed', t(locale, 'calendar.error.otherOrganizer'));
  try {
    await input.calendar.cancelEvent(booking.eventId!, t(locale, 'calendar.cancelled'));
  } catch (error) {
    // Already gone from the calendar (deleted in Outlook): nothing left to cancel.
    if (toCalendarError(error).code !== 'notFound') {
      const words = failureInWords(error, locale);
      const value: Booking = { ...withoutEtag(booking), state: 'failed', error: words, ...stamp(input) };
      const lost = await record(input, { op: 'update', kind: 'booking', ids: [booking.meetingId], value, etag: booking.etag });
      return result('failed', lost ?? words);
    }
  }
  const { changes } = issueBookings({ bookings: [], events: [], cancel: [booking], now: input.now(), by: input.organizer.name });
  const lost = changes[0] && (await record(input, changes[0]));
  return lost ? result('failed', lost) : result('cancelled');
}

const stamp = (input: BookSeriesInput) => ({ updatedAt: input.now().toISOString(), updatedBy: input.organizer.name });

function withoutEtag(booking: Booking): Omit<Booking, 'etag'> {
  const { etag: _etag, ...rest } = booking;
  return rest;
}

/** Booked: the content and SEQUENCE as issueBookings() says, plus where the event is. */
function bookedChange(input: BookSeriesInput, booking: Booking | undefined, event: CalendarEvent, eventId: string, joinUrl?: string): RowChange {
  const { issued } = issueBookings({ bookings: booking ? [booking] : [], events: [event], now: input.now(), by: input.organizer.name });
  const { error: _error, ...issuedBooking } = withoutEtag(issued[0]!);
  const value: Booking = {
    ...issuedBooking, state: 'booked', eventId, organizerId: input.organizer.userId, bookedAt: input.now().toISOString(), ...stamp(input),
    ...(joinUrl ? { joinUrl } : {}),
  };
  return booking
    ? { op: 'update', kind: 'booking', ids: [event.meetingId], value, etag: booking.etag }
    : { op: 'create', kind: 'booking', ids: [event.meetingId], value };
}

/**
 * Failed: what the calendar holds is unchanged, so the booked fingerprint and SEQUENCE stay (booking
 * again then sees the difference); a first booking records the content it tried, at SEQUENCE 0.
 */
function failedChange(input: BookSeriesInput, booking: Booking | undefined, event: CalendarEvent, error: string, eventId?: string): RowChange {
  if (booking) {
    // An event created (or found) before the failure is kept, so booking again updates it.
    const where = eventId && eventId !== booking.eventId ? { eventId, organizerId: input.organizer.userId } : {};
    const value: Booking = { ...withoutEtag(booking), ...where, state: 'failed', error, ...stamp(input) };
    return { op: 'update', kind: 'booking', ids: [event.meetingId], value, etag: booking.etag };
  }
  const value: Booking = {
    meetingId: event.meetingId,
    uid: event.uid,
    sequence: 0,
    fingerprint: event.fingerprint,
    state: 'failed',
    error,
    subject: event.subject,
    start: event.startsAt.toISOString(),
    end: event.endsAt.toISOString(),
    ...stamp(input),
  };
  return { op: 'create', kind: 'booking', ids: [event.meetingId], value };
}

/**
 * Stores one meeting's outcome at once (its own row, ETag-checked). Returns undefined when stored, or
 * the reason in words when someone else changed the booking meanwhile; storage down fails the run.
 */
async function record(input: BookSeriesInput, change: RowChange): Promise<string | undefined> {
  try {
    await input.store.commit(input.aggregate.network.id, [change]);
    return undefined;
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind === 'unavailable') throw error;
    return failureInWords(error, networkLocale(input.aggregate.network));
  }
}
