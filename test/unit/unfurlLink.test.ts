import { networkLinkOf } from '../../bot/networks/unfurl';

// Which network a pasted link is about (composeExtension/queryLink): the tab pages' own addresses and the Teams deep
// link to the channel tab; anything else is no network's, and an unreadable part is read gracefully, never a crash.

const APP = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const context = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

describe('networkLinkOf', () => {
  it('reads the plan and the delivery page, with the section the address names', () => {
    expect(networkLinkOf('https://netvaerk.example/tabs/plan.html?networkId=n-1')).toEqual({ networkId: 'n-1' });
    expect(networkLinkOf('https://netvaerk.example/tabs/plan.html?networkId=n-1#reflections:m-2')).toEqual({ networkId: 'n-1', target: { section: 'reflections', meetingId: 'm-2' } });
    expect(networkLinkOf('http://localhost:3978/tabs/plan.html?locale=en&networkId=n-1#ukendt')).toEqual({ networkId: 'n-1' });
    expect(networkLinkOf('https://netvaerk.example/tabs/delivery.html?networkId=n-1&view=print')).toEqual({ networkId: 'n-1', target: { section: 'delivery' } });
  });

  it('reads a Teams deep link to the channel tab, its context read gracefully', () => {
    const base = `https://teams.microsoft.com/l/entity/${APP}`;
    expect(networkLinkOf(`${base}/n-1?context=${context({ subEntityId: 'agenda:m-1', channelId: '19:x@thread.tacv2' })}`)).toEqual({
      networkId: 'n-1',
      target: { section: 'agenda', meetingId: 'm-1' },
    });
    expect(networkLinkOf(`${base}/delivery-n-1`)).toEqual({ networkId: 'n-1', target: { section: 'delivery' } });
    expect(networkLinkOf(`${base}/n-1?context=${context('{ikke json')}`)).toEqual({ networkId: 'n-1' });
    expect(networkLinkOf(`${base}/n-1?context=${context({ subEntityId: 42 })}`)).toEqual({ networkId: 'n-1' });
    expect(networkLinkOf(`${base}/n-1?context=${context(['subEntityId'])}`)).toEqual({ networkId: 'n-1' });
    // An entity that is not a network's id: the web address it carries decides.
    expect(networkLinkOf(`${base}/${encodeURIComponent('not an id!')}?webUrl=${context('https://netvaerk.example/tabs/plan.html?networkId=n-2')}`)).toEqual({ networkId: 'n-2' });
  });

  it('is nobody’s link otherwise', () => {
    for (const url of [
      'not a url',
      'javascript:alert(1)',
      'https://netvaerk.example/tabs/plan.html',
      'https://netvaerk.example/tabs/plan.html?networkId=',
      'https://netvaerk.example/tabs/plan.html?networkId=../../etc',
      `https://netvaerk.example/tabs/plan.html?networkId=${'x'.repeat(65)}`,
      'https://netvaerk.example/tabs/index.html?networkId=n-1',
      'https://netvaerk.example/api/networks/n-1',
      `https://teams.microsoft.com/l/entity/${APP}/${encodeURIComponent('%E0%A4%A')}`,
      `https://teams.microsoft.com/l/entity/${APP}/not%20an%20id`,
    ]) {
      expect(networkLinkOf(url)).toBeUndefined();
    }
  });
});
