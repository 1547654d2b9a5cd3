import type { ThemeRevision } from '../../../bot/domain/model';
import { changesInRevision, diffThemes, mergeThemes, sameTheme, themeSnapshot } from '../../../bot/domain/themeDiff';

const revision = (number: number, theme: string, unfolding: Partial<ThemeRevision['unfolding']> = {}): ThemeRevision => ({
  revision: number,
  savedAt: `2026-03-0${number}T10:00:00.000Z`,
  savedBy: number % 2 ? 'Lene Holm' : 'Omar Said',
  theme,
  unfolding: {
    whyInteresting: '',
    challengeAndConsequences: '',
    potentialOrDream: '',
    valueForWhom: '',
    whereFelt: '',
    subthemesApproach: '',
    contributors: '',
    characteristics: {},
    ...unfolding,
  },
});

describe('what changed in the theme', () => {
  it('lists changed answers in the handbook’s order, heading first, with before and after', () => {
    const before = themeSnapshot('Deleøkonomi', { whyInteresting: 'Oppe i tiden', contributors: 'Borgere' });
    const after = themeSnapshot('Deleøkonomi i kommunen', { whyInteresting: 'Oppe i tiden', contributors: 'Borgere og virksomheder', potentialOrDream: 'Færre indkøb' });
    expect(diffThemes(before, after)).toEqual([
      { kind: 'text', field: 'theme', before: 'Deleøkonomi', after: 'Deleøkonomi i kommunen' },
      { kind: 'text', field: 'potentialOrDream', before: '', after: 'Færre indkøb' },
      { kind: 'text', field: 'contributors', before: 'Borgere', after: 'Borgere og virksomheder' },
    ]);
  });

  it('ignores spaces the server trims away, so an untouched form is not a change', () => {
    const saved = themeSnapshot('Frivillighed', { whyInteresting: 'Mange vil gerne hjælpe' });
    const typed = themeSnapshot(' Frivillighed ', { whyInteresting: 'Mange vil gerne hjælpe\n' });
    expect(diffThemes(saved, typed)).toEqual([]);
    expect(sameTheme(saved, typed)).toBe(true);
  });

  it('treats a characteristic nobody touched as not met without a note', () => {
    const before = themeSnapshot('Tema', { characteristics: { crossCutting: { met: false } } });
    const after = themeSnapshot('Tema', { characteristics: { crossCutting: { met: false, note: ' ' } } });
    expect(diffThemes(before, after)).toEqual([]);
  });

  it('reports a ticked characteristic and a changed note with both states', () => {
    const before = themeSnapshot('Tema', { characteristics: { complexity: { met: true, note: 'Ingen kender løsningen' } } });
    const after = themeSnapshot('Tema', {
      characteristics: { citizenWelfare: { met: true }, complexity: { met: true, note: 'Ingen kender løsningen endnu' } },
    });
    expect(diffThemes(before, after)).toEqual([
      { kind: 'characteristic', characteristic: 'citizenWelfare', before: { met: false, note: '' }, after: { met: true, note: '' } },
      {
        kind: 'characteristic',
        characteristic: 'complexity',
        before: { met: true, note: 'Ingen kender løsningen' },
        after: { met: true, note: 'Ingen kender løsningen endnu' },
      },
    ]);
  });

  it('counts every filled-in field of the first version as new', () => {
    const changes = diffThemes(undefined, themeSnapshot('Socialøkonomi', { whereFelt: 'Jobcentret', characteristics: { newLearning: { met: true } } }));
    expect(changes.map((c) => (c.kind === 'text' ? c.field : c.characteristic))).toEqual(['theme', 'whereFelt', 'newLearning']);
    expect(changes[0]).toEqual({ kind: 'text', field: 'theme', before: '', after: 'Socialøkonomi' });
  });
});

describe('changes in a revision', () => {
  const revisions = [
    revision(1, 'Socialøkonomi', { whyInteresting: 'Mange ledige' }),
    revision(2, 'Socialøkonomi og beskæftigelse', { whyInteresting: 'Mange ledige' }),
    revision(4, 'Socialøkonomi og beskæftigelse', { whyInteresting: 'Mange ledige kan komme i job' }),
  ];

  it('compares a revision with the one before it', () => {
    const result = changesInRevision(revisions, 2)!;
    expect(result.previous?.revision).toBe(1);
    expect(result.changes).toEqual([{ kind: 'text', field: 'theme', before: 'Socialøkonomi', after: 'Socialøkonomi og beskæftigelse' }]);
  });

  it('compares with the nearest earlier revision when numbers are missing, whatever the list order', () => {
    const result = changesInRevision([...revisions].reverse(), 4)!;
    expect(result.previous?.revision).toBe(2);
    expect(result.changes).toEqual([
      { kind: 'text', field: 'whyInteresting', before: 'Mange ledige', after: 'Mange ledige kan komme i job' },
    ]);
  });

  it('shows the first revision as all new, and knows nothing of unknown numbers', () => {
    const first = changesInRevision(revisions, 1)!;
    expect(first.previous).toBeUndefined();
    expect(first.changes.map((c) => (c.kind === 'text' ? c.field : c.characteristic))).toEqual(['theme', 'whyInteresting']);
    expect(changesInRevision(revisions, 3)).toBeUndefined();
  });

  it('says so when a save changed nothing', () => {
    const same = [revision(1, 'Tema', { whyInteresting: 'A' }), revision(2, 'Tema', { whyInteresting: 'A' })];
    expect(changesInRevision(same, 2)!.changes).toEqual([]);
  });
});

describe('keeping the user’s text after a conflict', () => {
  const base = themeSnapshot('Frivillighed', { whyInteresting: 'A', potentialOrDream: 'B', characteristics: { complexity: { met: false } } });

  it('takes the others’ changes where the user typed nothing, and keeps the user’s own changes', () => {
    const draft = { ...base, potentialOrDream: 'B — min drøm', characteristics: { complexity: { met: true, note: 'Ingen kender svaret' } } };
    const latest = { ...base, whyInteresting: 'A, skrevet af Omar' };
    const { merged, conflicts } = mergeThemes(base, draft, latest);
    expect(merged).toMatchObject({ whyInteresting: 'A, skrevet af Omar', potentialOrDream: 'B — min drøm' });
    expect(merged.characteristics.complexity).toEqual({ met: true, note: 'Ingen kender svaret' });
    expect(conflicts).toEqual([]);
  });

  it('reports a field both changed differently, keeping the user’s text in it', () => {
    const draft = { ...base, whyInteresting: 'A — Lenes version' };
    const latest = { ...base, whyInteresting: 'A — Omars version', theme: 'Frivillighed i kommunen' };
    const { merged, conflicts } = mergeThemes(base, draft, latest);
    expect(merged.whyInteresting).toBe('A — Lenes version');
    expect(merged.theme).toBe('Frivillighed i kommunen');
    expect(conflicts).toEqual([{ kind: 'text', field: 'whyInteresting', before: 'A — Omars version', after: 'A — Lenes version' }]);
  });

  it('is no conflict when both wrote the same', () => {
    const same = { ...base, contributors: 'Borgere' };
    expect(mergeThemes(base, same, same)).toEqual({ merged: same, conflicts: [] });
  });
});
