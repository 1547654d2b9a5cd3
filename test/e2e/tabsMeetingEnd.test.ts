import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// Reflections at the meeting's real end, as the leader sees it in headless Chromium: the meeting's Teams
// meeting chosen in Møder (a link that is not one refused on the field), and Refleksioner saying when the
// meeting ended and that the questions went out — in Danish and in English.

jest.setTimeout(180_000);

const TEAM = '19:endteam@thread.tacv2';
const CHANNEL = '19:endplan@thread.tacv2';
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZW5kLXRlc3Q%40thread.v2/0?context=%7b%7d';

describe('the meeting’s real end in the tabs', () => {
  let app: App;
  let browser: Browser;
  let channel: FakeChannel;
  let networkId: string;
  let meetingId: string;
  // The service's clock: 12.11.2025 10:47 in Copenhagen, during the meeting (09:00-12:00). The browser's own clock is later.
  const clock = new Date('2025-11-12T09:47:00Z');
  const lene = () => clientFor(app, 'lene');
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    channel = await startFakeChannel();
    app = await startTestApp('tabsmeetingend', { now: () => clock, env: { SCHEDULER: 'on', SCHEDULER_POLL_MS: '100' } });
    browser = await launchChromium();
    const created = await lene().post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2025-11-03', teamId: TEAM, channelId: CHANNEL });
    networkId = created.body.id;
    const jens = findDevIdentity('jens')!;
    await lene().post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: jens.userId, competenceAreas: [] });
    const reference = { channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id: 'a:jens', conversationType: 'personal', isGroup: false } };
    await app.services.conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: jens.userId, reference });
    meetingId = (await lene().post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2025-11-12', start: '09:00', end: '12:00', location: 'Rådhuset', online: true })).body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await channel?.close();
  });

  test('the leader gives the meeting its Teams meeting; a link that is not one is refused on the field', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#meetings`);
    page.setDefaultTimeout(15_000);
    await page.getByRole('button', { name: /^Rediger Netværksmøde 1/ }).click();
    const form = page.getByRole('form', { name: /^Rediger Netværksmøde 1/ });
    const field = form.getByLabel('Teams-møde (link)');
    await form.getByText(/^Valgfrit\. Indsæt linket til det Teams-møde, netværksmødet holdes i/).waitFor();
    await field.fill('https://example.com/mødet');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Indsæt linket til Teams-mødet, som det står i invitationen (https://teams.microsoft.com/…).').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await noViolations(page, 'meeting form, link refused');
    await screenshot(page, 'tabs-meeting-teams-link-refused');

    await field.fill(JOIN_URL);
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    const stored = (await lene().get(`/api/networks/${networkId}`)).body.meetings[0];
    expect(stored.teamsMeetingJoinUrl).toBe(JOIN_URL);
    await page.context().close();
  });

  test('Refleksioner says when the meeting ended and that the questions went out', async () => {
    // "Send refleksionsspørgsmål nu" (the side panel's button) at 10:47.
    expect((await lene().post(`/api/networks/${networkId}/meetings/${meetingId}/reflections/send`, {})).status).toBe(200);
    await channel.received(1);

    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#reflections`);
    page.setDefaultTimeout(15_000);
    await page.getByText('Mødet sluttede kl. 10.47 – spørgsmålene er sendt.').waitFor();
    await noViolations(page, 'reflections, the meeting ended');
    const file = await screenshot(page, 'tabs-reflections-meeting-ended');
    expect(file).toMatch(/tabs-reflections-meeting-ended\.png$/);
    await page.context().close();

    const english = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#reflections`, 'lene', 'en-GB');
    await english.getByText('The meeting ended at 10:47 – the questions have been sent.').waitFor({ timeout: 15_000 });
    await english.context().close();
  });
});
