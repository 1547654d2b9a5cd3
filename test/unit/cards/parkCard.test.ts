import { meetingAtHand, parkCard } from '../../../bot/ideas/parkTask';
import type { Locale } from '../../../bot/i18n';
import { t } from '../../../bot/i18n';
import type { NetworkAggregate } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';
import { CONTROL_OR_BIDI, describeEvents, HOSTILE_MARKERS, hostile, objects, parseWithSdk, runTexts, strings } from './cardKit';

// The "Parkér som idé" dialog (a task module card): read by the Adaptive Cards SDK without a word in both languages,
// user text only where it cannot become markup, and the choices the operation will accept.

const LEADER = { aadObjectId: 'aad-anna', name: 'Anna Andersen' };
const PARTICIPANT = { aadObjectId: 'aad-helle', name: 'Helle Hansen' };
const now = new Date('2026-04-13T08:30:00Z'); // 10:30 in Copenhagen, during meeting 2 (09:00–12:00)

function network(say: (s: string) => string = (s) => s, id = 'n1'): NetworkAggregate {
  const base = plannedNetwork();
  return {
    ...base,
    network: { ...base.network, id, name: say(base.network.name), leader: { name: 'Anna Andersen', userId: 'aad-anna' } },
    participants: base.participants.map((p) => ({ ...p, name: say(p.name), ...(p.id === 'p1' ? { userId: 'aad-helle' } : {}) })),
    meetings: base.meetings.map((m) => ({ ...m, title: say(`Tema ${m.number}`) })),
  };
}

const fields = (card: unknown): Record<string, Record<string, unknown>> =>
  Object.fromEntries(objects(card).map(({ node }) => node).filter((n) => typeof n.id === 'string' && String(n.type).startsWith('Input.')).map((n) => [n.id as string, n]));

describe.each<Locale>(['da', 'en'])('the dialog (%s)', (locale) => {
  const variants = [
    ['one network, shown', parkCard({ locale, networks: [network()], shown: network(), typed: { text: 'Madklub' }, actor: PARTICIPANT, now })],
    ['two networks, choosing', parkCard({ locale, networks: [network(), network(undefined, 'n2')], typed: { text: '' }, actor: PARTICIPANT, now })],
    ['two networks, leader, with a notice', parkCard({ locale, networks: [network(), network(undefined, 'n2')], shown: network(), typed: { text: 'x', networkId: 'n1', meetingId: 'm3', owner: 'participant:p2' }, notice: 'Skriv idéen', actor: LEADER, now })],
  ] as const;

  it.each(variants)('%s parses with the SDK without warnings and passes its validation', (_name, card) => {
    const { events, validation } = parseWithSdk(card);
    expect(describeEvents([...events, ...validation])).toBe('');
  });

  it('keeps what was chosen when the dialog is answered again', () => {
    const kept = fields(variants[2][1]);
    expect(kept.meetingId!.value).toBe('m3');
    expect(kept.ownerChoice!.value).toBe('participant:p2');
    expect(kept.networkId!.value).toBe('n1');
    expect(runTexts(variants[2][1])).toContain('Skriv idéen');
  });

  it('offers a participant only themselves as owner, the leader every participant', () => {
    const titles = (card: unknown) => (fields(card).ownerChoice!.choices as { title: string }[]).map((c) => c.title);
    expect(titles(variants[0][1])).toEqual([t(locale, 'park.noOwner'), t(locale, 'park.me')]);
    expect(titles(variants[2][1])).toEqual([t(locale, 'park.noOwner'), t(locale, 'park.me'), 'Ali Khan', 'Helle Hansen', 'Jens Jensen', 'Mette Berg', 'Sara Nielsen', 'Søren Sørensen']);
  });
});

describe('hostile names and titles', () => {
  const say = hostile;
  const card = parkCard({ locale: 'da', networks: [network(say), network(say, 'n2')], shown: network(say), typed: { text: say('Idé') }, actor: LEADER, now });

  it('go into choice titles and labels only as plain text: no [ ] < > * _ ` marks, no control or bidi characters', () => {
    const choiceTitles = objects(card).map(({ node }) => node).filter((n) => Array.isArray(n.choices)).flatMap((n) => (n.choices as { title: string }[]).map((c) => c.title));
    expect(choiceTitles.some((title) => title.includes('Ensomhed blandt ældre'))).toBe(true);
    for (const title of choiceTitles) {
      expect(title).not.toMatch(/[[\]<>*_`]/);
      expect(title).not.toMatch(CONTROL_OR_BIDI);
    }
  });

  it('elsewhere only in TextRuns or in the text input the person edits', () => {
    const misplaced = strings(card)
      .filter(({ value }) => HOSTILE_MARKERS.some((marker) => value.includes(marker)))
      .filter(({ holder, key }) => !((holder.type === 'TextRun' && key === 'text') || (holder.type === 'Input.Text' && key === 'value')))
      .map(({ path }) => path.join('.'));
    expect(misplaced).toEqual([]);
  });
});

describe('the meeting at hand', () => {
  const { meetings } = plannedNetwork();
  it('is the meeting going on, else the last one held, else the next', () => {
    expect(meetingAtHand(meetings, now)?.id).toBe('m2');
    expect(meetingAtHand(meetings, new Date('2026-04-20T10:00:00Z'))?.id).toBe('m2');
    expect(meetingAtHand(meetings.map((m) => (m.id === 'm2' ? { ...m, closedAt: '2026-04-14T10:00:00Z' } : m)), new Date('2026-04-20T10:00:00Z'))?.id).toBe('m2');
    expect(meetingAtHand(meetings, new Date('2026-01-01T10:00:00Z'))?.id).toBe('m1');
    expect(meetingAtHand(meetings, new Date('2026-12-01T10:00:00Z'))?.id).toBe('m5');
    expect(meetingAtHand([], now)).toBeUndefined();
  });
});
