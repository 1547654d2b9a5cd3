import { commonInvitationDraft, excerpt, invitationsOverview, meetingsFor, personalInvitationDraft } from '../../../bot/invitations/draft';
import type { NetworkAggregate } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';

// The handbook's "Indled kontakt til potentielle deltagere" drafted from the plan: the personal approach (why this
// person, which meetings, what is expected) and the common invitation (the handbook's example for project leaders).

const NOW = new Date('2026-03-01T10:00:00Z');

function network(): NetworkAggregate {
  const aggregate = plannedNetwork();
  aggregate.theme = {
    whyInteresting: 'Hver femte ældre over 75 føler sig ensom. Det koster livskvalitet og helbred.',
    challengeAndConsequences: 'Vi når ikke dem, der har mest brug for det.',
    potentialOrDream: 'At ingen ældre er ufrivilligt ensomme.',
    valueForWhom: 'De ældre, de pårørende og medarbejderne.',
    whereFelt: '', subthemesApproach: '', contributors: '', characteristics: {},
  };
  aggregate.subthemes = [{ id: 's3', title: 'Frivillige fællesskaber', description: '', order: 0 }];
  aggregate.meetings[2] = { ...aggregate.meetings[2]!, subthemeId: 's3' };
  const citizen = aggregate.assignments.find((a) => a.participantId === 'c1')!;
  Object.assign(citizen, { contribution: 'Fortæller om sin hverdag', involvementForm: 'presentation' });
  return aggregate;
}

const person = (aggregate: NetworkAggregate, id: string) => aggregate.participants.find((p) => p.id === id)!;

describe('the personal invitation', () => {
  test('greets by name, names the network and theme, and says why this person: the competences the leader noted', () => {
    const aggregate = network();
    const { subject, text } = personalInvitationDraft({ aggregate, now: NOW }, person(aggregate, 'p1'));
    expect(subject).toBe('Invitation til netværket „Ensomhed blandt ældre“');
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('Kære Helle Hansen');
    expect(paragraphs[1]).toBe('Jeg er i gang med et nyt netværk, „Ensomhed blandt ældre“, hvor vi skal arbejde med temaet: Hvordan mindsker vi ensomhed blandt ældre borgere?');
    expect(text).toContain('Derfor er temaet vigtigt: Hver femte ældre over 75 føler sig ensom.');
    expect(text).toContain('fordi du kan bidrage med din faglige viden og erfaring.');
    expect(paragraphs.at(-1)).toBe('Med venlig hilsen\nAnna Andersen');
  });

  test('a core participant is invited to all the meetings still to come, with date, time and place', () => {
    const aggregate = network();
    const later = new Date('2026-04-01T10:00:00Z');
    const { text } = personalInvitationDraft({ aggregate, now: later }, person(aggregate, 'p2'));
    expect(text).toContain('Som kernedeltager er du med på alle netværkets 4 møder:\n• Netværksmøde 2 af 5: mandag 13.04.2026 kl. 09:00–12:00, Rådhuset, lokale 129');
    expect(text).toContain('• Netværksmøde 3 af 5: Frivillige fællesskaber: mandag 11.05.2026 kl. 09:00–12:00');
    expect(text).not.toContain('16.03.2026');
    expect(text).toContain('forventer jeg, at du er med på alle møderne');
    // No competences noted for Jens beyond his area: resources and backing, in the letter's words.
    expect(text).toContain('ressourcer og opbakning til at føre idéerne ud i livet');
  });

  test('a participant along the way: only the meetings the planner puts them in, with what they bring (Hvad? Hvordan?)', () => {
    const aggregate = network();
    const citizen = person(aggregate, 'c1');
    expect(meetingsFor(aggregate, citizen, NOW).meetings.map((m) => m.id)).toEqual(['m3']);
    const { text } = personalInvitationDraft({ aggregate, now: NOW }, citizen);
    expect(text).toContain('Jeg vil rigtig gerne have dine perspektiver som borger med i arbejdet.');
    expect(text).toContain('Sådan håber jeg, at du vil bidrage:\n• Netværksmøde 3 af 5: Frivillige fællesskaber (11.05.2026): Fortæller om sin hverdag (Oplæg)');
    expect(text).toContain('Du er inviteret til det møde, hvor dit perspektiv er i spil:\n• Netværksmøde 3 af 5');
    expect(text).not.toContain('13.04.2026');
    expect(text).toContain('Du skal ikke være med på alle møder');
  });

  test('along the way but not planned yet: the meetings, and that you agree which', () => {
    const aggregate = network();
    aggregate.assignments = aggregate.assignments.filter((a) => a.participantId !== 'c1');
    const { text } = personalInvitationDraft({ aggregate, now: NOW }, person(aggregate, 'c1'));
    expect(text).toContain('Vi aftaler sammen, hvilket møde du er med på. Netværket mødes:\n• Netværksmøde 1 af 5');
  });

  test('no meetings planned: the dates follow; an online meeting says so', () => {
    const aggregate = network();
    const none = personalInvitationDraft({ aggregate: { ...aggregate, meetings: [] }, now: NOW }, person(aggregate, 'p1'));
    expect(none.text).toContain('Datoerne for møderne følger.');
    aggregate.meetings = aggregate.meetings.map((m) => ({ ...m, online: true }));
    expect(personalInvitationDraft({ aggregate, now: NOW }, person(aggregate, 'p1')).text).toContain('kl. 09:00–12:00, online i Teams');
  });

  test('in the network’s language: English for an English network', () => {
    const aggregate = network();
    aggregate.network.locale = 'en';
    const { subject, text } = personalInvitationDraft({ aggregate, now: NOW }, person(aggregate, 'p1'));
    expect(subject).toBe('Invitation to the network “Ensomhed blandt ældre”');
    expect(text.startsWith('Dear Helle Hansen,\n\nI am starting a new network')).toBe(true);
    expect(text).toContain('As a core participant you take part in all the network’s 5 meetings:\n• Network meeting 1 of 5: Monday 16.03.2026, 09:00–12:00');
    expect(text).not.toMatch(/Kære|møde/);
  });
});

describe('the common invitation', () => {
  test('follows the handbook’s example: what it is about, why, expectations, the meetings, how to sign up, what happens next', () => {
    const { subject, text } = commonInvitationDraft({ aggregate: network(), now: NOW });
    expect(subject).toBe('Vil du være med i netværket „Ensomhed blandt ældre“?');
    const order = [
      'Kære kollega',
      'Vil du være med i et nyt netværk, „Ensomhed blandt ældre“? Netværket arbejder med temaet: Hvordan mindsker vi ensomhed blandt ældre borgere?',
      'Derfor er temaet vigtigt: Hver femte ældre',
      'Udfordringen: Vi når ikke dem',
      'Det drømmer vi om: At ingen ældre er ufrivilligt ensomme.',
      'Det skaber værdi for: De ældre, de pårørende og medarbejderne.',
      'Netværket har en fast kerne af deltagere',
      'Til sidst afleverer netværket sine anbefalinger til Chefforum.',
      'Vi mødes 5 gange:\n• Netværksmøde 1 af 5: mandag 16.03.2026 kl. 09:00–12:00, Rådhuset, lokale 129',
      '• Afsluttende møde: mandag 29.06.2026',
      'Du tilmelder dig ved at skrive til mig på anna@kommune.dk.',
      'Herefter får du en bekræftelse, og møderne bliver booket i din kalender.',
      'Jeg håber at høre fra dig.',
      'Med venlig hilsen\nAnna Andersen\nNetværksleder',
    ];
    const at = order.map((part) => text.indexOf(part));
    expect(at.filter((index) => index < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('without the leader’s e-mail: sign up by answering; an empty theme unfolding leaves its lines out', () => {
    const aggregate = network();
    aggregate.network.leader = { name: 'Anna Andersen' };
    aggregate.theme = undefined;
    const { text } = commonInvitationDraft({ aggregate, now: NOW });
    expect(text).toContain('Du tilmelder dig ved at svare mig på denne invitation.');
    expect(text).not.toMatch(/Derfor er temaet vigtigt|Udfordringen|drømmer/);
  });
});

describe('excerpts of the theme’s answers', () => {
  test('short answers as written on one line; long ones cut at a sentence, else a word', () => {
    expect(excerpt('  En sætning.\nTo  ')).toBe('En sætning. To');
    const long = `${'Første sætning er ret lang og siger noget. '.repeat(6)}Og så videre uden ende ${'ord '.repeat(100)}`;
    const cut = excerpt(long, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('noget.')).toBe(true);
    const words = excerpt('ord '.repeat(200), 50);
    expect(words).toMatch(/^(ord )+…$/);
    expect(words.length).toBeLessThanOrEqual(50);
  });
});

describe('the overview the tab gets', () => {
  test('a saved text wins over the draft, with its version and status; the draft is always there to start over', () => {
    const aggregate = network();
    aggregate.invitation = { subject: 'Gemt emne', text: 'Gemt tekst', etag: 'c1', updatedBy: 'Anna Andersen' };
    aggregate.invitations = [{ participantId: 'p1', subject: 'Til Helle', text: 'Kære Helle', status: 'accepted', via: 'teams', sentAt: 's', answeredAt: 'a', etag: 'p1e' }];
    const view = invitationsOverview({ aggregate, now: NOW });
    expect(view.language).toBe('da');
    expect(view.common).toMatchObject({ subject: 'Gemt emne', text: 'Gemt tekst', saved: true, etag: 'c1' });
    expect(view.common.draft.subject).toBe('Vil du være med i netværket „Ensomhed blandt ældre“?');
    const helle = view.personal.find((p) => p.participantId === 'p1')!;
    expect(helle).toMatchObject({ name: 'Helle Hansen', email: 'helle@kommune.dk', hasTeams: false, text: 'Kære Helle', saved: true, status: 'accepted', via: 'teams', etag: 'p1e' });
    const jens = view.personal.find((p) => p.participantId === 'p2')!;
    expect(jens).toMatchObject({ saved: false, text: jens.draft.text });
    expect(jens.status).toBeUndefined();
    expect(view.personal).toHaveLength(aggregate.participants.length);
  });
});
