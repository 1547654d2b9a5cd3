import { bookingStatus, eventUid, meetingEvent, orphanedBookings } from '../../../bot/calendar/event';
import { issueBookings } from '../../../bot/calendar/issue';
import type { Booking, NetworkAggregate } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';

// SEQUENCE rises on every change an attendee should see, never falls, and stays put when nothing changed.

const NOW = new Date('2027-01-15T10:30:00Z');
const LATER = new Date('2027-02-01T08:00:00Z');

const events = (aggregate: NetworkAggregate) => aggregate.meetings.map((m) => meetingEvent(aggregate, m, 'da', undefined));

/** Stores what issueBookings asked for, as NetworkStore would (new ETags). */
function stored(aggregate: NetworkAggregate, bookings: Booking[]): NetworkAggregate {
  const byMeeting = new Map(aggregate.bookings.map((b) => [b.meetingId, b]));
  for (const booking of bookings) byMeeting.set(booking.meetingId, { ...booking, etag: `W/"${booking.meetingId}-${booking.sequence}-${booking.state}"` });
  return { ...aggregate, bookings: [...byMeeting.values()] };
}

describe('issuing calendar versions', () => {
  it('creates a booking at SEQUENCE 0 for a meeting never issued, with what was booked', () => {
    const aggregate = plannedNetwork();
    const [first] = events(aggregate);
    const { changes, issued } = issueBookings({ bookings: [], events: [first!], now: NOW, by: 'Anna Andersen' });
    const expected = {
      meetingId: 'm1',
      uid: eventUid('n1', 'm1'),
      sequence: 0,
      fingerprint: first!.fingerprint,
      state: 'booked',
      bookedAt: NOW.toISOString(),
      subject: 'Netværksmøde 1 af 5',
      start: '2026-03-16T08:00:00.000Z',
      end: '2026-03-16T11:00:00.000Z',
      updatedAt: NOW.toISOString(),
      updatedBy: 'Anna Andersen',
    };
    expect(changes).toEqual([{ op: 'create', kind: 'booking', ids: ['m1'], value: expected }]);
    expect(issued).toEqual([expected]);
    expect(bookingStatus(issued[0], first!)).toBe('booked');
  });

  it('changes nothing when nothing changed', () => {
    let aggregate = plannedNetwork();
    aggregate = stored(aggregate, issueBookings({ bookings: [], events: events(aggregate), now: NOW }).issued);
    const again = issueBookings({ bookings: aggregate.bookings, events: events(aggregate), now: LATER });
    expect(again.changes).toEqual([]);
    expect(again.issued.map((b) => b.sequence)).toEqual([0, 0, 0, 0, 0]);
    expect(again.issued.map((b) => b.bookedAt)).toEqual(Array(5).fill(NOW.toISOString()));
  });

  it('raises SEQUENCE by one per change, updating with the stored ETag, and keeps the Graph event id', () => {
    let aggregate = plannedNetwork();
    aggregate = stored(aggregate, issueBookings({ bookings: [], events: events(aggregate), now: NOW }).issued);
    aggregate.bookings = aggregate.bookings.map((b) => (b.meetingId === 'm2' ? { ...b, eventId: 'graph-event-2' } : b));

    aggregate.meetings = aggregate.meetings.map((m) => (m.id === 'm2' ? { ...m, start: '10:00' } : m));
    expect(bookingStatus(aggregate.bookings.find((b) => b.meetingId === 'm2'), events(aggregate)[1]!)).toBe('changed');
    const moved = issueBookings({ bookings: aggregate.bookings, events: events(aggregate), now: LATER });
    expect(moved.changes).toHaveLength(1);
    expect(moved.changes[0]).toMatchObject({ op: 'update', kind: 'booking', ids: ['m2'], etag: 'W/"m2-0-booked"' });
    expect(moved.changes[0]!.value).toMatchObject({ sequence: 1, start: '2026-04-13T08:00:00.000Z', bookedAt: LATER.toISOString(), eventId: 'graph-event-2', state: 'booked' });
    expect((moved.changes[0]!.value as Booking).etag).toBeUndefined();
    aggregate = stored(aggregate, moved.issued);

    aggregate.participants = aggregate.participants.map((p) => (p.id === 'c1' ? { ...p, email: 'soren@example.dk' } : p));
    // c1 is invited to m3 only: adding an e-mail changes m3's attendees, not the others'.
    const attendee = issueBookings({ bookings: aggregate.bookings, events: events(aggregate), now: LATER });
    expect(attendee.changes.map((c) => [c.ids, (c.value as Booking).sequence])).toEqual([[['m3'], 1]]);
    expect(attendee.issued.map((b) => b.sequence)).toEqual([0, 1, 1, 0, 0]);
  });

  it('issues one meeting alone without touching the others', () => {
    const aggregate = plannedNetwork();
    const only = events(aggregate).filter((e) => e.meetingId === 'm4');
    const { changes, issued } = issueBookings({ bookings: [], events: only, now: NOW });
    expect(changes.map((c) => c.ids)).toEqual([['m4']]);
    expect(issued.map((b) => b.meetingId)).toEqual(['m4']);
  });

  it('cancels an orphaned booking with SEQUENCE + 1, once', () => {
    let aggregate = plannedNetwork();
    aggregate = stored(aggregate, issueBookings({ bookings: [], events: events(aggregate), now: NOW }).issued);
    aggregate = stored(aggregate, [{ ...aggregate.bookings.find((b) => b.meetingId === 'm3')!, sequence: 4 }]);
    aggregate.meetings = aggregate.meetings.filter((m) => m.id !== 'm3');
    const orphans = orphanedBookings(aggregate);
    expect(orphans.map((b) => b.meetingId)).toEqual(['m3']);

    const cancelling = issueBookings({ bookings: aggregate.bookings, events: [], cancel: orphans, now: LATER });
    expect(cancelling.changes).toEqual([
      {
        op: 'update',
        kind: 'booking',
        ids: ['m3'],
        etag: 'W/"m3-4-booked"',
        value: expect.objectContaining({ uid: eventUid('n1', 'm3'), sequence: 5, state: 'cancelled', subject: 'Netværksmøde 3 af 5', start: '2026-05-11T07:00:00.000Z' }),
      },
    ]);
    expect(cancelling.cancelled.map((b) => [b.meetingId, b.sequence, b.state])).toEqual([['m3', 5, 'cancelled']]);
    aggregate = stored(aggregate, cancelling.cancelled);
    expect(orphanedBookings(aggregate)).toEqual([]);
    expect(issueBookings({ bookings: aggregate.bookings, events: [], cancel: aggregate.bookings.filter((b) => b.meetingId === 'm3'), now: LATER }).changes).toEqual([]);
  });

  it('books a failed booking of unchanged content again at the same SEQUENCE, and clears the error', () => {
    const aggregate = plannedNetwork();
    const [first] = events(aggregate);
    const failed: Booking = { meetingId: 'm1', uid: first!.uid, sequence: 2, fingerprint: first!.fingerprint, state: 'failed', error: 'Postkassen svarede ikke', etag: 'e1' };
    const { changes } = issueBookings({ bookings: [failed], events: [first!], now: NOW });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.value).toMatchObject({ sequence: 2, state: 'booked' });
    expect(changes[0]!.value).not.toHaveProperty('error');
    const changedAndFailed = issueBookings({ bookings: [{ ...failed, fingerprint: 'older' }], events: [first!], now: NOW });
    expect(changedAndFailed.changes[0]!.value).toMatchObject({ sequence: 3, state: 'booked' });
  });

  it('books a meeting whose booking was cancelled at a higher SEQUENCE than the cancellation', () => {
    const aggregate = plannedNetwork();
    const [first] = events(aggregate);
    const cancelled: Booking = { meetingId: 'm1', uid: first!.uid, sequence: 5, fingerprint: first!.fingerprint, state: 'cancelled', etag: 'e1' };
    expect(bookingStatus(cancelled, first!)).toBe('notBooked');
    const { changes } = issueBookings({ bookings: [cancelled], events: [first!], now: NOW });
    expect(changes[0]!.value).toMatchObject({ sequence: 6, state: 'booked' });
  });
});
