import { runCardAction, type ActionServices } from '../../bot/actions';
import { analysisReplies, ideaLotReplies, myReflectionReplies, nextMeetingReplies, type ChatReply, type CommandInput } from '../../bot/actions/commands';
import { IDEA_VERBS } from '../../bot/ideas/card';
import { ANALYSIS_VERBS } from '../../bot/analysis/card';
import type { Agenda, Meeting, Network } from '../../bot/domain/model';
import { memberKeys } from '../../bot/domain/access';
import { t } from '../../bot/i18n';
import { NetworkStore, type RowChange } from '../../bot/storage/networkStore';
import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { aMeeting, aNetwork, aParticipant } from '../support/fixtures';

// The chat commands over every network a person is in (not the newest few), over Azurite: open
// reflections from all of them, the next meeting across them, and "which network?" for the idea lot
// and the analysis instead of a silent pick.

const PIA = { aadObjectId: 'aad-pia-commands', teamsUserId: '29:pia', name: 'Pia Poulsen' };
const NAMES = ['Ældre i eget hjem', 'Socialøkonomiske virksomheder', 'Unge uden job', 'Grøn omstilling', 'Digital velfærd'];

let store: NetworkStore;
let clock = new Date('2027-03-10T12:00:00Z');
const networks: { network: Network; held: Meeting; next: Meeting }[] = [];

const services = (): ActionServices => ({ store, now: () => clock, newId: () => Math.random().toString(36).slice(2), networkChanged: () => undefined });
const input = (fields: Partial<CommandInput> = {}): CommandInput => ({ actor: PIA, locale: 'da', ...fields });
const cards = (replies: ChatReply[]) => replies.filter((r): r is { card: any } => 'card' in r).map((r) => r.card);
const texts = (replies: ChatReply[]) => replies.filter((r): r is { text: string } => 'text' in r).map((r) => r.text);
/** The question's rows: a network's name (a TextRun) and its button. */
const choices = (card: any): { name: string; verb: string; data: Record<string, any>; title: string }[] =>
  card.body
    .filter((e: any) => e.type === 'ColumnSet' && e.columns?.[1]?.items?.[0]?.type === 'ActionSet')
    .map((row: any) => ({ name: row.columns[0].items[0].inlines[0].text, ...row.columns[1].items[0].actions[0] }));

beforeAll(async () => {
  const tables = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('commands') });
  await ensureTables(tables);
  store = new NetworkStore(tables.networks);
  // Five networks, started a month apart: the oldest first. Each held a meeting (reflections open) and has one ahead.
  for (const [i, name] of NAMES.entries()) {
    const network = aNetwork({ name, startDate: `2026-${String(8 + i).padStart(2, '0')}-03`, endDate: '2027-07-30', channelId: `19:channel-${i}@thread.tacv2` });
    const pia = aParticipant({ name: PIA.name, userId: PIA.aadObjectId });
    const held = aMeeting({ number: 1, date: `2027-03-0${i + 1}`, title: `Holdt ${i + 1}` });
    const next = aMeeting({ number: 2, date: `2027-04-${16 + i}`, title: `Næste ${i + 1}` });
    const agenda: Agenda = { meetingId: next.id, daysBeforeToPost: 7, items: [{ id: 'a1', time: '09:00', content: `Program for ${name}`, process: '', purpose: '' }] };
    const rows: RowChange[] = [
      { op: 'create', kind: 'network', value: network },
      { op: 'create', kind: 'participant', ids: [pia.id], value: pia },
      ...memberKeys(pia).map((key): RowChange => ({ op: 'upsert', kind: 'member', ids: [key], value: { participantId: pia.id } })),
      { op: 'create', kind: 'meeting', ids: [held.id], value: held },
      { op: 'create', kind: 'meeting', ids: [next.id], value: next },
      { op: 'create', kind: 'agenda', ids: [next.id], value: agenda },
    ];
    await store.commit(network.id, rows);
    networks.push({ network, held, next });
  }
});

describe('chat commands for a person in 5 networks', () => {
  it('"mine refleksioner" shows the open reflections of all 5 networks, not only the newest', async () => {
    const replies = await myReflectionReplies(input(), services());
    const shown = cards(replies).map((card) => JSON.stringify(card));
    expect(shown).toHaveLength(5);
    for (const { network, held } of networks) expect(shown.some((card) => card.includes(network.id) && card.includes(held.id))).toBe(true);
    expect(texts(replies)).toEqual([]);
  });

  it('"mine refleksioner <network>" shows that network’s only', async () => {
    const replies = await myReflectionReplies(input({ argument: 'unge uden job', typed: 'mine refleksioner' }), services());
    expect(cards(replies).map((card) => JSON.stringify(card).includes(networks[2]!.network.id))).toEqual([true]);
  });

  it('"næste møde" picks the next meeting across all networks, even the oldest network’s, and says which network', async () => {
    const replies = await nextMeetingReplies(input(), services());
    // The oldest network (started first) has the earliest next meeting: 2027-04-16.
    const oldest = networks[0]!;
    expect(texts(replies)).toEqual([t('da', 'chat.nextMeetingIn', { network: oldest.network.name })]);
    expect(cards(replies)).toHaveLength(1);
    expect(JSON.stringify(cards(replies)[0])).toContain(`Program for ${oldest.network.name}`);
  });

  it('"idéer" asks which network, one button per network, and never picks one silently', async () => {
    const replies = await ideaLotReplies(input({ typed: 'idéer' }), services());
    expect(replies).toHaveLength(1);
    const [card] = cards(replies);
    expect(JSON.stringify(card)).toContain(t('da', 'chat.chooseNetwork.title'));
    expect(JSON.stringify(card)).toContain('idéer <netværkets navn>');
    const rows = choices(card);
    expect(rows.map((row) => row.name).sort()).toEqual([...NAMES].sort());
    expect(rows.every((row) => row.verb === IDEA_VERBS.refresh && row.title === t('da', 'chat.chooseNetwork.choose'))).toBe(true);
    for (const { network } of networks) expect(rows.find((row) => row.name === network.name)!.data.networkId).toBe(network.id);
  });

  it('pressing a network’s button shows that network’s idea lot in place of the question', async () => {
    const choice = choices(cards(await ideaLotReplies(input(), services()))[0]).find((row) => row.name === 'Grøn omstilling')!;
    const result = await runCardAction({ verb: choice.verb, data: choice.data, actor: PIA, locale: 'da' }, services());
    expect('card' in result && JSON.stringify(result.card)).toContain('Grøn omstilling');
    expect('card' in result && result.card.refresh).toMatchObject({ action: { verb: IDEA_VERBS.refresh, data: { networkId: choice.data.networkId } } });
  });

  it('"idéer <network name>" answers for that network, forgiving case and missing Danish letters', async () => {
    for (const argument of ['grøn omstilling', 'groen omstilling', 'omstilling']) {
      const replies = await ideaLotReplies(input({ argument, typed: 'idéer' }), services());
      expect(cards(replies)).toHaveLength(1);
      expect(JSON.stringify(cards(replies)[0])).toContain(`"networkId":"${networks[3]!.network.id}"`);
      expect(choices(cards(replies)[0])).toEqual([]);
    }
  });

  it('a name that is none of the person’s networks is said, and the question follows', async () => {
    const replies = await ideaLotReplies(input({ argument: 'kantinen', typed: 'idéer' }), services());
    expect(texts(replies)).toEqual([t('da', 'chat.unknownNetwork', { name: 'kantinen' })]);
    expect(choices(cards(replies)[0])).toHaveLength(5);
  });

  it('in a network’s channel "idéer" and "analyse" answer for that network', async () => {
    const { network } = networks[1]!;
    const ideas = await ideaLotReplies(input({ channelId: network.channelId }), services());
    expect(cards(ideas)).toHaveLength(1);
    expect(JSON.stringify(cards(ideas)[0])).toContain(`"networkId":"${network.id}"`);
    const analysis = await analysisReplies(input({ channelId: network.channelId }), services());
    expect(cards(analysis)).toHaveLength(1);
    expect(JSON.stringify(cards(analysis)[0])).toContain(network.name);
    expect(choices(cards(analysis)[0])).toEqual([]);
  });

  it('"analyse" outside a channel asks which network too', async () => {
    const [card] = cards(await analysisReplies(input({ typed: 'analyse' }), services()));
    expect(choices(card).map((b) => b.verb)).toEqual(Array(5).fill(ANALYSIS_VERBS.refresh));
  });

  it('shows at most a few reflection cards at once and says how many more there are', async () => {
    // Ten open meetings: Pia gets the latest six and a line about the four others.
    clock = new Date('2027-04-25T12:00:00Z');
    const replies = await myReflectionReplies(input({ typed: 'mine refleksioner' }), services());
    expect(cards(replies)).toHaveLength(6);
    expect(texts(replies)).toEqual([t('da', 'chat.moreOpenReflections', { count: 4, command: 'mine refleksioner' })]);
    clock = new Date('2027-03-10T12:00:00Z');
  });

  it('"mine refleksioner" leaves out meetings held before the person joined', async () => {
    const network = aNetwork({ name: 'Nyt netværk', startDate: '2027-01-04', endDate: '2027-07-30' });
    const mo = { aadObjectId: 'aad-mo-commands', teamsUserId: '29:mo', name: 'Mo Madsen' };
    const joined = aParticipant({ name: mo.name, userId: mo.aadObjectId, addedAt: '2027-03-05T09:00:00.000Z' });
    const before = aMeeting({ number: 1, date: '2027-03-02', title: 'Før Mo' });
    const after = aMeeting({ number: 2, date: '2027-03-08', title: 'Efter Mo' });
    await store.commit(network.id, [
      { op: 'create', kind: 'network', value: network },
      { op: 'create', kind: 'participant', ids: [joined.id], value: joined },
      ...memberKeys(joined).map((key): RowChange => ({ op: 'upsert', kind: 'member', ids: [key], value: { participantId: joined.id } })),
      { op: 'create', kind: 'meeting', ids: [before.id], value: before },
      { op: 'create', kind: 'meeting', ids: [after.id], value: after },
    ]);
    const shown = cards(await myReflectionReplies(input({ actor: mo }), services())).map((card) => JSON.stringify(card));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('08.03.2027');
  });
});
