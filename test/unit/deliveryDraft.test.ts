import {
  applyAnswers,
  deliveryBody,
  draftErrors,
  draftOf,
  dropIndex,
  fillEmpty,
  mergeDrafts,
  moveTo,
  type DeliveryDraft,
  type Suggestion,
} from '../../tabs/src/delivery/deliveryDraft';

// The delivery tab's draft rules (tabs/src/delivery/deliveryDraft.ts): filling from the server's suggestion never
// overwrites the leader's text, moving and dropping recommendations, the merge after a conflict, and the PUT body.

const empty = (): DeliveryDraft => draftOf(undefined);
const suggestion: Suggestion = {
  theme: 'Socialøkonomi',
  knowledgeSummary: 'Det har vi lært.',
  practiceChanges: 'Jobcentret henviser.',
  recommendations: [{ id: 'n1', text: 'Én indgang' }, { id: 'n2', text: 'Sociale klausuler' }],
  other: '',
  dissemination: [],
  status: 'draft',
};

describe('filling from the summaries and the analysis', () => {
  test('empty fields are filled, nothing is asked', () => {
    const result = fillEmpty(empty(), suggestion);
    expect(result.filled).toEqual(['theme', 'knowledgeSummary', 'practiceChanges', 'recommendations']);
    expect(result.questions).toEqual([]);
    expect(result.draft.recommendations.map((r) => [r.id, r.text])).toEqual([['n1', 'Én indgang'], ['n2', 'Sociale klausuler']]);
  });

  test('the leader’s own text stays and becomes a question; recommendations already there are not added twice', () => {
    const mine = { ...empty(), practiceChanges: 'Min egen tekst', knowledgeSummary: ' Det har vi lært. ', recommendations: [{ key: 'a', text: 'én  INDGANG' }] };
    const result = fillEmpty(mine, suggestion);
    expect(result.draft.practiceChanges).toBe('Min egen tekst');
    expect(result.filled).toEqual(['theme']);
    expect(result.questions).toEqual([{ field: 'practiceChanges', suggestion: 'Jobcentret henviser.' }]);
    expect(result.missingRecommendations.map((r) => r.text)).toEqual(['Sociale klausuler']);
    expect(result.draft.recommendations).toEqual(mine.recommendations);

    const answered = applyAnswers(result.draft, result.questions, result.missingRecommendations);
    expect(answered.practiceChanges).toBe('Jobcentret henviser.');
    expect(answered.recommendations.map((r) => r.text)).toEqual(['én  INDGANG', 'Sociale klausuler']);
    expect(applyAnswers(result.draft, [], [])).toEqual(result.draft);
  });

  test('the filled fields are named in the order of the form ("Andet" after the recommendations)', () => {
    const result = fillEmpty(empty(), { ...suggestion, other: 'Idéer fra idéparkeringspladsen: …' });
    expect(result.filled).toEqual(['theme', 'knowledgeSummary', 'practiceChanges', 'recommendations', 'other']);
    expect(result.draft.other).toBe('Idéer fra idéparkeringspladsen: …');
  });
});

describe('moving recommendations', () => {
  test('moveTo and where a drop lands', () => {
    expect(moveTo(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveTo(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveTo(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
    // Dropped on the upper half of item 0: first. On the lower half of the last: last.
    expect(dropIndex(2, 0, true)).toBe(0);
    expect(dropIndex(0, 2, false)).toBe(2);
    // On its own neighbour's near half: stays.
    expect(dropIndex(1, 2, true)).toBe(1);
    expect(dropIndex(1, 0, false)).toBe(1);
  });
});

describe('after a conflict', () => {
  test('what the leader changed stays hers; the rest takes the latest version', () => {
    const base = { ...empty(), theme: 'A', other: '', recommendations: [{ key: 'x', id: 'x', text: 'X' }] };
    const mine = { ...base, other: 'Mit' };
    const latest = { ...base, theme: 'B', recommendations: [{ key: 'y', id: 'y', text: 'Y' }] };
    expect(mergeDrafts(base, mine, latest)).toMatchObject({ theme: 'B', other: 'Mit', recommendations: [{ id: 'y', text: 'Y' }] });
    const reordered = { ...mine, recommendations: [{ key: 'z', text: 'Z' }, ...base.recommendations] };
    expect(mergeDrafts(base, reordered, latest).recommendations.map((r) => r.text)).toEqual(['Z', 'X']);
  });
});

test('the PUT body: trimmed, ids kept, blank dissemination rows left out; errors for blank recommendations and rows without who', () => {
  const draft: DeliveryDraft = {
    ...empty(),
    theme: ' Tema ',
    recommendations: [{ key: 'n1', id: 'n1', text: ' Én ' }, { key: 'new1', text: 'To' }, { key: 'new2', text: '  ' }],
    dissemination: [
      { key: 'r1', who: 'Lene', channel: 'Chefforum', when: '' },
      { key: 'r2', who: '', channel: '', when: ' ' },
      { key: 'r3', who: '', channel: 'Intranet', when: '' },
    ],
  };
  expect(draftErrors(draft, { recommendation: 'R', who: 'W' })).toEqual({ recommendations: { new2: 'R' }, who: { r3: 'W' } });
  const body = deliveryBody({ ...draft, recommendations: draft.recommendations.slice(0, 2), dissemination: draft.dissemination.slice(0, 2) }, 'sentToReferenceLeader');
  expect(body).toEqual({
    theme: 'Tema',
    knowledgeSummary: '',
    practiceChanges: '',
    recommendations: [{ id: 'n1', text: 'Én' }, { text: 'To' }],
    other: '',
    dissemination: [{ who: 'Lene', channel: 'Chefforum', when: '' }],
    status: 'sentToReferenceLeader',
  });
});
