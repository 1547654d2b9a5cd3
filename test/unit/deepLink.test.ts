import { deepLink, parseLinkTarget, subEntityIdOf, tabPageUrl, type DeepLinkConfig, type LinkTarget } from '../../bot/domain/deepLink';
import { loadConfig } from '../../bot/config/config';
import { linkTargetOf, openingOf } from '../../tabs/src/plan/linkTarget';

// The links back to the tab (issue 18, item 1): what a card or calendar event links to, and how the tab reads it back.

const APP = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const CHANNEL = '19:4a6f1c2e9b8d4f0a@thread.tacv2';
const NETWORK = { id: '5d0c2a1e-8f5b-4a43-9a57-2f3f0b1c9d10', name: 'Ensomhed & fællesskab', channelId: CHANNEL };
const NO_CHANNEL = { ...NETWORK, channelId: undefined };
const PUBLIC = 'https://netvaerk.kommune.dk';
const REFLECTIONS: LinkTarget = { section: 'reflections', meetingId: 'm-2' };

/** The parts of a Teams deep link, decoded. */
function teamsLinkParts(link: string) {
  const url = new URL(link);
  const [, l, entity, appId, entityId] = url.pathname.split('/');
  return {
    host: url.host,
    path: `/${l}/${entity}`,
    appId: decodeURIComponent(appId!),
    entityId: decodeURIComponent(entityId!),
    webUrl: url.searchParams.get('webUrl'),
    label: url.searchParams.get('label'),
    context: JSON.parse(url.searchParams.get('context')!),
  };
}

describe('the link a card or event carries', () => {
  test('in Teams (the app id known, the network in a channel): a deep link to the channel tab at the meeting', () => {
    const link = deepLink({ publicUrl: PUBLIC, teamsAppId: APP }, NETWORK, REFLECTIONS)!;
    expect(link.startsWith(`https://teams.microsoft.com/l/entity/${APP}/${NETWORK.id}?`)).toBe(true);
    expect(teamsLinkParts(link)).toEqual({
      host: 'teams.microsoft.com',
      path: '/l/entity',
      appId: APP,
      entityId: NETWORK.id,
      webUrl: `${PUBLIC}/tabs/plan.html?networkId=${NETWORK.id}#reflections:m-2`,
      label: 'Ensomhed & fællesskab',
      context: { subEntityId: 'reflections:m-2', channelId: CHANNEL },
    });
    // Every value is encoded: no raw JSON, channel id or "&" of the name in the address.
    expect(link).not.toMatch(/[{}"]|19:|& /);
    expect(link).toContain('context=%7B%22subEntityId%22%3A%22reflections%3Am-2%22%2C%22channelId%22%3A%2219%3A4a6f1c2e9b8d4f0a%40thread.tacv2%22%7D');
  });

  test('the delivery links the plan tab (a channel surely has it), which forwards to the delivery', () => {
    const parts = teamsLinkParts(deepLink({ publicUrl: PUBLIC, teamsAppId: APP }, NETWORK, { section: 'delivery' })!);
    expect(parts.entityId).toBe(NETWORK.id);
    expect(parts.context).toEqual({ subEntityId: 'delivery', channelId: CHANNEL });
    expect(parts.webUrl).toBe(`${PUBLIC}/tabs/delivery.html?networkId=${NETWORK.id}`);
  });

  test('the app id known but no public address: the Teams link without a fallback address', () => {
    const parts = teamsLinkParts(deepLink({ teamsAppId: APP }, NETWORK, { section: 'ideas' })!);
    expect(parts.webUrl).toBeNull();
    expect(parts.context).toEqual({ subEntityId: 'ideas', channelId: CHANNEL });
  });

  test('without the Teams app id, or for a network in no channel: the tab page’s own address, with the same target', () => {
    const standalone: DeepLinkConfig = { publicUrl: `${PUBLIC}/`, teamsAppId: APP, standalone: true };
    expect(deepLink({ ...standalone, teamsAppId: undefined }, NETWORK, REFLECTIONS)).toBe(`${PUBLIC}/tabs/plan.html?networkId=${NETWORK.id}#reflections:m-2`);
    expect(deepLink(standalone, NO_CHANNEL, { section: 'agenda', meetingId: 'm-3' })).toBe(`${PUBLIC}/tabs/plan.html?networkId=${NETWORK.id}#agenda:m-3`);
    expect(deepLink(standalone, NO_CHANNEL, { section: 'analysis' })).toBe(`${PUBLIC}/tabs/plan.html?networkId=${NETWORK.id}#analysis`);
    expect(deepLink(standalone, NO_CHANNEL, { section: 'delivery' })).toBe(`${PUBLIC}/tabs/delivery.html?networkId=${NETWORK.id}`);
  });

  test('no link rather than one that cannot open: no public address, or a page that needs Teams’ sign-in', () => {
    expect(deepLink(undefined, NETWORK, REFLECTIONS)).toBeUndefined();
    expect(deepLink({ standalone: true }, NO_CHANNEL, REFLECTIONS)).toBeUndefined();
    expect(deepLink({ standalone: true, teamsAppId: APP }, NO_CHANNEL, REFLECTIONS)).toBeUndefined();
    // Production: the tab page on its own has no sign-in, so only the Teams link, where there is one.
    expect(deepLink({ publicUrl: PUBLIC }, NETWORK, REFLECTIONS)).toBeUndefined();
    expect(deepLink({ publicUrl: PUBLIC, teamsAppId: APP }, NO_CHANNEL, REFLECTIONS)).toBeUndefined();
  });

  test('the same inputs give the same link (a calendar event’s fingerprint stays put)', () => {
    const config = { publicUrl: PUBLIC, teamsAppId: APP };
    expect(deepLink(config, NETWORK, REFLECTIONS)).toBe(deepLink(config, { ...NETWORK }, { ...REFLECTIONS }));
  });
});

describe('sub-entity ids, written and read back', () => {
  test('short and stable: the section, and the meeting for a meeting’s section', () => {
    expect(subEntityIdOf({ section: 'agenda', meetingId: 'm1' })).toBe('agenda:m1');
    expect(subEntityIdOf({ section: 'summary', meetingId: 'm1' })).toBe('summary:m1');
    expect(subEntityIdOf({ section: 'ideas' })).toBe('ideas');
    expect(subEntityIdOf({ section: 'analysis' })).toBe('analysis');
    expect(subEntityIdOf({ section: 'delivery' })).toBe('delivery');
    // A meeting means nothing to a section without a picker.
    expect(subEntityIdOf({ section: 'planner', meetingId: 'm1' })).toBe('planner');
  });

  test.each([
    ['reflections:m-2', { section: 'reflections', meetingId: 'm-2' }],
    ['#agenda:abc_1', { section: 'agenda', meetingId: 'abc_1' }],
    ['#reflections%3Am-2', { section: 'reflections', meetingId: 'm-2' }],
    ['ideas', { section: 'ideas' }],
    ['delivery', { section: 'delivery' }],
    ['#planner', { section: 'planner' }],
  ])('%s is read as a target', (value, target) => {
    expect(parseLinkTarget(value)).toEqual(target);
  });

  test.each(['', '#', 'nonsense', 'ideas:m1', 'planner:m1', 'agenda:', 'agenda:m1:x', 'agenda:<script>', 'agenda:%E0%A4%A', `agenda:${'x'.repeat(65)}`, 'constructor', '__proto__'])(
    'an unknown or old target (%s) is none: the plan opens at its top',
    (value) => {
      expect(parseLinkTarget(value)).toBeUndefined();
    },
  );

  test('every target the bot writes, the tab reads back as the same', () => {
    const targets: LinkTarget[] = [{ section: 'agenda', meetingId: 'm1' }, { section: 'reflections', meetingId: 'x-9' }, { section: 'ideas' }, { section: 'analysis' }, { section: 'delivery' }, { section: 'theme' }];
    for (const target of targets) expect(parseLinkTarget(subEntityIdOf(target))).toEqual(target);
    const plain = new URL(tabPageUrl(PUBLIC, NETWORK.id, REFLECTIONS));
    expect(parseLinkTarget(plain.hash)).toEqual(REFLECTIONS);
  });
});

describe('where the tab opens for a target', () => {
  test('in Teams the deep link’s sub-entity id wins; outside Teams the address’s #…', () => {
    expect(linkTargetOf('reflections:m2', '#theme')).toEqual({ target: { section: 'reflections', meetingId: 'm2' }, fromTeams: true });
    expect(linkTargetOf(undefined, '#agenda:m3')).toEqual({ target: { section: 'agenda', meetingId: 'm3' }, fromTeams: false });
    expect(linkTargetOf('something-old', '#agenda')).toEqual({ target: { section: 'agenda' }, fromTeams: false });
    expect(linkTargetOf(undefined, '')).toEqual({ target: undefined, fromTeams: false });
  });

  test('a leader: the section, at the meeting, its heading focused', () => {
    expect(openingOf({ section: 'reflections', meetingId: 'm2' }, true)).toEqual({ section: 'reflections', meetingId: 'm2', focus: true });
    expect(openingOf({ section: 'agenda', meetingId: 'm2' }, true)).toEqual({ section: 'agenda', meetingId: 'm2', focus: true });
  });

  test('the ideas are shown with the analysis; the delivery is its own page', () => {
    expect(openingOf({ section: 'ideas' }, false)).toEqual({ section: 'analysis', focus: true });
    expect(openingOf({ section: 'delivery' }, true)).toEqual({ delivery: true, focus: false });
  });

  test('a participant sent to the reflections (the leaders’ view) sees what was shared: the meeting’s summary', () => {
    expect(openingOf({ section: 'reflections', meetingId: 'm2' }, false)).toEqual({ section: 'summary', meetingId: 'm2', focus: true });
    expect(openingOf({ section: 'calendar' }, false)).toEqual({ focus: false });
  });

  test('a plain #section is the page keeping its place (no focus moved); from Teams it is a link’s', () => {
    expect(openingOf({ section: 'analysis' }, true)).toEqual({ section: 'analysis', focus: false });
    expect(openingOf({ section: 'analysis' }, true, true)).toEqual({ section: 'analysis', focus: true });
    expect(openingOf(undefined, true)).toEqual({ focus: false });
  });
});

describe('TEAMS_APP_ID', () => {
  test('optional; a GUID when set (the app id Teams knows), read in lower case', () => {
    expect(loadConfig({}).teamsAppId).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: '' }).teamsAppId).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: APP.toUpperCase() }).teamsAppId).toBe(APP);
    expect(() => loadConfig({ TEAMS_APP_ID: 'netvaerk' })).toThrow(/TEAMS_APP_ID: must be a GUID/);
  });

  test('PUBLIC_URL must be an http(s) address', () => {
    expect(loadConfig({ PUBLIC_URL: PUBLIC }).publicUrl).toBe(PUBLIC);
    expect(() => loadConfig({ PUBLIC_URL: 'netvaerk.kommune.dk' })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
  });
});
