import { pageOpening, partsFor } from '../../tabs/src/plan/opening';

// What the plan page asks for before its script has run (tabs/src/plan/early.ts): the opening view, and the plan's
// own rows only when that view needs no more.

const at = (search: string, hash: string) => pageOpening({ search, hash });

describe('the plan page’s opening', () => {
  test('a planning section opens on the plan’s own rows, with its own code', () => {
    expect(at('?networkId=n', '#planner')).toEqual({ view: 'planner', parts: 'plan' });
    expect(at('?networkId=n', '#agenda:m1')).toEqual({ view: 'agenda', parts: 'plan' });
    for (const section of ['meetings', 'timeline'] as const) expect(partsFor(section)).toBe('plan');
  });

  test('whatever shows reflections, ideas, summaries, invitations or theme revisions asks for everything', () => {
    expect(at('?networkId=n', '#summary:m1')).toEqual({ view: 'summary', parts: 'all' });
    expect(at('?networkId=n', '#ideas')).toEqual({ view: 'analysis', parts: 'all' });
    expect(at('?networkId=n', '')).toEqual({ view: 'theme', parts: 'all' });
    for (const section of ['theme', 'participants', 'invitations', 'reflections', 'calendar', undefined] as const) expect(partsFor(section)).toBe('all');
  });

  test('the print view and the meeting side panel need everything', () => {
    expect(at('?networkId=n&view=print', '#planner')).toEqual({ view: 'print', parts: 'all' });
    expect(at('?networkId=n&view=sidepanel', '#planner')).toEqual({ view: 'sidePanel', parts: 'all' });
  });
});
