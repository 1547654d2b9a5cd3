import { createLocalJWKSet } from 'jose';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { saveScreenshot } from '../support/browser';
import { clientFor, startTestApp, teamsModeEnv } from '../support/testApp';
import { launchChromium, openTab, wcagViolations } from '../support/chromium';
import { CLIENT_ID, TENANT, mint, newSigningKey, type SigningKey } from '../unit/auth/tokens';

// A link from a card or a calendar event opens the plan at its place (issue 18, item 1), in headless Chromium: the
// tab page's own address with the target after # (outside Teams), and inside Teams the deep link's sub-entity id,
// which Teams hands the tab as page.subPageId (a same-origin parent page plays Teams here). The section opens, its
// meeting picker at the meeting, the heading in view and focused; what the link cannot point at opens the plan's top.

jest.setTimeout(120_000);

/** A date `days` from today, as the API takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Plan {
  id: string;
  meetings: string[];
}

/** Lene's network with three meetings held: the reflections section starts at the latest, meeting 3. */
async function aPlan(post: (path: string, body: unknown) => Promise<{ status: number; body: any }>, participant?: { name: string; userId: string }): Promise<Plan> {
  const created = await post('/api/networks', { name: 'Ensomhed blandt ældre', type: 'welfare', theme: 'Hvordan mindsker vi ensomhed?', startDate: day(-120) });
  expect(created.status).toBe(201);
  const id = created.body.id;
  if (participant) expect((await post(`/api/networks/${id}/participants`, { ...participant, kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [] })).status).toBe(201);
  const meetings: string[] = [];
  for (const [i, offset] of [-90, -60, -30].entries()) {
    const reply = await post(`/api/networks/${id}/meetings`, { number: i + 1, title: `Møde om emne ${i + 1}`, date: day(offset), start: '09:00', location: 'Rådhuset' });
    expect(reply.status).toBe(201);
    meetings.push(reply.body.id);
  }
  return { id, meetings };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('a link opens the plan at its place (outside Teams: the address’s #…)', () => {
  let app: App;
  let browser: Browser;
  let plan: Plan;
  const planAt = (hash: string) => `/tabs/plan.html?networkId=${plan.id}#${hash}`;

  beforeAll(async () => {
    app = await startTestApp('tabsdeeplink', { env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    const lene = clientFor(app, 'lene');
    const jens = findDevIdentity('jens')!;
    plan = await aPlan(lene.post, { name: jens.name, userId: jens.userId });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('a reflections link for meeting 2: the leader sees Refleksioner with meeting 2 chosen, its heading focused', async () => {
    const page = await openTab(browser, app.url, planAt(`reflections:${plan.meetings[1]}`));
    await page.getByRole('heading', { level: 2, name: 'Refleksioner' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Refleksioner', selected: true }).count()).toBe(1);
    expect(await page.getByLabel('Møde', { exact: true }).inputValue()).toBe(plan.meetings[1]);
    await page.waitForFunction(() => document.activeElement?.id === 'reflections-heading');
    expect(await page.getByRole('heading', { level: 2, name: 'Refleksioner' }).isVisible()).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);
    await saveScreenshot(page, 'tabs-deeplink-reflections-meeting-2');
    await page.context().close();
  });

  test('without a link’s meeting the section starts where it always does (the latest meeting held), focus left alone', async () => {
    const page = await openTab(browser, app.url, planAt('reflections'));
    await page.getByRole('heading', { level: 2, name: 'Refleksioner' }).waitFor();
    expect(await page.getByLabel('Møde', { exact: true }).inputValue()).toBe(plan.meetings[2]);
    expect(await focusedId(page)).not.toBe('reflections-heading');
    await page.context().close();
  });

  test('a participant sent to the reflections (the leaders’ view) lands on what was shared: the meeting’s summary', async () => {
    const page = await openTab(browser, app.url, planAt(`reflections:${plan.meetings[1]}`), 'jens');
    await page.getByRole('heading', { level: 2, name: 'Fælles opsamling' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Refleksioner' }).count()).toBe(0);
    expect(await page.getByLabel('Møde', { exact: true }).inputValue()).toBe(plan.meetings[1]);
    await page.waitForFunction(() => document.activeElement?.id === 'summary-heading');
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('the idea lot’s link opens the analysis, where the ideas are', async () => {
    const page = await openTab(browser, app.url, planAt('ideas'));
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'analysis-heading');
    await page.context().close();
  });

  test('an unknown or old target opens the plan’s top, without an error; a deleted meeting, the section as usual', async () => {
    const page = await openTab(browser, app.url, planAt('noget-gammelt:42'));
    await page.getByRole('heading', { level: 2, name: 'Udfold netværkets tema' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Tema', selected: true }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.goto(`${app.url}${planAt('agenda:moedet-findes-ikke')}`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Dagsorden' }).waitFor();
    expect(plan.meetings).toContain(await page.getByLabel('Møde', { exact: true }).inputValue());
    await page.context().close();
  });

  test('the delivery’s link opens the delivery page', async () => {
    const page = await openTab(browser, app.url, planAt('delivery'));
    await page.waitForURL(`${app.url}/tabs/delivery.html?networkId=${plan.id}`);
    await page.getByRole('heading', { level: 1, name: /Leverance til Chefforum/ }).waitFor();
    await page.context().close();
  });
});

// Inside Teams: the parent page answers teams-js as Teams would; its context carries the deep link's sub-entity id
// (teams-js gives it to the tab as page.subPageId).
const fakeTeamsHost = (frameSrc: string, token: string, subEntityId: string) => `<!doctype html>
<html lang="da"><head><title>Teams (fake)</title></head><body>
<iframe id="tab" title="Plan" src="${frameSrc}" style="width:1200px;height:1400px;border:0"></iframe>
<script>
  const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { pages: { currentApp: {} }, authentication: {}, teamsCore: {}, appInitialization: {} } };
  const context = { locale: 'da-dk', theme: 'default', frameContext: 'content', hostClientType: 'web', entityId: 'plan',
    subEntityId: ${JSON.stringify(subEntityId)}, teamId: '19:team@thread.skype', channelId: '19:kanal@thread.tacv2', tid: '${TENANT}' };
  const tab = document.getElementById('tab');
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== tab.contentWindow) return;
    const reply = (args) => tab.contentWindow.postMessage({ id: m.id, uuid: m.uuid, args }, '*');
    if (m.func === 'initialize') reply(['content', 'web', JSON.stringify(runtime), '2.58.0']);
    else if (m.func === 'getContext') reply([context]);
    else if (m.func === 'authentication.getAuthToken') reply([true, '${token}']);
  });
</script></body></html>`;

describe('a deep link inside Teams (the context’s sub-entity id)', () => {
  let app: App;
  let browser: Browser;
  let key: SigningKey;
  let token: string;
  let plan: Plan;

  beforeAll(async () => {
    key = await newSigningKey('k1');
    app = await startTestApp('tabsdeeplinkteams', {
      env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }, { SCHEDULER: 'off' }),
      auth: { keySet: createLocalJWKSet({ keys: [key.jwk] }) },
    });
    browser = await launchChromium();
    token = await mint(key);
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    };
    plan = await aPlan(post);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function inTeams(subEntityId: string): Promise<{ page: Page; tab: FrameLocator }> {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1500 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.route(`${app.url}/teams-host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: fakeTeamsHost(`/tabs/plan.html?networkId=${plan.id}`, token, subEntityId) }),
    );
    await page.goto(`${app.url}/teams-host.html`);
    return { page, tab: page.frameLocator('#tab') };
  }

  test('the agenda card’s link for meeting 1: the tab (whose address has no #) opens at Dagsorden with meeting 1 chosen', async () => {
    const { page, tab } = await inTeams(`agenda:${plan.meetings[0]}`);
    await tab.getByRole('heading', { level: 2, name: 'Dagsorden' }).waitFor();
    expect(await tab.getByRole('tab', { name: 'Dagsorden', selected: true }).count()).toBe(1);
    expect(await tab.getByLabel('Møde', { exact: true }).inputValue()).toBe(plan.meetings[0]);
    const frame = page.frames().find((f) => f.url().includes('/tabs/plan.html'))!;
    await frame.waitForFunction(() => document.activeElement?.id === 'agenda-heading');
    await saveScreenshot(page, 'tabs-deeplink-teams-agenda-meeting-1');
    await page.context().close();
  });

  test('an old sub-entity id Teams still has for the tab opens the plan’s top', async () => {
    const { page, tab } = await inTeams('task-456');
    await tab.getByRole('heading', { level: 2, name: 'Udfold netværkets tema' }).waitFor();
    expect(await tab.getByRole('tab', { name: 'Tema', selected: true }).count()).toBe(1);
    await page.context().close();
  });
});
