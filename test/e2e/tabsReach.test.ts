import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import path from 'node:path';
import { launchChromium, openTab, screenshot, SCREENSHOT_DIR, wcagViolations } from '../support/chromium';

// Reach before sending and every send's true outcome, in headless Chromium with the scheduler running against a
// fake Teams channel: a network made from Mine netværk says it cannot reach anyone and how to link it (on the plan,
// on Refleksioner and on Mine netværk); linked through the configuration page to a channel where the app is
// installed, "Send nu" against a channel that refuses shows the failure with its reason — and still after a reload.

jest.setTimeout(180_000);

const TEAM = '19:reachteam@thread.tacv2';
const CHANNEL = '19:reachplan@thread.tacv2';
const NAME = 'Ældre i eget hjem';
const PLAN_URL = /\/tabs\/plan\.html\?networkId=([^&#]+)/;

describe('reach and send outcomes in the tabs', () => {
  let app: App;
  let browser: Browser;
  let channel: FakeChannel;
  let page: Page;
  let networkId: string;
  // The service's clock stands still at 10.01.2030 11:00 in Copenhagen, three weeks before the meeting.
  const clock = new Date('2030-01-10T10:00:00Z');
  const lene = () => clientFor(app, 'lene');
  const N = () => `/api/networks/${networkId}`;
  const panel = (p: Page) => p.getByRole('region', { name: 'Hvem botten når' });
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    channel = await startFakeChannel();
    app = await startTestApp('tabsreach', { now: () => clock });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await channel?.close();
  });

  test('a network made from Mine netværk says it cannot reach anyone, and how to fix it: on the plan, on Refleksioner, on Mine netværk', async () => {
    page = await openTab(browser, app.url, '/tabs/index.html');
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 1, name: 'Mine netværk' }).waitFor();
    await page.getByLabel('Netværkets navn').fill(NAME);
    await page.getByRole('radio', { name: 'Velfærdsnetværk' }).check();
    await page.getByLabel(/^Tema\b/).fill('Længst muligt i eget hjem');
    await page.getByLabel('Startdato').fill('04.01.2030');
    await page.getByLabel('Startdato').blur();
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.waitForURL(PLAN_URL);
    networkId = PLAN_URL.exec(page.url())![1]!;

    // Jens has a Teams user the bot does not know; Helle has none.
    const add = (body: object) => lene().post(`${N()}/participants`, { kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [], ...body });
    expect((await add({ name: 'Jens Jensen', userId: findDevIdentity('jens')!.userId })).status).toBe(201);
    expect((await add({ name: 'Helle Hansen', email: 'helle@kommune.example' })).status).toBe(201);
    const meeting = await lene().post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2030-01-30', start: '09:00', location: 'Rådhuset' });
    expect(meeting.status).toBe(201);
    expect((await lene().put(`${N()}/meetings/${meeting.body.id}/agenda`, { items: [{ time: '09:00', content: 'Velkomst' }], daysBeforeToPost: 7 })).status).toBe(201);

    await page.reload();
    const reach = panel(page);
    await reach.getByText('Netværket er ikke knyttet til en kanal, så botten kan ikke lægge dagsordener og idé-parkeringspladsen i en kanal.').waitFor();
    // Two lines say what is wrong; who and what to do are one click away.
    await reach.getByText('Hvem og hvorfor – og sådan gør du').click();
    expect(await reach.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Åbn netværkets team og kanal i Teams.',
        `Vælg „Netværkets plan“ og „Vis et af mine netværk“, vælg „${NAME}“, og vælg Gem.`,
        expect.stringMatching(/^Kan ikke nås – ingen Teams-bruger: Helle Hansen\.\nKobl personen til sin Teams-bruger/),
        expect.stringMatching(/^Kan ikke nås – ikke med i netværkets team: Jens Jensen\.\nTilføj personen til netværkets team/),
      ]),
    );
    await reach.getByText('0 af 2 deltagere får refleksionsspørgsmål i en chat med botten.').waitFor();
    await reach.getByText('Møde for møde').click();
    await reach.getByText('Netværksmøde 1 af 1 (30.01.2030): dagsordenen kan ikke lægges i kanalen · refleksionsspørgsmål til 0 af 2 deltagere 30.01.2030 kl. 12:00').waitFor();
    await noViolations(page, 'plan with the reach panel, no channel');
    await screenshot(page, 'tabs-reach-plan-no-channel');
    await reach.screenshot({ path: path.join(SCREENSHOT_DIR, 'tabs-reach-panel.png') });

    // Refleksioner: nobody waits for questions that cannot come; the idea lot says it cannot be posted.
    await page.getByRole('tab', { name: 'Refleksioner' }).click();
    const table = page.getByRole('table', { name: 'Deltagere ved Netværksmøde 1 af 1' });
    const cell = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) }).getByRole('cell').nth(1);
    await cell('Helle Hansen').getByText('Kan ikke nås: ingen Teams-bruger').waitFor();
    await cell('Jens Jensen').getByText('Kan ikke nås: ikke med i netværkets team').waitFor();
    expect(await table.getByText('Afventer').count()).toBe(0);
    await page.getByText('Kan ikke lægges i kanalen nu: Netværket er ikke knyttet til en kanal').waitFor();
    await noViolations(page, 'reflections, nobody reached');
    await screenshot(page, 'tabs-reach-reflections');

    // Mine netværk: one line for the network, with how to link it.
    await page.goto(`${app.url}/tabs/index.html`);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: NAME, exact: true }) });
    await item.getByText('Ikke knyttet til en kanal – dagsordener og spørgsmål kan ikke sendes.').waitFor();
    await item.getByText(/^Sådan gør du: Knyt netværket til netværkets kanal: åbn kanalen i Teams/).waitFor();
    await noViolations(page, 'Mine netværk with the reach line');
    await screenshot(page, 'tabs-reach-my-networks');
  });

  test('linked to a channel where the app is installed, "Send nu" against a channel that refuses shows the failure and its reason, also after a reload', async () => {
    // The leader links the network on the channel tab's configuration page.
    await page.goto(`${app.url}/tabs/config.html?teamId=${encodeURIComponent(TEAM)}&channelId=${encodeURIComponent(CHANNEL)}`);
    await page.getByRole('heading', { level: 1, name: 'Netværk i denne kanal' }).waitFor();
    await page.getByRole('radio', { name: 'Vis et af mine netværk' }).check();
    await page.getByRole('radio', { name: NAME }).check();
    await page.getByRole('button', { name: 'Åbn planen' }).click();
    await page.waitForURL(PLAN_URL);
    // The app is in the team: the bot stored the team's conversation when it was installed, and saw Jens join.
    const reference = { channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id: TEAM, conversationType: 'channel', isGroup: true } };
    await app.services.conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference });
    await app.services.conversations.rememberMember({ teamId: TEAM, userId: '29:jens', aadObjectId: findDevIdentity('jens')!.userId, name: 'Jens Jensen', serviceUrl: channel.url });
    channel.refuse = (call) => (call.conversationId === CHANNEL ? { status: 403 } : undefined);

    // The plan as the leader opens it again (a new page load, on Dagsorden).
    await page.goto(`${app.url}/tabs/plan.html?networkId=${networkId}#agenda`);
    await page.reload();
    await panel(page).getByText('Dagsordener og idé-parkeringspladsen lægges i netværkets kanal.').waitFor();
    await panel(page).getByText('1 af 2 deltagere får refleksionsspørgsmål i en chat med botten.').waitFor();
    await page.getByText('Botten lægger dagsordenen i kanalen 23.01.2030 kl. 09:00.').waitFor();

    await page.getByRole('button', { name: 'Send nu' }).click();
    await status(page, 'Kunne ikke sendes: Teams afviste beskeden i kanalen: botten må ikke skrive der').waitFor();
    await status(page, 'Tilføj Netværk-appen til teamet igen, og send igen.').waitFor();
    expect(channel.refused.filter((call) => call.conversationId === CHANNEL)).toHaveLength(1);
    await noViolations(page, 'agenda, send refused');
    await screenshot(page, 'tabs-reach-send-refused');

    // After a reload the failure is still there, not the schedule as if nothing happened.
    await page.reload();
    await status(page, 'Kunne ikke sendes (10.01.2030 kl. 11:00): Teams afviste beskeden i kanalen').waitFor();
    await panel(page).getByText('Den seneste besked til kanalen (10.01.2030 kl. 11:00) kom ikke frem: Teams afviste beskeden i kanalen').waitFor();
    // The plan's own post is spent: no promise that the bot posts it on 23.01.
    await page.getByText('Dagsordenen ligger ikke i kanalen, og botten sender den ikke selv igen.').waitFor();
    expect(await page.getByText('Botten lægger dagsordenen i kanalen').count()).toBe(0);
    await noViolations(page, 'agenda after reload, send refused');
    await screenshot(page, 'tabs-reach-send-refused-reloaded');

    // The app is back in the team: sent, with when, and that stays too.
    channel.refuse = undefined;
    await page.getByRole('button', { name: 'Send nu' }).click();
    await status(page, 'Sendt til kanalen 10.01.2030 kl. 11:00.').waitFor();
    expect(channel.calls.filter((call) => call.method === 'POST' && call.conversationId === CHANNEL)).toHaveLength(1);
    await page.reload();
    await status(page, 'Sendt til kanalen 10.01.2030 kl. 11:00.').waitFor();
    await page.getByText('Dagsordenen ligger i kanalen.').waitFor();
    await panel(page).getByText('Dagsordener og idé-parkeringspladsen lægges i netværkets kanal.').waitFor();
    await page.context().close();
  });
});
