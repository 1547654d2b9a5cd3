import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { isoWeek, weeksOfPeriod } from '../../bot/domain/dates';
import type { Meeting, Network, NetworkAggregate, PhaseStep } from '../../bot/domain/model';
import { checkNetworkRules } from '../../bot/domain/rules';
import { t, type MessageKey } from '../../bot/i18n';
import { createTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { buildExamples, exampleProblems, SOCIAL_ECONOMY_ID, WELFARE_ID } from '../../scripts/examples';
import { seedExampleTables } from '../../scripts/seedExample';
import { PLAYGROUND_USER } from '../../scripts/examples/people';
import { NetworkStore } from '../../bot/storage/networkStore';
import { memberKeys } from '../../bot/domain/access';
import { myReflectionReplies, nextMeetingReplies } from '../../bot/actions/commands';
import { clientFor, startTestApp } from '../support/testApp';

const connectionString = process.env.TEST_TABLES_CONNECTION_STRING!;
const prefix = uniqueTablePrefix('seedexample');
const SE = `/api/networks/${SOCIAL_ECONOMY_ID}`;
const WF = `/api/networks/${WELFARE_ID}`;

type PlanBody = NetworkAggregate & { role: string; advice: unknown[] };

const counts = (plan: PlanBody) => ({
  subthemes: plan.subthemes.length,
  participants: plan.participants.length,
  meetings: plan.meetings.length,
  assignments: plan.assignments.length,
  agendas: plan.agendas.length,
  summaries: plan.summaries.length,
  reflections: plan.reflections.length,
  ideas: plan.ideas.length,
  themeRevisions: plan.themeRevisions.length,
  phaseSteps: plan.phasePlan?.steps.length,
});

/**
 * Seed 000 holds the first meeting with the core group in week 7 (focusing), the next two in weeks 10 and 11
 * (discovery), the themes workshop in week 12 and the idea workshop in week 14: the phase each meeting belongs to.
 */
const SEED_000_PHASE_OF_MEETING: Record<string, MessageKey> = {
  'meeting-1': 'phase.process.focus',
  'meeting-2': 'phase.process.discovery',
  'meeting-3': 'phase.process.discovery',
  'meeting-4': 'phase.process.themes',
  'meeting-5': 'phase.process.ideas',
};

/** For each meeting: its ISO week, the phase seed 000 places it in, and the ISO weeks that step of the plan spans. */
function meetingsInPhases(network: Network, meetings: Meeting[], steps: PhaseStep[]) {
  const periodWeeks = weeksOfPeriod(network.startDate, network.endDate);
  const iso = ({ week, weekYear }: { week: number; weekYear: number }) => `${weekYear}-W${String(week).padStart(2, '0')}`;
  return meetings.map((m) => {
    const phase = t('da', SEED_000_PHASE_OF_MEETING[m.id]!);
    const step = steps.find((s) => s.kind === 'phase' && s.title === phase);
    const stepWeeks = step ? periodWeeks.slice(step.startWeek - 1, step.endWeek).map(iso) : [];
    return { meeting: m.id, week: iso(isoWeek(m.date)), phase, inside: stepWeeks.includes(iso(isoWeek(m.date))) };
  });
}

async function rowsIn(partition: string): Promise<number> {
  const { networks } = createTables({ connectionString, prefix });
  let n = 0;
  for await (const _row of networks.listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}'` } })) n++;
  return n;
}

describe('the example builders (pure)', () => {
  test('break no rule and put every meeting on a weekday, whatever day of the year they are built on', () => {
    for (let day = 0; day < 371; day += 3) {
      const now = new Date(Date.UTC(2026, 0, 1, 11) + day * 86_400_000);
      for (const example of buildExamples(now)) {
        expect({ id: example.network.id, now, problems: exampleProblems(example) }).toEqual({ id: example.network.id, now, problems: [] });
        const weekend = example.meetings.filter((m) => [0, 6].includes(new Date(`${m.date}T12:00:00Z`).getUTCDay()));
        expect(weekend).toEqual([]);
      }
    }
  });

  test('are current: the learning network started three weeks ago and met last week; the welfare network’s idea workshop is ahead', () => {
    const now = new Date('2026-11-18T09:00:00Z'); // a Wednesday
    const [socialEconomy, welfare] = buildExamples(now);
    expect(socialEconomy!.network.startDate).toBe('2026-10-26');
    expect(socialEconomy!.meetings[0]!.date < '2026-11-18').toBe(true);
    expect(socialEconomy!.meetings.slice(1).every((m) => m.date > '2026-11-18')).toBe(true);
    expect(welfare!.network.startDate).toBe('2026-08-24');
    expect(welfare!.meetings.map((m) => m.date > '2026-11-18')).toEqual([false, false, false, false, true]);
  });

  test('the welfare network holds each meeting in the ISO week of the phase seed 000 places it in, whatever the date', () => {
    for (let day = 0; day < 371; day += 3) {
      const now = new Date(Date.UTC(2026, 0, 1, 11) + day * 86_400_000);
      const { network, meetings, phasePlan } = buildExamples(now)[1]!;
      const placed = meetingsInPhases(network, meetings, phasePlan!.steps);
      expect({ now, placed }).toEqual({ now, placed: placed.map((p) => ({ ...p, inside: true })) });
    }
  });

  test('a broken example is reported, not written', () => {
    const [example] = buildExamples(new Date());
    const broken = { ...example!, meetings: example!.meetings.map((m, i) => (i === 0 ? { ...m, date: '1999-01-01' } : m)) };
    expect(exampleProblems(broken).join('\n')).toMatch(/meetings\.meeting-1\.date/);
  });
});

describe('npm run seed:example, seen through the API', () => {
  let app: App;
  let lene: ReturnType<typeof clientFor>;
  let jens: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    await seedExampleTables({ connectionString, prefix });
    app = await startTestApp('seedExample', { env: { TABLE_PREFIX: prefix } });
    lene = clientFor(app, 'lene');
    jens = clientFor(app, 'jens');
  });

  afterAll(() => app.stop());

  test('Lene leads both networks; Omar co-drives, Jens and Helle take part, Birgitte is reference leader, Ulla sees none', async () => {
    const roles = async (user: string) => {
      const list = await clientFor(app, user).get('/api/networks');
      expect(list.status).toBe(200);
      return Object.fromEntries(list.body.networks.map((n: { id: string; role: string }) => [n.id, n.role]));
    };
    expect(await roles('lene')).toEqual({ [SOCIAL_ECONOMY_ID]: 'leader', [WELFARE_ID]: 'leader' });
    expect(await roles('omar')).toEqual({ [SOCIAL_ECONOMY_ID]: 'coDriver', [WELFARE_ID]: 'coDriver' });
    expect(await roles('jens')).toEqual({ [SOCIAL_ECONOMY_ID]: 'participant', [WELFARE_ID]: 'participant' });
    expect(await roles('helle')).toEqual({ [SOCIAL_ECONOMY_ID]: 'participant', [WELFARE_ID]: 'participant' });
    expect(await roles('birgitte')).toEqual({ [SOCIAL_ECONOMY_ID]: 'referenceLeader', [WELFARE_ID]: 'referenceLeader' });
    expect(await roles('ulla')).toEqual({});
    expect((await clientFor(app, 'ulla').get(SE)).status).toBe(403);
  });

  test('the Agents Playground’s user, Alex Wilber, is a core participant of both networks, so the first chat there shows cards', async () => {
    const alexId = '00000000-0000-0000-0000-0000000000020'; // the Playground's own value: 13 digits in the last group
    expect(PLAYGROUND_USER.userId).toBe(alexId);
    for (const path of [SE, WF]) {
      const alex = (await lene.get<PlanBody>(path)).body.participants.filter((p) => p.userId === alexId);
      expect(alex).toEqual([expect.objectContaining({ name: 'Alex Wilber', kind: 'core' })]);
    }
    // As the bot finds a person's networks: by the member index, the way "næste møde" and "idéer" do.
    const store = new NetworkStore(createTables({ connectionString, prefix }).networks);
    const { memberOf } = await store.listNetworks(memberKeys({ userId: alexId }));
    expect([...memberOf].sort()).toEqual([SOCIAL_ECONOMY_ID, WELFARE_ID].sort());
    const services = { store, now: () => new Date(), newId: () => 'x', networkChanged: () => undefined };
    const actor = { aadObjectId: alexId, teamsUserId: '29:alex', name: 'Alex Wilber' };
    const reflections = await myReflectionReplies({ actor, locale: 'da' }, services);
    expect(reflections.some((reply) => 'card' in reply)).toBe(true);
    const next = await nextMeetingReplies({ actor, locale: 'da' }, services);
    expect(next.map((reply) => ('text' in reply ? reply.text : ''))).not.toContain(t('da', 'chat.noNetworks'));
  });

  test('the social-economy plan is full: meetings with a closing one, 5 core + citizen, speaker and researcher, planner rows, an agenda for meeting 3, no rule broken', async () => {
    const got = await lene.get<PlanBody>(SE);
    expect(got.status).toBe(200);
    const plan = got.body;
    expect(plan.network).toMatchObject({ name: 'Socialøkonomiske virksomheder', type: 'learning', leader: { name: 'Lene Holm' } });
    expect(plan.meetings.length).toBeGreaterThanOrEqual(4);
    expect(plan.meetings.filter((m) => m.closing)).toHaveLength(1);
    expect(plan.participants.filter((p) => p.kind === 'core').length).toBeGreaterThanOrEqual(5);
    expect(plan.participants.filter((p) => p.kind === 'along').map((p) => p.role).sort()).toEqual(['citizen', 'company', 'researcher']);
    expect(plan.subthemes.map((s) => s.title)).toContain('Opstart af ny virksomhed — hvad skal der til?');
    expect(plan.assignments.length).toBeGreaterThanOrEqual(20);
    expect(plan.assignments.every((a) => a.contribution && a.involvementForm)).toBe(true);
    const meeting3 = plan.meetings.find((m) => m.number === 3)!;
    const planner3 = plan.assignments.filter((a) => a.meetingId === meeting3.id);
    expect(planner3.map((a) => a.involvementForm)).toEqual(expect.arrayContaining(['workshopFacilitator', 'workshopParticipant']));
    const agenda = plan.agendas.find((a) => a.meetingId === meeting3.id)!;
    expect(agenda.items.map((i) => i.time)[0]).toBe('08:30');
    expect(agenda.items.map((i) => i.content)).toEqual(expect.arrayContaining(['Forberedelse', 'Dagens program', 'Personlig refleksion', 'Slut']));
    expect(plan.ideas.filter((i) => i.owner).length).toBeGreaterThanOrEqual(3);
    expect(plan.reflections.map((r) => r.shared).sort()).toEqual([false, true]);
    expect(plan.theme?.whyInteresting).toBeTruthy();
    expect(plan.themeRevisions.length).toBeGreaterThanOrEqual(1);
    expect(plan.phasePlan?.steps.filter((s) => s.kind === 'phase')).toHaveLength(4);
    expect(checkNetworkRules(plan)).toEqual([]);
    expect(plan.advice).toEqual([]);
  });

  test('the welfare network follows seed 000: its 27 weeks, the 8-phase plan with each meeting inside its phase, a citizen and a politician', async () => {
    const plan = (await lene.get<PlanBody>(WF)).body;
    expect(plan.network.type).toBe('welfare');
    expect(weeksOfPeriod(plan.network.startDate, plan.network.endDate)).toHaveLength(27);
    expect(meetingsInPhases(plan.network, plan.meetings, plan.phasePlan!.steps).filter((p) => !p.inside)).toEqual([]);
    expect(plan.phasePlan?.steps.filter((s) => s.kind === 'phase').map((s) => s.title.slice(0, 6))).toEqual(
      expect.arrayContaining(['Fase 1', 'Fase 2', 'Fase 3', 'Fase 4', 'Fase 5', 'Fase 6', 'Fase 7', 'Fase 8']),
    );
    expect(plan.phasePlan?.steps.some((s) => s.kind === 'break')).toBe(true);
    expect(plan.participants.map((p) => p.role)).toEqual(expect.arrayContaining(['citizen', 'politician']));
    expect(checkNetworkRules(plan)).toEqual([]);
  });

  test('Jens sees the network and his own and shared reflections, never Helle’s private one', async () => {
    const helleId = findDevIdentity('helle')!.userId;
    const asLene = (await lene.get<PlanBody>(SE)).body;
    const helle = asLene.participants.find((p) => p.userId === helleId)!;
    const privateOne = asLene.reflections.find((r) => r.participantId === helle.id && !r.shared)!;
    expect(privateOne).toBeDefined();

    const asJens = await jens.get<PlanBody>(SE);
    expect(asJens.status).toBe(200);
    expect(asJens.body.role).toBe('participant');
    expect(asJens.body.reflections.some((r) => r.participantId === helle.id)).toBe(false);
    expect(asJens.body.reflections.some((r) => r.participantId === asJens.body.participants.find((p) => p.name === 'Jens Jensen')!.id)).toBe(true);
    const listed = await jens.get(`${SE}/meetings/${privateOne.meetingId}/reflections`);
    expect(listed.body.reflections.map((r: { participantId: string }) => r.participantId)).not.toContain(helle.id);
    expect((await jens.get(WF)).body.role).toBe('participant');
  });

  test('seeding again replaces the examples: same counts, same rows, nothing duplicated, edits gone', async () => {
    const before = { se: counts((await lene.get<PlanBody>(SE)).body), wf: counts((await lene.get<PlanBody>(WF)).body) };
    const rowsBefore = [await rowsIn(SOCIAL_ECONOMY_ID), await rowsIn(WELFARE_ID)];
    const added = await lene.post(`${SE}/participants`, { name: 'Ekstra Deltager', kind: 'along', role: 'other', email: 'ekstra@kommune.example' });
    expect(added.status).toBe(201);

    await seedExampleTables({ connectionString, prefix });

    const after = { se: counts((await lene.get<PlanBody>(SE)).body), wf: counts((await lene.get<PlanBody>(WF)).body) };
    expect(after).toEqual(before);
    expect([await rowsIn(SOCIAL_ECONOMY_ID), await rowsIn(WELFARE_ID)]).toEqual(rowsBefore);
    const list = (await lene.get('/api/networks')).body.networks.map((n: { id: string }) => n.id);
    expect(list.filter((id: string) => id === SOCIAL_ECONOMY_ID || id === WELFARE_ID).sort()).toEqual([SOCIAL_ECONOMY_ID, WELFARE_ID]);
    expect((await lene.get<PlanBody>(SE)).body.participants.map((p) => p.name)).not.toContain('Ekstra Deltager');
  });
});
