import { buildIdeaLotCard, IDEA_TEXT_INPUT_ID, IDEA_VERBS, ideaOrder, statusInputId, type IdeaLotCardInput } from '../../../bot/ideas/card';
import type { Idea } from '../../../bot/domain/model';
import { idea, mixedIdeas, objects, ofType, runTexts, type Json } from './cardKit';

// The idea parking lot ("P-plads", seed 002) in the network's channel.

const network = { id: 'n1', name: 'Ensomhed blandt ældre' };
const build = (overrides: Partial<IdeaLotCardInput> = {}) =>
  buildIdeaLotCard({ network, ideas: mixedIdeas(), locale: 'da', viewer: { isLeader: false, userId: 'u-viewer' }, ...overrides });

/** Each listed idea's block: its id (from its actions or inputs), text and what can be done with it. */
function blocks(card: ReturnType<typeof build>) {
  return (card.body.filter((e) => e.type === 'Container') as Json[]).map((container) => {
    const nodes = objects(container).map(({ node }) => node);
    const executes = nodes.filter((n) => n.type === 'Action.Execute');
    return {
      text: runTexts(container)[0],
      verbs: executes.map((a) => a.verb),
      ideaIds: [...new Set(executes.map((a) => (a.data as { ideaId: string }).ideaId))],
      statusInputs: nodes.filter((n) => n.type === 'Input.ChoiceSet'),
    };
  });
}

describe('the idea parking lot card', () => {
  it('lists parked ideas without an owner first (newest first), dropped ideas last', () => {
    // Within a status, ideas without an owner come first: the dropped idea with an owner is the very last.
    expect(blocks(build()).map((b) => b.text)).toEqual([
      'Idé parked-free-new',
      'Idé parked-free-old',
      'Idé parked-owned-by-viewer',
      'Idé takenOn-owned',
      'Idé tested-owned',
      'Idé dropped-old',
      'Idé dropped-new',
    ]);
  });

  it('sorts with ideaOrder by status, then owner, then newest', () => {
    const sorted = [...mixedIdeas()].sort(ideaOrder).map((i) => i.id);
    expect(sorted[0]).toBe('parked-free-new');
    expect(sorted.slice(-2)).toEqual(['dropped-old', 'dropped-new']);
    const newerFree = idea('b', { status: 'takenOn', createdAt: '2026-03-17T00:00:00Z' });
    const olderFree = idea('a', { status: 'takenOn', createdAt: '2026-03-16T00:00:00Z' });
    expect([olderFree, newerFree].sort(ideaOrder).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('shows status, owner and who raised each idea', () => {
    const texts = runTexts(build());
    expect(texts).toContain('Parkeret · Mangler tovholder · fra Helle Hansen');
    expect(texts).toContain('Taget op · Tovholder: Sara Nielsen · fra Helle Hansen');
    expect(runTexts(build({ locale: 'en' }))).toContain('Dropped · Owner: Mette Berg · from Helle Hansen');
  });

  it('shows no status controls to a participant', () => {
    const card = build();
    expect(ofType(card, 'Input.ChoiceSet')).toEqual([]);
    expect(objects(card).some(({ node }) => node.verb === IDEA_VERBS.status)).toBe(false);
  });

  it('offers ownership only of ideas nobody owns yet (taking over is the leaders’ call, in the tab), never of dropped ones', () => {
    const owning = blocks(build()).filter((b) => b.verbs.includes(IDEA_VERBS.own)).map((b) => b.text);
    expect(owning).toEqual(['Idé parked-free-new', 'Idé parked-free-old']);
    for (const taken of ['Idé parked-owned-by-viewer', 'Idé takenOn-owned', 'Idé tested-owned']) {
      expect(blocks(build()).find((b) => b.text === taken)!.verbs).toEqual([]);
    }
  });

  it('offers the same to everyone in the channel’s shared view (viewer unknown)', () => {
    const owning = blocks(build({ viewer: { isLeader: false } })).filter((b) => b.verbs.includes(IDEA_VERBS.own));
    expect(owning.map((b) => b.text)).toEqual(['Idé parked-free-new', 'Idé parked-free-old']);
  });

  it('gives a leader a status choice and a save button on every idea', () => {
    const card = build({ viewer: { isLeader: true, userId: 'u-leader' } });
    for (const block of blocks(card)) {
      expect(block.verbs).toContain(IDEA_VERBS.status);
      expect(block.statusInputs).toHaveLength(1);
      const [ideaId] = block.ideaIds;
      expect(block.statusInputs[0]).toMatchObject({ id: statusInputId(ideaId!), label: 'Status' });
    }
    const choiceSet = ofType(card, 'Input.ChoiceSet').find((c) => c.id === statusInputId('takenOn-owned'))!;
    expect(choiceSet.value).toBe('takenOn');
    expect(choiceSet.choices).toEqual([
      { title: 'Parkeret', value: 'parked' },
      { title: 'Taget op', value: 'takenOn' },
      { title: 'Testet', value: 'tested' },
      { title: 'Fravalgt', value: 'dropped' },
    ]);
  });

  it('shows a leader no "take ownership" button for the leader’s own idea', () => {
    const card = build({ viewer: { isLeader: true, userId: 'u-viewer' } });
    const own = blocks(card).find((b) => b.text === 'Idé parked-owned-by-viewer')!;
    expect(own.verbs).toEqual([IDEA_VERBS.status]);
  });

  it('carries network and idea in the data of every idea action', () => {
    const card = build({ viewer: { isLeader: true } });
    const own = objects(card).map(({ node }) => node).find((n) => n.type === 'Action.Execute' && n.verb === IDEA_VERBS.own)!;
    expect(own.data).toEqual({ networkId: 'n1', ideaId: 'parked-free-new', verb: 'idea.own' });
  });

  it('has an input for a new idea and a button to park it', () => {
    const card = build();
    expect(ofType(card, 'Input.Text')).toEqual([expect.objectContaining({ id: IDEA_TEXT_INPUT_ID, label: 'Ny idé', maxLength: 1000, isMultiline: true })]);
    expect(card.actions![0]).toMatchObject({ type: 'Action.Execute', verb: 'idea.add', title: 'Parkér idé', style: 'positive', data: { networkId: 'n1', verb: 'idea.add' } });
  });

  it('refreshes with ideas.refresh for the leaders', () => {
    expect(build({ refreshUserIds: ['u-leader'] }).refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'ideas.refresh', data: { networkId: 'n1', verb: 'ideas.refresh' } },
      userIds: ['u-leader'],
    });
  });

  it('says so when there are no ideas yet', () => {
    expect(runTexts(build({ ideas: [] }))).toContain('Ingen idéer endnu.');
    expect(runTexts(build({ ideas: [], locale: 'en' }))).toContain('No ideas yet.');
    expect(blocks(build({ ideas: [] }))).toEqual([]);
  });

  it('lists 25 of 200 ideas and counts the rest', () => {
    const ideas: Idea[] = Array.from({ length: 200 }, (_, i) => idea(`i${i}`, { createdAt: `2026-03-16T12:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z` }));
    const card = build({ ideas });
    expect(blocks(card)).toHaveLength(25);
    expect(runTexts(card)).toContain('… og 175 flere i fanen.');
  });

  it('shows a notice at the top', () => {
    expect(runTexts(build({ notice: 'Idéen er parkeret' }))[2]).toBe('Idéen er parkeret');
  });
});
