import { prefillDelivery } from '../../bot/delivery/prefill';
import { MAX } from '../../bot/domain/limits';
import type { AnalysisCategory, AnalysisNote, Idea, NetworkAggregate, Summary } from '../../bot/domain/model';
import { deliverySaveSchema } from '../../bot/domain/schemas';
import { plannedNetwork } from './domain/fixtures';

// The delivery's draft (bot/delivery/prefill.ts) as the handbook's template asks (fase 4, "Leverance til Chefforum"):
// prioritised recommendations from what the group prioritised in the analysis — the patterns across categories and
// the prioritised notes, in the categories' order — and from the ideas someone took on or tested, with their tovholder;
// the knowledge summary and the changed practice from the meetings' joint summaries; the ideas still parked under
// "Andet". Left-out and open notes, dropped ideas and ideas nobody owns are no recommendations.

const mette = { name: 'Mette Berg', email: 'mette@kommune.dk' };
const helle = { name: 'Helle Hansen', email: 'helle@kommune.dk' };

const category = (id: string, title: string, order: number, preset?: AnalysisCategory['preset']): AnalysisCategory => ({ id, title, order, ...(preset ? { preset } : {}) });
const note = (id: string, categoryId: string, text: string, priority: AnalysisNote['priority'], pattern?: string): AnalysisNote => ({
  id, categoryId, text, priority, author: helle, ...(pattern ? { pattern } : {}),
});
const idea = (id: string, text: string, status: Idea['status'], createdAt: string, owner?: Idea['owner']): Idea => ({
  id, text, status, createdAt, raisedBy: helle, ...(owner ? { owner } : {}),
});
const summary = (meetingId: string, fields: Partial<Summary>): Summary => ({
  meetingId, themeAndPotentials: '', statementsAndKnowledge: '', contactsForKnowledge: '', potentials: '', keyLearningPoints: '', waysToUseLearning: '', ...fields,
});

/** "Ensomhed blandt ældre" after its closing meeting: summaries of three meetings, the analysis, the idea parking lot. */
function analysedNetwork(): NetworkAggregate {
  const network = plannedNetwork();
  return {
    ...network,
    summaries: [
      // Stored out of order: the draft follows the series.
      summary('m3', { keyLearningPoints: 'Frivillige vil gerne, men ingen spørger dem.', waysToUseLearning: 'Hjemmeplejen spørger nu til frivillige ved første besøg.' }),
      summary('m1', { statementsAndKnowledge: 'Ensomhed ses først, når den er svær.', waysToUseLearning: '' }),
      summary('m2', { keyLearningPoints: 'Borgerne kender ikke tilbuddene.', waysToUseLearning: 'Biblioteket holder åbent hus for ældre.' }),
    ],
    // The leader chose three categories; "Værdier" was added first but comes last.
    analysisCategories: [category('values', 'Værdier', 2, 'values'), category('treasures', 'Skjulte skatte', 0, 'hiddenTreasures'), category('paradoxes', 'Paradokser', 1, 'paradoxes')],
    analysisNotes: [
      note('v1', 'values', 'Fællesskab før aktivitet', 'prioritised'),
      note('p1', 'paradoxes', 'Vi tilbyder aktiviteter, men ingen henter borgerne', 'prioritised', 'Opsøgende arbejde'),
      note('t1', 'treasures', 'Pensionerede sygeplejersker vil gerne være besøgsvenner', 'prioritised', 'Frivillige'),
      note('t2', 'treasures', 'Tomme lokaler på plejecentrene om eftermiddagen', 'leftOut', 'Lokaler'),
      note('t3', 'treasures', 'Hjemmehjælperne kender de ensomme', 'prioritised', 'opsøgende arbejde '),
      note('p2', 'paradoxes', 'Vi måler på besøg, ikke på ensomhed', 'open'),
      note('v2', 'values', 'Foreningerne vil have flere frivillige', 'prioritised', 'frivillige'),
      note('t4', 'treasures', 'Et årligt træf', 'leftOut'),
    ],
    ideas: [
      idea('i3', 'Besøgsvenner fra seniorklubben', 'tested', '2026-05-11T11:00:00Z', helle),
      idea('i1', 'Én telefonlinje for ensomme ældre', 'takenOn', '2026-04-13T10:00:00Z', mette),
      idea('i2', 'Spisefællesskab på biblioteket', 'parked', '2026-04-13T10:30:00Z'),
      idea('i4', 'Ensomhedsscreening ved 75 år', 'dropped', '2026-05-11T11:30:00Z', mette),
      idea('i5', 'Gåture med hjemmeplejen', 'takenOn', '2026-06-08T09:00:00Z'),
      idea('i6', 'Kort over mødesteder', 'parked', '2026-06-08T09:30:00Z', helle),
    ],
  };
}

describe('the delivery draft from what the group prioritised', () => {
  const draft = prefillDelivery(analysedNetwork());
  const texts = draft.recommendations.map((r) => r.text);

  test('patterns and prioritised notes in the order of the categories, then the ideas taken on with their tovholder', () => {
    expect(texts).toEqual([
      // "Skjulte skatte" first: its first prioritised note opens the pattern "Frivillige" (which also holds a note
      // from "Værdier"), then the pattern "Opsøgende arbejde" (its note from "Paradokser" joins it).
      'Frivillige: Pensionerede sygeplejersker vil gerne være besøgsvenner; Foreningerne vil have flere frivillige',
      'Opsøgende arbejde: Hjemmehjælperne kender de ensomme; Vi tilbyder aktiviteter, men ingen henter borgerne',
      // "Værdier": a prioritised note without a pattern is a recommendation of its own.
      'Fællesskab før aktivitet',
      // Ideas in the order they were parked.
      'Én telefonlinje for ensomme ældre (tovholder: Mette Berg)',
      'Besøgsvenner fra seniorklubben (afprøvet; tovholder: Helle Hansen)',
    ]);
  });

  test('left-out and open notes, dropped ideas and ideas nobody owns are no recommendations', () => {
    const all = texts.join('\n');
    for (const absent of ['Tomme lokaler', 'Lokaler', 'Et årligt træf', 'Vi måler på besøg', 'Ensomhedsscreening', 'Spisefællesskab', 'Gåture', 'Kort over mødesteder']) {
      expect(all).not.toContain(absent);
    }
  });

  test('each recommendation keeps an id the tab can match on a second fill (the note or the idea)', () => {
    expect(draft.recommendations.map((r) => r.id)).toEqual(['t1', 't3', 'v1', 'i1', 'i3']);
  });

  test('"Andet" lists the ideas still to be lifted: parked, or taken on without a tovholder; not the dropped one', () => {
    expect(draft.other).toBe(
      [
        'Idéer fra idéparkeringspladsen, som netværket har givet anledning til, og som kan løftes videre i organisationen:',
        '– Spisefællesskab på biblioteket',
        '– Gåture med hjemmeplejen',
        '– Kort over mødesteder (tovholder: Helle Hansen)',
      ].join('\n'),
    );
  });

  test('knowledge and changed practice come from the joint summaries in the order of the meetings', () => {
    expect(draft.theme).toBe('Hvordan mindsker vi ensomhed blandt ældre borgere?');
    expect(draft.knowledgeSummary).toBe(
      ['Ensomhed ses først, når den er svær.', 'Borgerne kender ikke tilbuddene.', 'Frivillige vil gerne, men ingen spørger dem.'].join('\n\n'),
    );
    expect(draft.practiceChanges).toBe(['Biblioteket holder åbent hus for ældre.', 'Hjemmeplejen spørger nu til frivillige ved første besøg.'].join('\n\n'));
    expect(draft.status).toBe('draft');
    expect(draft.dissemination).toEqual([]);
  });

  test('private reflections never reach the draft', () => {
    const network = analysedNetwork();
    network.reflections = [{ meetingId: 'm2', participantId: 'p1', answers: [{ question: 'Hvad tager du med?', answer: 'Min leder lytter ikke' }], shared: false, submittedAt: '2026-04-14T10:00:00Z' }];
    expect(JSON.stringify(prefillDelivery(network))).not.toContain('Min leder lytter ikke');
  });

  test('in the network’s language: an English network gets "owner", "tested"', () => {
    const network = analysedNetwork();
    network.network = { ...network.network, locale: 'en' };
    const english = prefillDelivery(network);
    expect(english.recommendations.slice(-2).map((r) => r.text)).toEqual([
      'Én telefonlinje for ensomme ældre (owner: Mette Berg)',
      'Besøgsvenner fra seniorklubben (tested; owner: Helle Hansen)',
    ]);
    expect(english.other.split('\n')[0]).toMatch(/^Ideas from the idea parking lot/);
    // The Word document in English of a Danish network asks for English words too.
    expect(prefillDelivery(analysedNetwork(), 'en').recommendations[3]!.text).toBe('Én telefonlinje for ensomme ældre (owner: Mette Berg)');
  });

  test('a network without analysis or ideas gets no recommendations and nothing under "Andet"', () => {
    const bare = prefillDelivery(plannedNetwork());
    expect(bare.recommendations).toEqual([]);
    expect(bare.other).toBe('');
  });

  test('whatever the group wrote, the draft saves: a long pattern is cut within the limit, the tovholder is kept', () => {
    const network = analysedNetwork();
    const long = 'Meget lang note om frivillighed '.repeat(20).trim();
    network.analysisNotes = Array.from({ length: 4 }, (_, n) => note(`l${n}`, 'treasures', `${long} ${n}`, 'prioritised', 'Frivillige'));
    network.ideas = [idea('x', 'Lang idé '.repeat(200).trim(), 'takenOn', '2026-06-08T09:00:00Z', mette)];
    const result = prefillDelivery(network);
    expect(result.recommendations).toHaveLength(2);
    for (const r of result.recommendations) expect(r.text.length).toBeLessThanOrEqual(MAX.medium);
    expect(result.recommendations[0]!.text).toMatch(/^Frivillige: Meget lang note/);
    expect(result.recommendations[0]!.text.endsWith('…')).toBe(true);
    expect(result.recommendations[1]!.text.endsWith('… (tovholder: Mette Berg)')).toBe(true);
    expect(deliverySaveSchema.safeParse(result).success).toBe(true);
  });
});
