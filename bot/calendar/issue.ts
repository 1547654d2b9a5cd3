import type { Booking, NetworkAggregate } from '../domain/model';
import type { RowChange } from '../storage/networkStore';
import { seriesEvents, type CalendarEvent } from './event';
import type { DeepLinkConfig } from '../domain/deepLink';

// Versions of a meeting's calendar event: what the booking rows must say afterwards. RFC 5545 wants
// SEQUENCE raised on every change an attendee should see, and never lowered; the same rule holds for
// a Graph booking and for an .ics file. A version is recorded when it comes about (a Graph booking, or
// without Graph the write that changed the meeting), never when a file is downloaded. Pure.

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

/** A meeting's event as the stored booking makes it: its own content keeps the SEQUENCE; anything newer is one above. */
export function versionOf(booking: Booking | undefined, event: CalendarEvent): { sequence: number; recordedAt?: string } {
  if (!booking) return { sequence: 0 };
  const current = booking.state !== 'cancelled' && booking.fingerprint === event.fingerprint;
  return current ? { sequence: booking.sequence, recordedAt: booking.updatedAt } : { sequence: booking.sequence + 1 };
}

/** The stored bookings of meetings no longer in the plan, at the SEQUENCE that cancels them. */
export function cancellationsOf(aggregate: NetworkAggregate): Booking[] {
  return aggregate.bookings
    .filter((b) => !aggregate.meetings.some((m) => m.id === b.meetingId))
    .map((b) => (b.state === 'cancelled' ? b : { ...b, sequence: b.sequence + 1 }));
}

/**
 * The versions one write makes (without Graph): a new meeting at SEQUENCE 0, a change attendees would
 * see one above the version before it, a deleted meeting cancelled one above. Upserts, and the same for
 * the same write: a delete commits in two steps (the row, then its cascade), each with these rows.
 * A version recorded before the app put more into every event (the link to the plan) is brought up to
 * date by the next write, once, at the SEQUENCE the files already carried since; then it is stable.
 */
export function recordVersions(before: NetworkAggregate, next: NetworkAggregate, now: Date, by?: string, links?: DeepLinkConfig): RowChange[] {
  const stamp = by ? { updatedAt: instant(now), updatedBy: by } : { updatedAt: instant(now) };
  const earlier = new Map(seriesEvents(before, links).map((event) => [event.meetingId, event]));
  const stored = (meetingId: string): Booking | undefined => {
    const booking = before.bookings.find((b) => b.meetingId === meetingId);
    if (!booking) return undefined;
    const { etag: _etag, error: _error, ...kept } = booking;
    return kept;
  };
  const record = (value: Booking): RowChange => ({ op: 'upsert', kind: 'booking', ids: [value.meetingId], value });
  const content = (event: CalendarEvent) => ({
    meetingId: event.meetingId, uid: event.uid, fingerprint: event.fingerprint, subject: event.subject, start: instant(event.startsAt), end: instant(event.endsAt),
  });

  const changes: RowChange[] = [];
  for (const event of seriesEvents(next, links)) {
    const old = earlier.get(event.meetingId);
    const booking = stored(event.meetingId);
    if (old?.fingerprint === event.fingerprint) {
      // Not changed by this write; but its stored version may hold less than the event holds now.
      if (booking?.state === 'booked' && booking.fingerprint !== event.fingerprint) {
        changes.push(record({ ...booking, ...content(event), uid: booking.uid || event.uid, sequence: versionOf(booking, event).sequence, bookedAt: instant(now), ...stamp }));
      }
      continue;
    }
    const sequence = old ? versionOf(booking, old).sequence + 1 : 0;
    changes.push(record({ ...booking, ...content(event), uid: booking?.uid || event.uid, sequence, state: 'booked', bookedAt: instant(now), ...stamp }));
  }
  for (const old of earlier.values()) {
    const booking = stored(old.meetingId);
    if (next.meetings.some((m) => m.id === old.meetingId) || booking?.state === 'cancelled') continue;
    const sequence = versionOf(booking, old).sequence + 1;
    changes.push(record({ ...booking, ...content(old), uid: booking?.uid || old.uid, sequence, state: 'cancelled', ...stamp }));
  }
  return changes;
}
