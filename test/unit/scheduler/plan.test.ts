import type { Agenda, NetworkAggregate } from '../../../bot/domain/model';
import { idOf, type Job, type NewJob } from '../../../bot/scheduler/job';
import { plannedJobs, promptSentAt, reflectionRound, reminderAfter, remindersOf } from '../../../bot/scheduler/plan';
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

  it('plans no reminder with the prompts: a reminder follows its own prompt once that went out', () => {
    expect(asked(reflectionRound(network(), 'm3', now), 'reflection.reminder')).toEqual([]);
  });

  it('does not ask a participant added to the network after the meeting ended', () => {
    const base = network();
    // m3 ends 2026-05-11 10:00 UTC; late joined an hour after, early the day before.
    const late = participant('late', { userId: 'ulate', addedAt: '2026-05-11T11:00:00.000Z' });
    const early = participant('early', { userId: 'uearly', addedAt: '2026-05-10T11:00:00.000Z' });
    const jobs = reflectionRound({ ...base, participants: [...base.participants, late, early] }, 'm3', now);
    expect(asked(jobs, 'reflection.prompt')).toEqual(['c1', 'early', 'p1', 'p2', 'p4', 'p5']);
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
  });
});

describe('reminders', () => {
  const prompt = (participantId: string, fields: Partial<Job> = {}): Job => ({
    networkId: 'n1', id: `reflection.prompt|m3|${participantId}`, kind: 'reflection.prompt', meetingId: 'm3', participantId,
    dueAt: '2026-05-20T08:00:00.000Z', state: 'done', outcome: 'sent', attempts: 1, sentAt: '2026-05-20T08:00:05.000Z', updatedAt: '2026-05-20T08:00:06.000Z', ...fields,
  });
  const withDays = (days?: number): NetworkAggregate => {
    const base = plannedNetwork();
    return { ...base, network: { ...base.network, ...(days === undefined ? {} : { reflectionReminderDays: days }) } };
  };

  it('reminds 3 days after the prompt went out by default — not after the meeting ended', () => {
    // m3 ended 2026-05-11; it was planned after that, and its prompt went out on 2026-05-20.
    expect(iso([reminderAfter(withDays(), { meetingId: 'm3', participantId: 'p1' }, new Date('2026-05-20T08:00:05.000Z'))!])).toEqual([
      { kind: 'reflection.reminder', meetingId: 'm3', participantId: 'p1', dueAt: '2026-05-23T08:00:05.000Z' },
    ]);
  });

  it('reminds after the network’s own number of days, and not at all with 0 days', () => {
    const sentAt = new Date('2026-05-20T08:00:05.000Z');
    expect(reminderAfter(withDays(5), { meetingId: 'm3', participantId: 'p1' }, sentAt)!.dueAt.toISOString()).toBe('2026-05-25T08:00:05.000Z');
    expect(reminderAfter(withDays(0), { meetingId: 'm3', participantId: 'p1' }, sentAt)).toBeUndefined();
  });

  it('keeps the reminder at the same local time across a DST change', () => {
    // Sent 12:00 CET (11:00 UTC) on Friday 2026-03-27; 3 days later it is summer time: 12:00 CEST = 10:00 UTC.
    expect(reminderAfter(withDays(), { meetingId: 'm3', participantId: 'p1' }, new Date('2026-03-27T11:00:00.000Z'))!.dueAt.toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });

  it('counts from when the prompt was recorded as sent, and gives no reminder for a prompt not sent', () => {
    const jobs = [
      prompt('p1'),
      prompt('p2', { sentAt: undefined }), // recorded before sentAt existed: its finish time
      prompt('p4', { outcome: 'unreachable', sentAt: undefined }),
      prompt('p5', { state: 'pending', outcome: undefined, sentAt: undefined }),
    ];
    expect(iso(remindersOf(withDays(), jobs))).toEqual([
      { kind: 'reflection.reminder', meetingId: 'm3', participantId: 'p1', dueAt: '2026-05-23T08:00:05.000Z' },
      { kind: 'reflection.reminder', meetingId: 'm3', participantId: 'p2', dueAt: '2026-05-23T08:00:06.000Z' },
    ]);
    expect(promptSentAt(jobs[2])).toBeUndefined();
    expect(promptSentAt(jobs[3])).toBeUndefined();
  });

  it('gives no reminder for a closed meeting', () => {
    const aggregate = withDays();
    const closed = { ...aggregate, meetings: aggregate.meetings.map((m) => (m.id === 'm3' ? { ...m, closedAt: '2026-05-21T08:00:00.000Z' } : m)) };
    expect(remindersOf(closed, [prompt('p1')])).toEqual([]);
  });
});
