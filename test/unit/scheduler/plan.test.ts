import type { Agenda, NetworkAggregate } from '../../../bot/domain/model';
import { idOf, type NewJob } from '../../../bot/scheduler/job';
import { plannedJobs, reflectionRound } from '../../../bot/scheduler/plan';
import { assignment, meeting, participant, plannedNetwork } from '../domain/fixtures';

// Which sends a network's plan calls for, and when.

const agenda = (meetingId: string, daysBeforeToPost = 7, items = 1): Agenda => ({
  meetingId,
  daysBeforeToPost,
  items: Array.from({ length: items }, (_, i) => ({ id: `i${i}`, time: '09:00', content: `Punkt ${i + 1}`, process: '', purpose: '' })),
});

const iso = (jobs: NewJob[]) => jobs.map((job) => ({ ...job, dueAt: job.dueAt.toISOString() }));
const ofKind = (jobs: NewJob[], kind: NewJob['kind']) => iso(jobs.filter((job) => job.kind === kind));

function withMeetings(...meetings: ReturnType<typeof meeting>[]): NetworkAggregate {
  return { ...plannedNetwork(), meetings, agendas: [] };
}

describe('plannedJobs', () => {
  it('posts the agenda at 09:00 Copenhagen N days before, in winter time before the spring DST change', () => {
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-03-30')), agendas: [agenda('m1', 7)] };
    expect(ofKind(plannedJobs(aggregate), 'agenda.post')).toEqual([{ kind: 'agenda.post', meetingId: 'm1', dueAt: '2026-03-23T08:00:00.000Z' }]);
  });

  it('posts at 09:00 summer time before the autumn DST change', () => {
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-10-27')), agendas: [agenda('m1', 3)] };
    expect(ofKind(plannedJobs(aggregate), 'agenda.post')).toEqual([{ kind: 'agenda.post', meetingId: 'm1', dueAt: '2026-10-24T07:00:00.000Z' }]);
  });

  it('posts at 09:00 local time on the far side of a DST change too', () => {
    const spring = { ...withMeetings(meeting('m1', 1, '2026-04-02')), agendas: [agenda('m1', 7)] };
    expect(ofKind(plannedJobs(spring), 'agenda.post')[0]!.dueAt).toBe('2026-03-26T08:00:00.000Z');
    const autumn = { ...withMeetings(meeting('m1', 1, '2026-10-27')), agendas: [agenda('m1', 1)] };
    expect(ofKind(plannedJobs(autumn), 'agenda.post')[0]!.dueAt).toBe('2026-10-26T08:00:00.000Z');
  });

  it('posts on the meeting day itself when the agenda says 0 days', () => {
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-06-10', { start: '13:00', end: '15:00' })), agendas: [agenda('m1', 0)] };
    expect(ofKind(plannedJobs(aggregate), 'agenda.post')[0]!.dueAt).toBe('2026-06-10T07:00:00.000Z');
  });

  it('falls back to 7 days when a stored agenda has no days set', () => {
    const stored = { ...agenda('m1'), daysBeforeToPost: undefined } as unknown as Agenda;
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-06-10')), agendas: [stored] };
    expect(ofKind(plannedJobs(aggregate), 'agenda.post')[0]!.dueAt).toBe('2026-06-03T07:00:00.000Z');
  });

  it('posts no agenda that is empty or missing', () => {
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-06-10'), meeting('m2', 2, '2026-07-10')), agendas: [agenda('m1', 7, 0)] };
    expect(ofKind(plannedJobs(aggregate), 'agenda.post')).toEqual([]);
  });

  it('starts the reflection round when each meeting ends, in UTC', () => {
    const aggregate = withMeetings(
      meeting('winter', 1, '2026-03-16', { end: '12:00' }),
      meeting('summer', 2, '2026-06-08', { end: '15:30' }),
      meeting('afterDst', 3, '2026-10-26', { end: '12:00' }),
    );
    expect(ofKind(plannedJobs(aggregate), 'reflection.fanout')).toEqual([
      { kind: 'reflection.fanout', meetingId: 'winter', dueAt: '2026-03-16T11:00:00.000Z' },
      { kind: 'reflection.fanout', meetingId: 'summer', dueAt: '2026-06-08T13:30:00.000Z' },
      { kind: 'reflection.fanout', meetingId: 'afterDst', dueAt: '2026-10-26T11:00:00.000Z' },
    ]);
  });

  it('starts no reflection round for a closed meeting', () => {
    const aggregate = { ...withMeetings(meeting('m1', 1, '2026-03-16', { closedAt: '2026-03-20T10:00:00.000Z' }), meeting('m2', 2, '2026-04-13')), agendas: [agenda('m1')] };
    const jobs = plannedJobs(aggregate);
    expect(ofKind(jobs, 'reflection.fanout').map((j) => j.meetingId)).toEqual(['m2']);
  });

  it('plans one agenda post and one round per meeting of a planned network, each with its own id', () => {
    const network = plannedNetwork();
    const aggregate = { ...network, agendas: network.meetings.map((m) => agenda(m.id)) };
    const jobs = plannedJobs(aggregate);
    expect(jobs).toHaveLength(10);
    expect(new Set(jobs.map(idOf)).size).toBe(10);
    expect(jobs.map(idOf)).toContain('agenda.post|m1');
    expect(jobs.map(idOf)).toContain('reflection.fanout|m5');
  });

  it('plans nothing for a network without meetings', () => {
    expect(plannedJobs({ ...plannedNetwork(), meetings: [] })).toEqual([]);
  });
});

describe('reflectionRound', () => {
  const now = new Date('2026-05-11T10:00:00.000Z');

  /** Core p1–p5 (p3 without Teams), citizen c1 invited to m3, along a2 invited to nothing. */
  function network(reflectionReminderDays?: number): NetworkAggregate {
    const base = plannedNetwork();
    const ids: Record<string, string | undefined> = { p1: 'u1', p2: 'u2', p3: undefined, p4: 'u4', p5: 'u5', c1: 'uc1' };
    return {
      ...base,
      network: { ...base.network, ...(reflectionReminderDays === undefined ? {} : { reflectionReminderDays }) },
      participants: [
        ...base.participants.map((p) => ({ ...p, userId: ids[p.id] })),
        participant('a2', { kind: 'along', role: 'researcher', userId: 'ua2' }),
      ],
      assignments: [...base.assignments, assignment('m2', 'a2')],
    };
  }

  const asked = (jobs: NewJob[], kind: NewJob['kind']) => jobs.filter((j) => j.kind === kind).map((j) => j.participantId).sort();

  it('asks core participants and those invited to the meeting who use Teams, right away', () => {
    const jobs = reflectionRound(network(), 'm3', now);
    expect(asked(jobs, 'reflection.prompt')).toEqual(['c1', 'p1', 'p2', 'p4', 'p5']);
    for (const job of jobs.filter((j) => j.kind === 'reflection.prompt')) {
      expect(job).toEqual({ kind: 'reflection.prompt', meetingId: 'm3', participantId: job.participantId, dueAt: now });
    }
  });

  it('does not ask participants invited to another meeting, nor those without a Teams identity', () => {
    const jobs = reflectionRound(network(), 'm3', now);
    expect(jobs.some((j) => j.participantId === 'a2')).toBe(false);
    expect(jobs.some((j) => j.participantId === 'p3')).toBe(false);
    expect(asked(reflectionRound(network(), 'm2', now), 'reflection.prompt')).toEqual(['a2', 'p1', 'p2', 'p4', 'p5']);
  });

  it('reminds each of them 3 days after the meeting ends by default', () => {
    const jobs = reflectionRound(network(), 'm3', now);
    expect(asked(jobs, 'reflection.reminder')).toEqual(['c1', 'p1', 'p2', 'p4', 'p5']);
    // m3 is 2026-05-11, 09:00–12:00 summer time: it ends 10:00 UTC.
    expect(new Set(ofKind(jobs, 'reflection.reminder').map((j) => j.dueAt))).toEqual(new Set(['2026-05-14T10:00:00.000Z']));
  });

  it('reminds after the network’s own number of days', () => {
    const jobs = reflectionRound(network(5), 'm3', now);
    expect(new Set(ofKind(jobs, 'reflection.reminder').map((j) => j.dueAt))).toEqual(new Set(['2026-05-16T10:00:00.000Z']));
  });

  it('sends no reminders when the network set 0 days', () => {
    const jobs = reflectionRound(network(0), 'm3', now);
    expect(asked(jobs, 'reflection.prompt')).toHaveLength(5);
    expect(asked(jobs, 'reflection.reminder')).toEqual([]);
  });

  it('keeps the reminder at the same local time across a DST change', () => {
    const aggregate = { ...network(), meetings: [meeting('m3', 3, '2026-03-27')] };
    const reminders = ofKind(reflectionRound(aggregate, 'm3', now), 'reflection.reminder');
    // Ends 12:00 CET (11:00 UTC) on Friday; 3 days later it is summer time: 12:00 CEST = 10:00 UTC.
    expect(reminders[0]!.dueAt).toBe('2026-03-30T10:00:00.000Z');
  });

  it('asks nobody about a closed or unknown meeting', () => {
    const aggregate = network();
    const closed = { ...aggregate, meetings: aggregate.meetings.map((m) => (m.id === 'm3' ? { ...m, closedAt: '2026-05-12T08:00:00.000Z' } : m)) };
    expect(reflectionRound(closed, 'm3', now)).toEqual([]);
    expect(reflectionRound(aggregate, 'gone', now)).toEqual([]);
  });

  it('gives every job its own id', () => {
    const jobs = reflectionRound(network(), 'm3', now);
    expect(new Set(jobs.map(idOf)).size).toBe(jobs.length);
    expect(jobs.map(idOf)).toContain('reflection.prompt|m3|c1');
    expect(jobs.map(idOf)).toContain('reflection.reminder|m3|c1');
  });
});
