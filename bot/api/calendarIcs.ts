import type { Booking, NetworkAggregate } from '../domain/model';
import { meetingLabel, orderMeetings } from '../domain/labels';
import { meetingParticipants } from '../domain/series';
import { t, type Locale } from '../i18n';
import { bookingStatus, meetingEvent, orphanedBookings, type Attendee, type BookingStatus, type CalendarEvent } from '../calendar/event';
import { cancellationIcs, invitationIcs } from '../calendar/ics';
import { issueBookings, type IssueResult } from '../calendar/issue';
import { StoreError } from '../storage/errors';
import { guarded, inNetwork, type ApiResult, type NetworkContext } from './context';
import { notFound } from './errors';
import { attachment } from './download';
import type { CalendarMeetingView, CalendarView } from '../calendar/view';

export type { CalendarMeetingView, CalendarView };

// The meeting series in the leader's calendar, seen from the tab: per meeting what was booked and
// whether it changed since, and — when Graph is not configured — the series as .ics files to mail.
// Downloading a file issues that version: the booking records it, so the next change raises SEQUENCE.

/** The calendar speaks the network's language, whoever downloads it: the participants read it. */
export const calendarLocale = (aggregate: NetworkAggregate): Locale => aggregate.network.locale ?? 'da';

/** Every meeting's event, in the order of the series. */
export const seriesEvents = (aggregate: NetworkAggregate): CalendarEvent[] =>
  orderMeetings(aggregate.meetings).map((meeting) => meetingEvent(aggregate, meeting, calendarLocale(aggregate)));


/** What GET …/calendar answers (and what booking answers with). */
export function calendarView(aggregate: NetworkAggregate, graph: boolean): CalendarView {
  const locale = calendarLocale(aggregate);
  const meetings = orderMeetings(aggregate.meetings).map((meeting): CalendarMeetingView => {
    const event = meetingEvent(aggregate, meeting, locale);
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
  const cancelled = orphanedBookings(aggregate).map((b) => ({ meetingId: b.meetingId, subject: b.subject, start: b.start }));
  return { mode: graph ? 'graph' : 'ics', meetings, cancelled };
}

/** GET …/calendar — the booking status of every meeting, and what is left to cancel. */
export const getCalendar = inNetwork('edit', async (ctx) => ({ body: calendarView(ctx.aggregate, !!ctx.services.calendar) }));

/**
 * Issues what `plan` says and stores the bookings. Two downloads at once may both try: the one that
 * loses (stale ETag, or the booking already created) reloads and plans again, once.
 */
async function issue<P extends IssueResult & { aggregate: NetworkAggregate }>(ctx: NetworkContext, plan: (aggregate: NetworkAggregate) => P): Promise<P> {
  let aggregate = ctx.aggregate;
  for (let attempt = 0; ; attempt++) {
    const planned = plan(aggregate);
    if (!planned.changes.length) return planned;
    try {
      await ctx.services.store.commit(aggregate.network.id, planned.changes);
      return planned;
    } catch (error) {
      const lostRace = error instanceof StoreError && error.kind !== 'unavailable';
      if (!lostRace || attempt > 0) return guarded(() => Promise.reject(error));
      const reloaded = await guarded(() => ctx.services.store.load(aggregate.network.id));
      if (!reloaded) throw notFound('api.networkNotFound');
      aggregate = reloaded;
    }
  }
}

const ICS_TYPE = (method: 'REQUEST' | 'CANCEL') => `text/calendar; charset=utf-8; method=${method}`;

const file = (body: string, method: 'REQUEST' | 'CANCEL', name: string): ApiResult => ({
  contentType: ICS_TYPE(method),
  headers: { 'Content-Disposition': attachment(name, 'ics') },
  body,
});

function invitations(ctx: NetworkContext, pick: (aggregate: NetworkAggregate) => CalendarEvent[]) {
  return issue(ctx, (aggregate) => {
    const events = pick(aggregate);
    return { aggregate, events, ...issueBookings({ bookings: aggregate.bookings, events, now: ctx.services.now(), by: ctx.identity.name }) };
  }).then(({ aggregate, events, issued }) => ({ aggregate, invitations: events.map((event, i) => ({ event, sequence: issued[i]!.sequence })) }));
}

/** GET …/calendar/series.ics — the whole series as one invitation file (METHOD:REQUEST, one event per meeting). */
export const seriesIcs = inNetwork('edit', async (ctx) => {
  if (!ctx.aggregate.meetings.length) throw notFound('api.calendar.noMeetings');
  const { aggregate, invitations: items } = await invitations(ctx, seriesEvents);
  const locale = calendarLocale(aggregate);
  return file(invitationIcs(items, { locale, now: ctx.services.now() }), 'REQUEST', `${aggregate.network.name} – ${t(locale, 'calendar.file.series')}`);
});

/** GET …/meetings/:meetingId/calendar.ics — one meeting's invitation. */
export const meetingIcs = inNetwork('edit', async (ctx) => {
  const only = (aggregate: NetworkAggregate) => seriesEvents(aggregate).filter((e) => e.meetingId === ctx.params.meetingId);
  if (!only(ctx.aggregate).length) throw notFound();
  const { aggregate, invitations: items } = await invitations(ctx, only);
  if (!items.length) throw notFound();
  const locale = calendarLocale(aggregate);
  const meeting = aggregate.meetings.find((m) => m.id === ctx.params.meetingId)!;
  const label = meetingLabel(meeting, aggregate.meetings, locale);
  return file(invitationIcs(items, { locale, now: ctx.services.now() }), 'REQUEST', `${aggregate.network.name} – ${label}`);
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
 * GET …/calendar/cancellations.ics — METHOD:CANCEL for every deleted meeting whose event was booked,
 * SEQUENCE raised; they are then marked cancelled, so the next file has only newer deletions.
 */
export const cancellationsIcs = inNetwork('edit', async (ctx) => {
  const { aggregate, cancelled } = await issue(ctx, (current) => ({
    aggregate: current,
    ...issueBookings({ bookings: current.bookings, events: [], cancel: orphanedBookings(current), now: ctx.services.now(), by: ctx.identity.name }),
  }));
  if (!cancelled.length) throw notFound('api.calendar.nothingToCancel');
  const locale = calendarLocale(aggregate);
  const { leader } = aggregate.network;
  const organizer = leader.email?.trim() ? { name: leader.name, email: leader.email.trim().toLowerCase() } : undefined;
  const attendees = coreAttendees(aggregate);
  const body = cancellationIcs(
    cancelled.map((booking: Booking) => ({ booking, organizer, attendees })),
    { locale, now: ctx.services.now() },
  );
  return file(body, 'CANCEL', `${aggregate.network.name} – ${t(locale, 'calendar.file.cancellations')}`);
});
