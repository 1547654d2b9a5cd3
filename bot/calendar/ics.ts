import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { DateTime } from 'luxon';
import { t, type Locale } from '../i18n';
import { ZONE } from '../domain/dates';
import type { Booking } from '../domain/model';
import type { Attendee, CalendarEvent } from './event';

// The meeting series as RFC 5545 iCalendar, for when Graph is not configured: files the leader mails
// to the participants (citizens and externals too). One VEVENT per meeting (the dates are irregular:
// single events, never a recurrence), UID stable per meeting, SEQUENCE from the booking, times in
// Europe/Copenhagen with its VTIMEZONE. iTIP (RFC 5546): METHOD:REQUEST invites, METHOD:CANCEL
// cancels. ical-generator escapes text (\, ; , and newlines), quotes parameters and folds lines. Pure.

const PRODUCT_ID = '//Netvaerk//Netvaerk//DA';

/**
 * Copenhagen's VTIMEZONE. The library files Europe/Copenhagen under Europe/Berlin (the same rules since
 * 1980); the block is renamed so DTSTART;TZID=Europe/Copenhagen refers to a VTIMEZONE in the file.
 */
export function copenhagenVtimezone(): string {
  const block = tzlib_get_ical_block(ZONE);
  const vtimezone = Array.isArray(block) ? block[0] : undefined;
  if (!vtimezone?.includes('BEGIN:VTIMEZONE')) throw new Error(`No VTIMEZONE for ${ZONE}`);
  return vtimezone.replace(/^(TZID|X-LIC-LOCATION):.*$/gm, (_line, name: string) => `${name}:${ZONE}`);
}

function calendar(method: ICalCalendarMethod): ICalCalendar {
  // name: null keeps DTSTAMP in UTC (a named calendar time zone would write it as local time).
  return ical({ prodId: PRODUCT_ID, method, timezone: { name: null, generator: (zone) => (zone === ZONE ? copenhagenVtimezone() : null) } });
}

/**
 * A name as a parameter value (CN="…"), which cannot hold a double quote: RFC 6868's ^' for it, ^^ for
 * a caret (ical-generator 10 would write \", which readers take as the end of the name).
 */
const paramText = (name: string) => name.replace(/\^/g, '^^').replace(/"/g, "^'");

const local = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE });

/** Every content line ends with CRLF, the last one too (ical-generator leaves it off). */
const text = (cal: ICalCalendar) => cal.toString().replace(/(\r\n)?$/, '\r\n');

export interface Invitation {
  event: CalendarEvent;
  /** The booking's SEQUENCE: the version being sent. */
  sequence: number;
  /** DTSTAMP: when this version came about, so the same version is the same file; else the file's `now`. */
  stamp?: Date;
}

export interface IcsOptions {
  locale: Locale;
  /** DTSTAMP of what has no stamp of its own. */
  now: Date;
}

/** METHOD:REQUEST: one event per meeting (one file per meeting, or one for the whole series). */
export function invitationIcs(invitations: readonly Invitation[], { now }: IcsOptions): string {
  const cal = calendar(ICalCalendarMethod.REQUEST);
  for (const { event, sequence, stamp } of invitations) {
    cal.createEvent({
      id: event.uid,
      sequence,
      stamp: stamp ?? now,
      start: local(event.startsAt),
      end: local(event.endsAt),
      timezone: ZONE,
      summary: event.subject,
      description: event.body,
      // The link to the meeting in the plan, as the event's URL too (RFC 5545 3.8.4.6), where calendars show it.
      url: event.url ?? null,
      location: event.location || null,
      status: ICalEventStatus.CONFIRMED,
      organizer: event.organizer ? { name: paramText(event.organizer.name), email: event.organizer.email } : null,
      attendees: event.attendees.map((a) => ({ name: paramText(a.name), email: a.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION })),
    });
  }
  return text(cal);
}

export interface Cancellation {
  /** A booking whose meeting is gone, with the SEQUENCE of the cancellation (raised above the last invitation). */
  booking: Booking;
  organizer?: Attendee;
  /** Who is told: the booking does not keep its attendees, so the caller passes who was surely invited. */
  attendees: Attendee[];
  /** DTSTAMP: when the meeting was cancelled. */
  stamp?: Date;
}

/** METHOD:CANCEL with STATUS:CANCELLED for meetings removed from the plan. */
export function cancellationIcs(cancellations: readonly Cancellation[], { locale, now }: IcsOptions): string {
  const cal = calendar(ICalCalendarMethod.CANCEL);
  for (const { booking, organizer, attendees, stamp } of cancellations) {
    const start = booking.start ? new Date(booking.start) : now;
    const subject = booking.subject ?? '';
    cal.createEvent({
      id: booking.uid,
      sequence: booking.sequence,
      stamp: stamp ?? now,
      start: local(start),
      end: local(booking.end ? new Date(booking.end) : start),
      timezone: ZONE,
      summary: subject ? t(locale, 'calendar.cancelledSubject', { subject }) : t(locale, 'calendar.cancelled'),
      description: t(locale, 'calendar.cancelled'),
      status: ICalEventStatus.CANCELLED,
      organizer: organizer ? { name: paramText(organizer.name), email: organizer.email } : null,
      attendees: attendees.map((a) => ({ name: paramText(a.name), email: a.email, role: ICalAttendeeRole.REQ })),
    });
  }
  return text(cal);
}
