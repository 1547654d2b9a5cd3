import type { Booking } from '../domain/model';
import type { RowChange } from '../storage/networkStore';
import type { CalendarEvent } from './event';

// Issuing a version of a meeting's calendar event: what the booking rows must say afterwards. RFC 5545
// wants SEQUENCE raised on every change an attendee should see, and never lowered; the same rule holds
// for a Graph booking and for an .ics file, so this knows neither. Pure.

export interface IssueInput {
  /** The network's stored bookings (with their ETags). */
  bookings: readonly Booking[];
  /** The events to issue now: the whole series, or one meeting. */
  events: readonly CalendarEvent[];
  /** Bookings whose meeting is gone (orphanedBookings()) and whose event is being cancelled now. */
  cancel?: readonly Booking[];
  now: Date;
  /** Who issues: stamped as updatedBy. */
  by?: string;
}

export interface IssueResult {
  /** Row changes for NetworkStore.commit (kind 'booking', ids [meetingId]); empty when nothing changed. */
  changes: RowChange[];
  /** The booking of each event, in the order of `events`, as it is once the changes are stored. */
  issued: Booking[];
  /** The cancelled bookings, in the order of `cancel`, as they are once the changes are stored. */
  cancelled: Booking[];
}

const instant = (date: Date) => date.toISOString();

/**
 * No booking yet → a new one at SEQUENCE 0. Content changed since the booking (another fingerprint), or
 * the booking was cancelled → SEQUENCE + 1 and the new content. A failed booking of unchanged content is
 * booked again at the same SEQUENCE (its attendees never saw a newer version). A cancellation raises
 * SEQUENCE too. An unchanged booking is left alone, so issuing twice changes nothing.
 */
export function issueBookings({ bookings, events, cancel = [], now, by }: IssueInput): IssueResult {
  const changes: RowChange[] = [];
  const stamp = by ? { updatedAt: instant(now), updatedBy: by } : { updatedAt: instant(now) };
  const byMeeting = new Map(bookings.map((b) => [b.meetingId, b]));

  const issued = events.map((event): Booking => {
    const before = byMeeting.get(event.meetingId);
    const content = {
      meetingId: event.meetingId,
      uid: event.uid,
      fingerprint: event.fingerprint,
      state: 'booked' as const,
      bookedAt: instant(now),
      subject: event.subject,
      start: instant(event.startsAt),
      end: instant(event.endsAt),
    };
    if (!before) {
      const value: Booking = { ...content, sequence: 0, ...stamp };
      changes.push({ op: 'create', kind: 'booking', ids: [event.meetingId], value });
      return value;
    }
    const changed = before.fingerprint !== event.fingerprint || before.state === 'cancelled';
    if (!changed && before.state === 'booked') return before;
    const { etag, error: _error, ...kept } = before;
    const value: Booking = { ...kept, ...content, uid: before.uid || event.uid, sequence: before.sequence + (changed ? 1 : 0), ...stamp };
    changes.push({ op: 'update', kind: 'booking', ids: [event.meetingId], value, etag });
    return value;
  });

  const cancelled = cancel.map((before): Booking => {
    if (before.state === 'cancelled') return before;
    const { etag, error: _error, ...kept } = before;
    const value: Booking = { ...kept, sequence: before.sequence + 1, state: 'cancelled', ...stamp };
    changes.push({ op: 'update', kind: 'booking', ids: [before.meetingId], value, etag });
    return value;
  });

  return { changes, issued, cancelled };
}
