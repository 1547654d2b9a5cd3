import { z } from 'zod';
import type { Booking, NetworkAggregate } from '../domain/model';
import { meetingLabel, orderMeetings } from '../domain/labels';
import { meetingParticipants } from '../domain/series';
import { networkLocale } from '../domain/network';
import { t } from '../i18n';
import { guarded, inNetwork, parseBody, type ApiResult, type NetworkContext } from '../api/context';
import { ApiError, notFound } from '../api/errors';
import { attachment } from '../api/download';
import { bookingStatus, meetingEvent, orphanedBookings, seriesEvents, type Attendee, type CalendarEvent } from './event';
import { cancellationIcs, invitationIcs, type Invitation } from './ics';
import { cancellationsOf, versionOf } from './issue';
import { bookSeries, type CalendarAccess } from './book';
import { CalendarError, type GraphCalendar } from './graph';
import type { CalendarMeetingView, CalendarView } from './view';
import type { DeepLinkConfig } from '../domain/deepLink';

// The meeting series in the leader's calendar, seen from the tab: per meeting what was booked and
// whether it changed since, and the series as .ics files to mail. A download only reads: the version
// it carries was recorded when it came about (a Graph booking, or without Graph the meeting's change),
// so the same plan always gives the same file.

/** What GET …/calendar answers (and what booking answers with). */
export function calendarView(aggregate: NetworkAggregate, graph: boolean, links: DeepLinkConfig | undefined): CalendarView {
  const locale = networkLocale(aggregate.network);
  const meetings = orderMeetings(aggregate.meetings).map((meeting): CalendarMeetingView => {
    const event = meetingEvent(aggregate, meeting, locale, links);
    const booking = aggregate.bookings.find((b) => b.meetingId === meeting.id);
    const status = bookingStatus(booking, event);
    return {
      meetingId: meeting.id,
      label: meetingLabel(meeting, aggregate.meetings, locale),
      subject: event.subject,
      date: meeting.date,
      start: meeting.start,
      end: meeting.end,
      attendees: event.attendees.length,
      missingEmail: meetingParticipants(aggregate, meeting.id).filter((p) => !p.email?.trim()).map((p) => p.name),
      status,
      error: status === 'failed' ? booking?.error : undefined,
      bookedAt: status === 'notBooked' ? undefined : booking?.bookedAt,
    };
  });
  // Graph cancels what is left to cancel; a cancellation file stays there to download again.
  const deleted = graph ? orphanedBookings(aggregate) : cancellationsOf(aggregate);
  const cancelled = deleted.map((b) => ({ meetingId: b.meetingId, subject: b.subject, start: b.start }));
  return { mode: graph ? 'graph' : 'ics', meetings, cancelled };
}

/** GET …/calendar — the booking status of every meeting, and the deleted meetings to cancel. */
export const getCalendar = inNetwork('edit', async (ctx) => ({ body: calendarView(ctx.aggregate, !!ctx.services.calendar, ctx.services.links) }));

const latest = (...instants: (string | undefined)[]) => instants.filter((at): at is string => !!at).sort().at(-1);

/** Each event at the version the stored bookings give, stamped when that version came about. */
function invitationsOf(aggregate: NetworkAggregate, events: CalendarEvent[]): Invitation[] {
  return events.map((event) => {
    const booking = aggregate.bookings.find((b) => b.meetingId === event.meetingId);
    const { sequence, recordedAt } = versionOf(booking, event);
    // Not recorded (a change no write recorded, or Graph not booked yet): the last stored change stands in.
    const at = recordedAt ?? latest(booking?.updatedAt, aggregate.meetings.find((m) => m.id === event.meetingId)?.updatedAt);
    return { event, sequence, ...(at ? { stamp: new Date(at) } : {}) };
  });
}

const ICS_TYPE = (method: 'REQUEST' | 'CANCEL') => `text/calendar; charset=utf-8; method=${method}`;

const file = (body: string, method: 'REQUEST' | 'CANCEL', name: string): ApiResult => ({
  contentType: ICS_TYPE(method),
  headers: { 'Content-Disposition': attachment(name, 'ics') },
  body,
});

/** GET …/calendar/series.ics — the whole series as one invitation file (METHOD:REQUEST, one event per meeting). */
export const seriesIcs = inNetwork('edit', async ({ aggregate, services }) => {
  if (!aggregate.meetings.length) throw notFound('api.calendar.noMeetings');
  const locale = networkLocale(aggregate.network);
  const body = invitationIcs(invitationsOf(aggregate, seriesEvents(aggregate, services.links)), { locale, now: services.now() });
  return file(body, 'REQUEST', `${aggregate.network.name} – ${t(locale, 'calendar.file.series')}`);
});

/** GET …/meetings/:meetingId/calendar.ics — one meeting's invitation. */
export const meetingIcs = inNetwork('edit', async ({ aggregate, services, params }) => {
  const meeting = aggregate.meetings.find((m) => m.id === params.meetingId);
  if (!meeting) throw notFound();
  const locale = networkLocale(aggregate.network);
  const body = invitationIcs(invitationsOf(aggregate, [meetingEvent(aggregate, meeting, locale, services.links)]), { locale, now: services.now() });
  return file(body, 'REQUEST', `${aggregate.network.name} – ${meetingLabel(meeting, aggregate.meetings, locale)}`);
});

/** Who surely had the invitation of a deleted meeting: the core participants (they are in every meeting). */
function coreAttendees(aggregate: NetworkAggregate): Attendee[] {
  const seen = new Set<string>();
  return aggregate.participants
    .filter((p) => p.kind === 'core' && p.email?.trim())
    .map((p) => ({ name: p.name, email: p.email!.trim().toLowerCase() }))
    .filter((a) => !seen.has(a.email) && seen.add(a.email))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * GET …/calendar/cancellations.ics — METHOD:CANCEL for every deleted meeting that had a version, SEQUENCE
 * one above its last invitation. It stays downloadable: a lost file is fetched again, the same.
 */
export const cancellationsIcs = inNetwork('edit', async ({ aggregate, services }) => {
  const cancelled = cancellationsOf(aggregate);
  if (!cancelled.length) throw notFound('api.calendar.nothingToCancel');
  const locale = networkLocale(aggregate.network);
  const { leader } = aggregate.network;
  const organizer = leader.email?.trim() ? { name: leader.name, email: leader.email.trim().toLowerCase() } : undefined;
  const attendees = coreAttendees(aggregate);
  const body = cancellationIcs(
    cancelled.map((booking: Booking) => ({ booking, organizer, attendees, ...(booking.updatedAt ? { stamp: new Date(booking.updatedAt) } : {}) })),
    { locale, now: services.now() },
  );
  return file(body, 'CANCEL', `${aggregate.network.name} – ${t(locale, 'calendar.file.cancellations')}`);
});

// Booking the meeting series in the leader's own Outlook calendar through Microsoft Graph. Without
// Graph configured the tab offers the .ics files instead (above).

const bookSchema = z.strictObject({});

export const graphNotConfigured = () => new ApiError(400, 'graphNotConfigured', 'api.calendar.graphNotConfigured');
export const consentRequired = () => new ApiError(401, 'consentRequired', 'api.calendar.consentRequired');

/** The caller's calendar; no consent (or no usable sign-in) is 401 consentRequired, and nothing is booked. */
async function calendarOf(access: CalendarAccess, ctx: NetworkContext): Promise<GraphCalendar> {
  try {
    return await access.connect({ userId: ctx.identity.userId, ssoToken: ctx.ssoToken });
  } catch (error) {
    if (error instanceof CalendarError && (error.code === 'consentRequired' || error.code === 'unauthenticated')) throw consentRequired();
    throw new ApiError(503, 'graphUnavailable', 'api.calendar.unavailable');
  }
}

/**
 * POST …/calendar/book — every meeting into the caller's calendar (created, updated or left as it is),
 * events of deleted meetings cancelled. Answers per meeting how it went; a failed meeting is booked by
 * calling again, which never makes a second event.
 */
export const bookCalendar = inNetwork('edit', async (ctx) => {
  parseBody(bookSchema, ctx.body);
  if (!ctx.services.calendar) throw graphNotConfigured();
  const calendar = await calendarOf(ctx.services.calendar, ctx);
  const result = await guarded(() =>
    bookSeries({
      store: ctx.services.store,
      calendar,
      aggregate: ctx.aggregate,
      organizer: { userId: ctx.identity.userId, name: ctx.identity.name },
      now: ctx.services.now,
      links: ctx.services.links,
    }),
  );
  return { body: result };
});
