import { createHash } from 'node:crypto';
import { t, type Locale } from '../i18n';
import type { Booking, Meeting, NetworkAggregate } from '../domain/model';
import { ZONE } from '../domain/dates';
import { meetingSubject, orderMeetings } from '../domain/labels';
import { meetingParticipants, meetingPlannedEndAt, meetingStartsAt } from '../domain/series';
import type { BookingStatus } from './view';
import { networkLocale } from '../domain/network';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';

// What goes into a meeting's calendar booking (the handbook's Dagsorden: "meeting 1 of 4, a short heading
// for the theme, where and when, and the purpose"), the same for Graph and for .ics. Pure.

export interface Attendee {
  name: string;
  email: string;
}

export interface CalendarEvent {
  meetingId: string;
  uid: string;
  subject: string;
  /** Plain text: theme, purpose, preparation, link to the plan. */
  body: string;
  /** The link to the meeting in the plan, also in `body` (an .ics file's URL property). */
  url?: string;
  /** Local wall-clock times in ZONE. */
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  online: boolean;
  organizer: Attendee | undefined;
  attendees: Attendee[];
  /** Changes whenever anything above changes: decides "changed since booking". */
  fingerprint: string;
}

export const eventUid = (networkId: string, meetingId: string) => `${meetingId}.${networkId}@netvaerk`;

/**
 * A meeting's event, with its link to the meeting's agenda in the plan (bot/domain/deepLink.ts) when the app can make
 * one: the link is part of the content, so of the fingerprint, and the same config gives the same link every time.
 */
export function meetingEvent(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale, links: DeepLinkConfig | undefined): CalendarEvent {
  const planUrl = deepLink(links, aggregate.network, { section: 'agenda', meetingId: meeting.id });
  const subtheme = aggregate.subthemes.find((s) => s.id === meeting.subthemeId);
  const subject = meetingSubject(meeting, aggregate.meetings, locale, subtheme?.title);
  const body = [
    `${t(locale, 'calendar.theme')}: ${aggregate.network.theme}`,
    meeting.purpose && `${t(locale, 'calendar.purpose')}: ${meeting.purpose}`,
    meeting.preparation && `${t(locale, 'calendar.preparation')}: ${meeting.preparation}`,
    planUrl && `${t(locale, 'calendar.plan')}: ${planUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const seen = new Set<string>();
  const attendees = meetingParticipants(aggregate, meeting.id)
    .filter((p) => p.email)
    .map((p) => ({ name: p.name, email: p.email!.trim().toLowerCase() }))
    .filter((a) => !seen.has(a.email) && seen.add(a.email))
    .sort((a, b) => a.email.localeCompare(b.email));
  const { leader } = aggregate.network;
  const content: Omit<CalendarEvent, 'fingerprint'> = {
    meetingId: meeting.id,
    uid: eventUid(aggregate.network.id, meeting.id),
    subject,
    body,
    ...(planUrl ? { url: planUrl } : {}),
    date: meeting.date,
    start: meeting.start,
    end: meeting.end,
    startsAt: meetingStartsAt(meeting),
    endsAt: meetingPlannedEndAt(meeting),
    timeZone: ZONE,
    location: meeting.online ? t(locale, 'calendar.online') : meeting.location,
    online: meeting.online,
    organizer: leader.email ? { name: leader.name, email: leader.email.trim().toLowerCase() } : undefined,
    attendees,
  };
  return { ...content, fingerprint: fingerprintOf(content) };
}

function fingerprintOf(content: Omit<CalendarEvent, 'fingerprint'>): string {
  const { subject, body, date, start, end, location, online, attendees } = content;
  return createHash('sha256').update(JSON.stringify({ subject, body, date, start, end, location, online, attendees })).digest('base64url').slice(0, 22);
}

/** Every meeting's event, in the order of the series. */
export const seriesEvents = (aggregate: NetworkAggregate, links: DeepLinkConfig | undefined): CalendarEvent[] =>
  orderMeetings(aggregate.meetings).map((meeting) => meetingEvent(aggregate, meeting, networkLocale(aggregate.network), links));

export type { BookingStatus };

/** What the tab shows per meeting. */
export function bookingStatus(booking: Booking | undefined, event: CalendarEvent): BookingStatus {
  if (!booking || booking.state === 'cancelled') return 'notBooked';
  if (booking.state === 'failed') return 'failed';
  return booking.fingerprint === event.fingerprint ? 'booked' : 'changed';
}

/** Bookings whose meeting is gone: their events must be cancelled. */
export const orphanedBookings = (aggregate: NetworkAggregate): Booking[] =>
  aggregate.bookings.filter((b) => b.state !== 'cancelled' && !aggregate.meetings.some((m) => m.id === b.meetingId));
