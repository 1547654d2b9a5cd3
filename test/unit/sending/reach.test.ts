import type { NetworkAggregate } from '../../../bot/domain/model';
import type { Job } from '../../../bot/scheduler/job';
import { reachOf, type ReachFacts } from '../../../bot/sending/reach';
import { channelProblem, describeChannelSend, lastSendOf, personProblem, type SendRecord } from '../../../bot/sending/view';
import { t } from '../../../bot/i18n';
import { participant, plannedNetwork } from '../domain/fixtures';

// Whom the bot reaches before anything is sent (bot/sending/reach.ts), and how a send's outcome reads
// (bot/sending/view.ts) — the rules without a store.

const NOW = new Date('2026-03-02T10:00:00Z'); // two weeks before meeting 1 (16.03.2026)
const da = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('da', key, params);

/** The planned network, linked to a channel, its participants given Teams users where asked. */
function network(linked: boolean, teamsUsers: Record<string, string> = {}): NetworkAggregate {
  const base = plannedNetwork();
  return {
    ...base,
    network: { ...base.network, ...(linked ? { teamId: '19:team', channelId: '19:plan' } : {}) },
    participants: base.participants.map((p) => (teamsUsers[p.id] ? { ...p, userId: teamsUsers[p.id] } : p)),
  };
}

const facts = (overrides: Partial<ReachFacts> = {}): ReachFacts => ({
  channelKnown: true,
  personalChats: new Map(),
  teamMembers: new Set(),
  jobs: [],
  ...overrides,
});

const job = (fields: Partial<Job> & Pick<Job, 'kind'>): Job => ({
  networkId: 'n1',
  id: `${fields.kind}|${fields.meetingId ?? ''}|${fields.participantId ?? ''}`,
  dueAt: '2026-03-01T08:00:00.000Z',
  state: 'done',
  attempts: 1,
  ...fields,
});

const statusOf = (aggregate: NetworkAggregate, f: ReachFacts) =>
  Object.fromEntries(reachOf(aggregate, f, NOW).participants.map((p) => [p.name, p.via ? `${p.status} (${p.via})` : p.status]));

describe('reach: the channel', () => {
  it('a network made outside a channel reaches no channel: agendas cannot be posted, and it says so per meeting', () => {
    const reach = reachOf(network(false), facts({ channelKnown: false }), NOW);
    expect(reach.channel).toEqual({ status: 'noChannel' });
    expect(reach.summary).toEqual({ channel: false, reachable: 0, unreachable: 6, total: 6 });
    expect(reach.meetings[0]!.agenda).toEqual({ state: 'cannot', reason: 'noChannel' });
  });

  it('linked, but the bot has no conversation in the team: the app is not installed there', () => {
    expect(reachOf(network(true), facts({ channelKnown: false }), NOW).channel).toEqual({ status: 'botNotInTeam' });
  });

  it('the last send to the channel was refused: that stands, with its detail, until a later send goes through', () => {
    const refused = job({ kind: 'agenda.post', meetingId: 'm1', outcome: 'blocked', detail: '403: refused', updatedAt: '2026-03-01T09:00:00.000Z' });
    expect(reachOf(network(true), facts({ jobs: [refused] }), NOW).channel).toEqual({
      status: 'lastSendFailed',
      lastFailure: { kind: 'agenda.post', outcome: 'blocked', detail: '403: refused', at: '2026-03-01T09:00:00.000Z' },
    });
    const later = job({ kind: 'ideas.post', outcome: 'sent', updatedAt: '2026-03-01T10:00:00.000Z' });
    expect(reachOf(network(true), facts({ jobs: [refused, later] }), NOW).channel).toEqual({ status: 'ok' });
  });

  it('a send that found no channel is history once the channel is known; a skipped one says nothing about the channel', () => {
    const jobs = [
      job({ kind: 'agenda.post', meetingId: 'm1', outcome: 'unreachable', updatedAt: '2026-03-01T09:00:00.000Z' }),
      job({ kind: 'agenda.update', meetingId: 'm1', outcome: 'skipped', updatedAt: '2026-03-01T09:30:00.000Z' }),
    ];
    expect(reachOf(network(true), facts({ jobs }), NOW).channel).toEqual({ status: 'ok' });
  });
});

describe('reach: each participant', () => {
  it('no Teams user, not in the team, a team member the bot can open a chat with, a stored chat', () => {
    const aggregate = network(true, { p2: 'aad-jens', p3: 'aad-sara', p4: 'aad-ali' });
    const f = facts({ teamMembers: new Set(['aad-sara']), personalChats: new Map([['aad-ali', '2026-02-01T00:00:00.000Z']]) });
    expect(statusOf(aggregate, f)).toEqual({
      'Helle Hansen': 'noTeamsUser',
      'Jens Jensen': 'notInTeam',
      'Sara Nielsen': 'ok (teamMember)',
      'Ali Khan': 'ok (chat)',
      'Mette Berg': 'noTeamsUser',
      'Søren Sørensen': 'noTeamsUser',
    });
  });

  it('a team member of no linked team is not reached (the sender opens chats only in the network’s team)', () => {
    const aggregate = network(false, { p3: 'aad-sara' });
    expect(statusOf(aggregate, facts({ teamMembers: new Set(['aad-sara']) }))['Sara Nielsen']).toBe('notInTeam');
  });

  it('blocked the bot, or the chat is gone, from their last personal send — until they write to the bot again', () => {
    const aggregate = network(true, { p2: 'aad-jens', p3: 'aad-sara' });
    const jobs = [
      job({ kind: 'reflection.prompt', meetingId: 'm1', participantId: 'p2', outcome: 'blocked', updatedAt: '2026-03-01T09:00:00.000Z' }),
      job({ kind: 'reflection.reminder', meetingId: 'm1', participantId: 'p3', outcome: 'notFound', updatedAt: '2026-03-01T09:00:00.000Z' }),
    ];
    const chats = new Map([
      ['aad-jens', '2026-02-01T00:00:00.000Z'],
      ['aad-sara', '2026-02-01T00:00:00.000Z'],
    ]);
    expect(statusOf(aggregate, facts({ jobs, personalChats: chats }))).toMatchObject({ 'Jens Jensen': 'blocked', 'Sara Nielsen': 'chatGone' });
    // Jens wrote to the bot after the refusal: his chat is stored anew and reaches him.
    chats.set('aad-jens', '2026-03-01T12:00:00.000Z');
    expect(statusOf(aggregate, facts({ jobs, personalChats: chats }))['Jens Jensen']).toBe('ok (chat)');
    // A later prompt that went through counts over an older refusal.
    const sent = job({ kind: 'reflection.prompt', meetingId: 'm2', participantId: 'p3', outcome: 'sent', updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(statusOf(aggregate, facts({ jobs: [...jobs, sent], personalChats: chats }))['Sara Nielsen']).toBe('ok (chat)');
  });
});

describe('reach: per meeting', () => {
  it('the agenda: scheduled at 09:00 N days before, posted, not written yet, failed; the questions to N of M at the end', () => {
    const aggregate = network(true, { p1: 'aad-helle', p2: 'aad-jens' });
    aggregate.agendas = [
      { meetingId: 'm1', daysBeforeToPost: 7, items: [{ id: 'i', time: '09:00', content: 'Velkomst', process: '', purpose: '' }] },
      { meetingId: 'm3', daysBeforeToPost: 7, items: [{ id: 'i', time: '09:00', content: 'Oplæg', process: '', purpose: '' }] },
    ];
    const jobs = [
      job({ kind: 'agenda.post', meetingId: 'm3', outcome: 'failed', detail: '400: bad request', updatedAt: '2026-03-01T09:00:00.000Z' }),
      job({ kind: 'ideas.post', outcome: 'sent', updatedAt: '2026-03-01T10:00:00.000Z' }),
    ];
    const reach = reachOf(aggregate, facts({ teamMembers: new Set(['aad-helle', 'aad-jens']), jobs }), NOW);
    const [m1, m2, m3] = reach.meetings;
    expect(m1!.agenda).toEqual({ state: 'scheduled', at: '2026-03-09T08:00:00.000Z' });
    expect(m2!.agenda).toEqual({ state: 'noAgenda' });
    expect(m3!.agenda).toEqual({ state: 'failed', outcome: 'failed', at: '2026-03-01T09:00:00.000Z' });
    // Meeting 1's core participants: 5, of whom Helle and Jens are reached; the citizen is invited only to meeting 3.
    expect(m1!.reflections).toEqual({ state: 'due', at: '2026-03-16T11:00:00.000Z', reachable: 2, total: 5, unreachable: ['p3', 'p4', 'p5'] });
    expect(m3!.reflections).toMatchObject({ reachable: 2, total: 6 });
  });

  it('after the meeting: the questions went out (asked) or the meeting is closed; a posted agenda says when', () => {
    const aggregate = network(true);
    aggregate.meetings = aggregate.meetings.map((m) => (m.id === 'm2' ? { ...m, closedAt: '2026-04-20T10:00:00.000Z' } : m));
    const jobs = [
      job({ kind: 'agenda.post', meetingId: 'm1', outcome: 'sent', sentAt: '2026-03-09T08:00:01.000Z', updatedAt: '2026-03-09T08:00:02.000Z' }),
      job({ kind: 'reflection.fanout', meetingId: 'm1', outcome: 'sent' }),
    ];
    const reach = reachOf(aggregate, facts({ jobs }), new Date('2026-05-01T10:00:00Z'));
    expect(reach.meetings[0]).toMatchObject({ agenda: { state: 'posted', at: '2026-03-09T08:00:01.000Z' }, reflections: { state: 'asked' } });
    expect(reach.meetings[1]).toMatchObject({ agenda: { state: 'over' }, reflections: { state: 'closed' } });
  });
});

describe('how a send to the channel reads', () => {
  const send = (fields: Partial<SendRecord>): SendRecord => ({ kind: 'agenda.post', meetingId: 'm1', state: 'done', dueAt: '2026-03-02T10:00:00.000Z', attempts: 1, ...fields });

  it('sent, with the day and time in Copenhagen', () => {
    expect(describeChannelSend(send({ outcome: 'sent', sentAt: '2026-03-02T13:32:00.000Z' }), da)).toEqual({ tone: 'success', text: 'Sendt til kanalen 02.03.2026 kl. 14:32.' });
    expect(describeChannelSend(send({ kind: 'agenda.update', outcome: 'updated', updatedAt: '2026-07-02T13:32:00.000Z' }), da)?.text).toBe(
      'Kortet i kanalen blev opdateret 02.07.2026 kl. 15:32.',
    );
  });

  it('refused by Teams: why, and what to do — in Danish and in English', () => {
    const blocked = send({ outcome: 'blocked', detail: '403: refused', updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(describeChannelSend(blocked, da)).toEqual({
      tone: 'error',
      text: 'Kunne ikke sendes (02.03.2026 kl. 11:00): Teams afviste beskeden i kanalen: botten må ikke skrive der (appen er måske fjernet fra teamet). Tilføj Netværk-appen til teamet igen, og send igen.',
    });
    expect(describeChannelSend(blocked, (key, params) => t('en', key, params))?.text).toMatch(/^Could not be sent \(02\.03\.2026 at 11:00\): Teams refused the message/);
    expect(describeChannelSend(send({ outcome: 'unreachable', detail: 'the bot is not in the network’s team' }), da)?.text).toContain('Netværk-appen er ikke installeret i netværkets team');
    expect(describeChannelSend(send({ outcome: 'failed', detail: '400: Bad request' }), da)?.text).toContain('Teams tog ikke imod beskeden (400: Bad request).');
  });

  it('skipped with the scheduler’s reason in words; under way says so; only scheduled says nothing (the plan’s time does)', () => {
    expect(describeChannelSend(send({ outcome: 'skipped', detail: 'meeting already started' }), da)).toEqual({ tone: 'warning', text: 'Blev ikke sendt (02.03.2026 kl. 11:00): Mødet var allerede begyndt.' });
    expect(describeChannelSend(send({ state: 'pending', attempts: 2, dueAt: '2026-03-02T10:05:00.000Z' }), da)).toEqual({
      tone: 'info',
      text: 'Sendes … Teams bad botten vente, så den prøver igen 02.03.2026 kl. 11:05.',
    });
    expect(describeChannelSend(send({ state: 'pending', attempts: 0, onDemand: true }), da)).toEqual({ tone: 'info', text: 'Sendes nu …' });
    expect(describeChannelSend(send({ state: 'pending', attempts: 0 }), da)).toBeUndefined();
    expect(describeChannelSend(undefined, da)).toBeUndefined();
  });

  it('the last send of the kinds asked for is the newest by when it last changed', () => {
    const sends = [
      send({ kind: 'agenda.post', outcome: 'sent', updatedAt: '2026-03-02T10:00:00.000Z' }),
      send({ kind: 'agenda.update', outcome: 'blocked', updatedAt: '2026-03-02T11:00:00.000Z' }),
      send({ kind: 'ideas.post', meetingId: undefined, outcome: 'sent', updatedAt: '2026-03-02T12:00:00.000Z' }),
      send({ kind: 'agenda.post', meetingId: 'm2', outcome: 'sent', updatedAt: '2026-03-02T13:00:00.000Z' }),
    ];
    expect(lastSendOf(sends, ['agenda.post', 'agenda.update'], 'm1')?.kind).toBe('agenda.update');
    expect(lastSendOf(sends, ['ideas.post', 'ideas.update'])?.outcome).toBe('sent');
  });

  it('every problem has a reason and something to do, in both languages', () => {
    for (const locale of ['da', 'en'] as const) {
      const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(locale, key, params);
      for (const why of ['noChannel', 'botNotInTeam', 'blocked', 'notFound', 'failed', 'unreachable'] as const) {
        const problem = channelProblem(tr, why, 'x');
        expect(problem.reason.length > 20 && problem.todo.length > 20).toBe(true);
      }
      for (const status of ['noTeamsUser', 'notInTeam', 'blocked', 'chatGone'] as const) {
        const problem = personProblem(tr, status);
        expect(problem.reason.length > 5 && problem.todo.length > 20).toBe(true);
      }
    }
    expect(personProblem(da, 'noTeamsUser').reason).toBe('ingen Teams-bruger');
  });
});
