import { defaultPhasePlan } from '../../bot/domain/phases';
import type { PhaseStep } from '../../bot/domain/model';
import { entityIdOf, teamsPageTarget } from '../../tabs/src/networks/networkDraft';
import { deliveryStepOf } from '../../tabs/src/plan/timeline/weeks';
import { aNetwork } from '../support/fixtures';

// Links between a network's plan and its delivery to Chefforum (tabs/src/networks/TabLink.tsx): in a Teams channel a
// click asks Teams for the channel's tab of that page; anywhere else — and from the very tab it would open — the link
// is followed where it is. And which step of the process timeline carries the link to the delivery.

const NETWORK = '5d0c2a1e-8f5b-4a43-9a57-2f3f0b1c9d10';

describe('where a link to the plan or the delivery goes', () => {
  test('outside Teams (a browser, the tests): the link itself', () => {
    expect(teamsPageTarget({ inTeams: false }, NETWORK, 'delivery')).toBeUndefined();
  });

  test('in the personal tab (Mine netværk, no channel): the link itself, in the tab', () => {
    expect(teamsPageTarget({ inTeams: true, context: { page: { id: 'mynetworks' } } }, NETWORK, 'delivery')).toBeUndefined();
  });

  test('in a channel’s plan tab: Teams is asked for the channel’s delivery tab of the same network', () => {
    const host = { inTeams: true, context: { channel: { id: '19:abc@thread.tacv2' }, page: { id: entityIdOf(NETWORK, 'plan') } } };
    expect(teamsPageTarget(host, NETWORK, 'delivery')).toBe(`delivery-${NETWORK}`);
  });

  test('in a channel’s delivery tab: back to the channel’s plan tab', () => {
    const host = { inTeams: true, context: { channel: { id: '19:abc@thread.tacv2' }, page: { id: entityIdOf(NETWORK, 'delivery') } } };
    expect(teamsPageTarget(host, NETWORK, 'plan')).toBe(NETWORK);
  });

  test('a link to the page this very tab shows (the delivery opened inside the plan tab, back to the plan) opens in it', () => {
    const host = { inTeams: true, context: { channel: { id: '19:abc@thread.tacv2' }, page: { id: NETWORK } } };
    expect(teamsPageTarget(host, NETWORK, 'plan')).toBeUndefined();
  });
});

describe('the timeline step that links to the delivery', () => {
  const step = (id: string, kind: PhaseStep['kind'], startWeek: number, endWeek = startWeek): PhaseStep => ({ id, kind, title: id, description: '', startWeek, endWeek });

  test('the handbook’s template: the delivery at the end, not Chefforum choosing the theme at the start', () => {
    const { steps } = defaultPhasePlan(aNetwork(), 'da', []);
    const id = deliveryStepOf(steps);
    expect(id).toBe('chefforum-delivery');
    expect(steps.find((s) => s.id === 'chefforum-start')).toBeDefined();
  });

  test('the last Chefforum step the leader placed; none when the only one is the start', () => {
    expect(deliveryStepOf([step('a', 'chefforum', 1), step('b', 'phase', 2, 20), step('c', 'chefforum', 26), step('d', 'chefforum', 12)])).toBe('c');
    expect(deliveryStepOf([step('a', 'chefforum', 1), step('b', 'phase', 2, 20)])).toBeUndefined();
    expect(deliveryStepOf([])).toBeUndefined();
  });
});
