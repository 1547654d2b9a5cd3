import { saveMyReflection } from '../../../bot/reflections/operations';
import { addAnalysisNote, changeAnalysisNote, deleteAnalysisNote } from '../../../bot/analysis/operations';
import { MAX } from '../../../bot/domain/schemas';
import { aNetworkAggregate, as, BIRGITTE, HELLE, JENS, LENE, reasonOf, ULLA } from './context';

// My reflection and the analysis notes, pure: the same operation behind the card and the tab.

const answers = (answer: string) => ({ answers: [{ question: 'Hvad tager du med?', answer }], shared: false });

describe('saving my reflection', () => {
  test('is the actor’s own, by their participant row; the first save creates, the next updates', () => {
    const first = saveMyReflection(as(HELLE), { meetingId: 'm1', input: answers('Mere tid') });
    expect(first.ok && first.value).toMatchObject({ meetingId: 'm1', participantId: 'p-helle', shared: false, submittedAt: '2027-01-20T12:00:00.000Z', updatedBy: 'Helle Hansen' });
    expect(first.ok && first.rows[0]).toMatchObject({ op: 'create', kind: 'reflection', ids: ['m1', 'p-helle'] });
    const aggregate = first.ok ? { ...first.next, reflections: first.next.reflections.map((r) => ({ ...r, etag: 'r1' })) } : aNetworkAggregate();
    const again = saveMyReflection(as(HELLE, aggregate), { meetingId: 'm1', input: answers('Endnu mere tid') });
    expect(again.ok && again.rows[0]).toMatchObject({ op: 'update', etag: 'r1' });
    expect(reasonOf(saveMyReflection(as(HELLE, aggregate), { meetingId: 'm1', input: answers('x'), versionRequired: true }))).toBe('versionRequired');
    expect(reasonOf(saveMyReflection(as(HELLE, aggregate), { meetingId: 'm1', input: answers('x'), etag: 'r0' }))).toBe('stale');
  });

  test('refused: no participant row (a leader, the reference leader, an outsider), a closed or unknown meeting, too long an answer', () => {
    for (const actor of [LENE, BIRGITTE, ULLA]) expect(reasonOf(saveMyReflection(as(actor), { meetingId: 'm1', input: answers('x') }))).toBe('notParticipant');
    expect(reasonOf(saveMyReflection(as(JENS), { meetingId: 'm2', input: answers('for sent') }))).toBe('meetingClosed');
    expect(reasonOf(saveMyReflection(as(JENS), { meetingId: 'm404', input: answers('x') }))).toBe('notFound');
    const long = saveMyReflection(as(JENS), { meetingId: 'm1', input: answers('x'.repeat(MAX.long + 1)) });
    expect(long).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: 'answers.0.answer', key: 'validation.tooLong' }] });
  });
});

describe('analysis notes', () => {
  test('anyone in the network adds one, named as the network records them; the category must exist', () => {
    const added = addAnalysisNote(as(JENS), { categoryId: 'c1', text: 'Vi vil innovere, men må ikke fejle' });
    expect(added.ok && added.value).toMatchObject({ categoryId: 'c1', priority: 'open', author: { name: 'Jens Jensen', email: 'jens@kommune.example', userId: 'u-jens' } });
    expect(addAnalysisNote(as(JENS), { categoryId: 'c404', text: 'x' })).toMatchObject({ ok: false, reason: 'rules', issues: [{ key: 'validation.unknownCategory' }] });
    expect(addAnalysisNote(as(JENS), { categoryId: '', text: '' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(reasonOf(addAnalysisNote(as(JENS), { categoryId: 'c1', text: 'x'.repeat(MAX.medium + 1) }))).toBe('invalid');
    expect(reasonOf(addAnalysisNote(as(BIRGITTE), { categoryId: 'c1', text: 'x' }))).toBe('notContributor');
  });

  test('its author or a leader changes or deletes it; nobody else', () => {
    const added = addAnalysisNote(as(JENS), { categoryId: 'c1', text: 'Mønster' });
    if (!added.ok) throw new Error('not added');
    const aggregate = { ...added.next, analysisNotes: [{ ...added.value, etag: 'n1' }] };
    const id = added.value.id;
    expect(reasonOf(changeAnalysisNote(as(HELLE, aggregate), id, { priority: 'prioritised' }))).toBe('notYours');
    expect(reasonOf(deleteAnalysisNote(as(HELLE, aggregate), id))).toBe('notYours');
    expect(reasonOf(changeAnalysisNote(as(JENS, aggregate), id, { priority: 'prioritised' }, 'n1'))).toBe('ok');
    expect(reasonOf(changeAnalysisNote(as(LENE, aggregate), id, { priority: 'sideways' }))).toBe('invalid');
    expect(reasonOf(deleteAnalysisNote(as(LENE, aggregate), id, 'n0'))).toBe('stale');
    expect(reasonOf(deleteAnalysisNote(as(LENE, aggregate), id, 'n1'))).toBe('ok');
  });
});
