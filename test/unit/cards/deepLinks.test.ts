import { agendaCardFor } from '../../../bot/agenda/card';
import { analysisCardFor } from '../../../bot/analysis/card';
import { ideaLotCardFor } from '../../../bot/ideas/card';
import { invitationCardFor } from '../../../bot/invitations/card';
import { reflectionCardFor } from '../../../bot/reflections/card';
import type { AdaptiveCard } from '../../../bot/cards/shared';
import { parseLinkTarget, type DeepLinkConfig } from '../../../bot/domain/deepLink';
import type { NetworkAggregate } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';
import { describeEvents, ofType, parseWithSdk } from './cardKit';

// Every card the bot sends carries its way back to its place in the plan (issue 18, item 1): an Action.OpenUrl with
// the one link builder's link (bot/domain/deepLink.ts) — a Teams deep link to the channel tab when the app id and the
// channel are known, else the tab page's address where it works on its own, else no button at all.

const APP = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const CHANNEL = '19:kanal@thread.tacv2';
const IN_TEAMS: DeepLinkConfig = { publicUrl: 'https://netvaerk.kommune.dk', teamsAppId: APP };
const LOCAL: DeepLinkConfig = { publicUrl: 'http://localhost:3978', standalone: true };

function network(channel = true): NetworkAggregate {
  const a = plannedNetwork();
  return {
    ...a,
    network: { ...a.network, ...(channel ? { teamId: '19:team@thread.skype', channelId: CHANNEL } : {}) },
    invitations: [{ participantId: 'p1', subject: 'Vil du være med?', text: 'Kære Helle', status: 'invited' }],
  } as NetworkAggregate;
}

const openUrls = (card: AdaptiveCard) => ofType(card, 'Action.OpenUrl') as { title: string; url: string }[];

/** The one link of a card: its title, and where it leads (Teams' sub-entity id, or the plain address's #…). */
function linkOf(card: AdaptiveCard) {
  const links = openUrls(card);
  expect(links).toHaveLength(1);
  const { title, url } = links[0]!;
  const parsed = new URL(url);
  const inTeams = parsed.host === 'teams.microsoft.com';
  const context = inTeams ? JSON.parse(parsed.searchParams.get('context')!) : undefined;
  return { title, url, inTeams, target: parseLinkTarget(inTeams ? context.subEntityId : parsed.hash), channelId: context?.channelId, path: parsed.pathname };
}

type CardMaker = (a: NetworkAggregate, links: DeepLinkConfig | undefined) => AdaptiveCard;
const CARDS: [string, CardMaker, string, ReturnType<typeof parseLinkTarget>][] = [
  ['agenda', (a, links) => agendaCardFor(a, a.meetings[1]!, 'da', links), 'Åbn dagsordenen i planen', { section: 'agenda', meetingId: 'm2' }],
  ['idea lot', (a, links) => ideaLotCardFor(a, { locale: 'da', links }), 'Se idéerne i planen', { section: 'ideas' }],
  ['reflection prompt', (a, links) => reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da', links }), 'Åbn mødet i planen', { section: 'reflections', meetingId: 'm2' }],
  [
    'reflection reminder',
    (a, links) => reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da', links, notice: { text: 'En venlig påmindelse' } }),
    'Åbn mødet i planen',
    { section: 'reflections', meetingId: 'm2' },
  ],
  ['analysis', (a, links) => analysisCardFor(a, { locale: 'da', links }), 'Åbn analysen i planen', { section: 'analysis' }],
  ['invitation', (a, links) => invitationCardFor(a, a.participants[0]!, { now: new Date('2026-02-01T10:00:00Z'), links })!, 'Åbn planen', { section: 'theme' }],
];

describe.each(CARDS)('the %s card', (_name, make, title, target) => {
  test('in Teams: a deep link to the network’s channel tab, at its place', () => {
    const link = linkOf(make(network(), IN_TEAMS));
    expect(link).toMatchObject({ title, inTeams: true, target, channelId: CHANNEL, path: `/l/entity/${APP}/n1` });
  });

  test('without a channel, locally: the tab page’s address with the same place', () => {
    const link = linkOf(make(network(false), LOCAL));
    expect(link).toMatchObject({ title, inTeams: false, target, path: '/tabs/plan.html' });
    expect(link.url.startsWith('http://localhost:3978/tabs/plan.html?networkId=n1#')).toBe(true);
  });

  test('no link the app can make: no button', () => {
    expect(openUrls(make(network(), undefined))).toEqual([]);
    expect(openUrls(make(network(false), { publicUrl: 'https://netvaerk.kommune.dk', teamsAppId: APP }))).toEqual([]);
  });

  test('with its link, the Adaptive Cards SDK reads the card without a warning', () => {
    const { events, validation } = parseWithSdk(make(network(), IN_TEAMS));
    expect(describeEvents([...events, ...validation])).toBe('');
  });
});

test('the analysis card without categories still links to the analysis, where the leader chooses them', () => {
  const card = analysisCardFor({ ...network(), analysisCategories: [] }, { locale: 'en', links: IN_TEAMS });
  expect(linkOf(card)).toMatchObject({ title: 'Open the analysis in the plan', target: { section: 'analysis' } });
});

test('the link is the card’s last button: the card’s own actions come first', () => {
  const a = network();
  const card = reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'en', links: IN_TEAMS });
  expect(card.actions!.map((action) => action.type)).toEqual(['Action.Execute', 'Action.OpenUrl']);
  expect(card.actions![1]).toMatchObject({ title: 'Open the meeting in the plan' });
});
