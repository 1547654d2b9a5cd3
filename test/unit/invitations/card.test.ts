import { cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from '../../../bot/cards/shared';
import { buildInvitationCard, invitationCardFor, INVITATION_VERBS, type InvitationCardInput } from '../../../bot/invitations/card';
import { MAX } from '../../../bot/domain/schemas';
import type { InvitationStatus } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';
import { actionsOf, CONTROL_OR_BIDI, describeEvents, executeVerbs, hostile, objects, ofType, parseWithSdk, runTexts } from '../cards/cardKit';

// The personal invitation in the invitee's 1:1 chat: the leader's text, the meetings, "Ja, jeg vil gerne være med" /
// "Nej tak" while it is open, the answer once given; the buttons name only the network.

const NOW = new Date('2026-03-01T10:00:00Z');

function build(overrides: Partial<InvitationCardInput> = {}, answer: InvitationStatus | 'withdrawn' = 'invited'): AdaptiveCard {
  const status = answer === 'withdrawn' ? undefined : answer;
  return buildInvitationCard({
    network: { id: 'n1', name: 'Ensomhed blandt ældre', leader: { name: 'Anna Andersen' } },
    invitation: { subject: 'Invitation til netværket „Ensomhed blandt ældre“', text: 'Kære Helle\n\nVil du være med?\n\nMed venlig hilsen\nAnna', status },
    meetings: [{ label: 'Netværksmøde 1 af 5', when: 'mandag 16.03.2026 kl. 09:00–12:00, Rådhuset' }],
    common: 'Kære kollega\n\nVil du være med i et nyt netværk?',
    locale: 'da',
    refreshUserIds: ['29:helle'],
    ...overrides,
  });
}

function wellFormed(card: AdaptiveCard) {
  const { events, validation, json } = parseWithSdk(card);
  if (events.length + validation.length) throw new Error(describeEvents([...events, ...validation]));
  expect(executeVerbs(json).sort()).toEqual(executeVerbs(card).sort());
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
}

describe('the invitation card', () => {
  test('open: the text in paragraphs, the meetings, the two answers and the common invitation behind a button', () => {
    const card = build();
    wellFormed(card);
    const texts = runTexts(card);
    expect(texts.slice(0, 5)).toEqual(['Invitation · Ensomhed blandt ældre', 'Invitation til netværket „Ensomhed blandt ældre“', 'Kære Helle', 'Vil du være med?', 'Med venlig hilsen\nAnna']);
    expect(texts).toContain('Møderne');
    expect(texts).toContain('Netværksmøde 1 af 5:');
    expect(texts).toContain('mandag 16.03.2026 kl. 09:00–12:00, Rådhuset');
    const actions = card.actions as Record<string, any>[];
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.Execute', 'Ja, jeg vil gerne være med'],
      ['Action.Execute', 'Nej tak'],
      ['Action.ShowCard', 'Læs den fælles invitation'],
    ]);
    expect(runTexts(actions[2]!.card)).toEqual(['Kære kollega', 'Vil du være med i et nyt netværk?']);
  });

  test('its buttons and refresh carry only the network: who answers is whoever pressed', () => {
    const card = build();
    const executes = [...actionsOf(card).filter((a) => a.type === 'Action.Execute'), card.refresh!.action as Record<string, unknown>];
    expect(executes.map((a) => a.verb)).toEqual([INVITATION_VERBS.accept, INVITATION_VERBS.decline, INVITATION_VERBS.refresh]);
    for (const action of executes) expect(Object.keys(action.data as object).sort()).toEqual(['networkId', 'verb']);
    expect(card.refresh).toMatchObject({ userIds: ['29:helle'] });
  });

  test('answered: thanks instead of buttons; withdrawn: says so', () => {
    const yes = build({}, 'accepted');
    wellFormed(yes);
    expect(executeVerbs({ body: yes.body, actions: yes.actions })).toEqual([]);
    expect(runTexts(yes)).toEqual(expect.arrayContaining(['Tak – du er med.', 'Du får en bekræftelse, og møderne bliver booket i din kalender. Har du spørgsmål, så skriv til Anna Andersen.']));
    const no = build({}, 'declined');
    expect(runTexts(no)).toEqual(expect.arrayContaining(['Tak for svaret.', 'Skifter du mening, så skriv til Anna Andersen.']));
    expect(runTexts(build({}, 'withdrawn'))).toContain('Netværkslederen har trukket invitationen tilbage.');
    // The common invitation stays readable after the answer.
    expect((no.actions as Record<string, unknown>[]).map((a) => a.type)).toEqual(['Action.ShowCard']);
  });

  test('English for an English network: "Yes, I’d like to join" / "No, thank you"', () => {
    const card = build({ locale: 'en' });
    wellFormed(card);
    expect((card.actions as Record<string, unknown>[]).map((a) => a.title)).toEqual(['Yes, I’d like to join', 'No, thank you', 'Read the common invitation']);
  });

  test('typed text stays literal: no markdown, no control or bidi characters; the longest text fits', () => {
    const card = build({ invitation: { subject: hostile('Emne'), text: `${hostile('Tekst')}\n\n${'x'.repeat(1900)}`, status: 'invited' } });
    wellFormed(card);
    expect(ofType(card, 'TextBlock')).toEqual([]);
    expect(objects(card).some(({ node }) => typeof node.text === 'string' && CONTROL_OR_BIDI.test(node.text))).toBe(false);
    const longest = build({ invitation: { subject: 'x'.repeat(MAX.short), text: Array.from({ length: 8 }, () => 'y'.repeat(MAX.letter / 8 - 2)).join('\n\n'), status: 'invited' }, common: 'z'.repeat(MAX.letter) });
    wellFormed(longest);
  });

  test('from the stored network: the participant’s own invitation and meetings still to come; none written: no card', () => {
    const aggregate = plannedNetwork();
    aggregate.invitations = [{ participantId: 'c1', subject: 'Til Søren', text: 'Kære Søren', status: 'invited', via: 'teams' }];
    const citizen = aggregate.participants.find((p) => p.id === 'c1')!;
    const card = invitationCardFor(aggregate, citizen, { now: NOW, refreshUserIds: ['29:soeren'] })!;
    wellFormed(card);
    expect(runTexts(card)).toEqual(expect.arrayContaining(['Til Søren', 'Kære Søren', 'Netværksmøde 3 af 5:', 'mandag 11.05.2026 kl. 09:00–12:00, Rådhuset, lokale 129']));
    expect(runTexts(card)).not.toContain('Netværksmøde 1 af 5:');
    expect(invitationCardFor(aggregate, aggregate.participants[0]!, { now: NOW })).toBeUndefined();
  });
});
