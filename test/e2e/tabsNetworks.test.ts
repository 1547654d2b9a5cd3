import { createLocalJWKSet } from 'jose';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp, teamsModeEnv } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';
import { CLIENT_ID, TENANT, mint, newSigningKey, type SigningKey } from '../unit/auth/tokens';

// My networks (index.html / personal.html) and the channel tab's configuration page, in headless Chromium.

jest.setTimeout(60_000);

const PLAN_URL = /\/tabs\/plan\.html\?networkId=([\w-]+)/;
const DELIVERY_URL = /\/tabs\/delivery\.html\?networkId=([\w-]+)/;

async function fillNetworkForm(page: Page | FrameLocator, values: { name: string; type: string; theme: string; start: string; end?: string }) {
  await page.getByLabel('Netværkets navn').fill(values.name);
  await page.getByRole('radio', { name: values.type }).check();
  await page.getByLabel(/^Tema\b/).fill(values.theme);
  await page.getByLabel('Startdato').fill(values.start);
  await page.getByLabel('Startdato').blur();
  if (values.end) await page.getByLabel('Slutdato').fill(values.end);
}

describe('My networks and the tab configuration page', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('tabsnetworks');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('a leader creates a network from My networks, sees it listed and opens its plan', async () => {
    const page = await openTab(browser, app.url, '/tabs/index.html');
    await page.getByRole('heading', { level: 1, name: 'Mine netværk' }).waitFor();
    await page.getByText('Du er ikke med i noget netværk endnu').waitFor();

    await fillNetworkForm(page, { name: 'Læringsnetværk om deleøkonomi', type: 'Læringsnetværk', theme: 'Hvad kan deleøkonomi i kommunen?', start: '02.02.2026' });
    // The end date follows the start date (+6 months) and is shown the Danish way.
    expect(await page.getByLabel('Slutdato').inputValue()).toBe('02.08.2026');
    await page.getByText('Netværket slutter 02.08.2026').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-networks-create');

    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.waitForURL(PLAN_URL);
    const networkId = PLAN_URL.exec(page.url())![1]!;
    await page.getByRole('heading', { level: 1, name: 'Læringsnetværk om deleøkonomi' }).waitFor();

    await page.goto(`${app.url}/tabs/index.html`);
    const link = page.getByRole('link', { name: 'Læringsnetværk om deleøkonomi', exact: true });
    await link.waitFor();
    await page.getByText('Læringsnetværk · Periode 02.02.2026–02.08.2026 · Du er netværksleder').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-networks');

    await link.click();
    await page.waitForURL(PLAN_URL);
    expect(PLAN_URL.exec(page.url())![1]).toBe(networkId);
    await page.context().close();
  });

  test('missing fields and the server’s field errors are shown on the fields', async () => {
    const page = await openTab(browser, app.url, '/tabs/personal.html');
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.getByText('Vælg en netværkstype.').waitFor();
    expect(await page.getByText('Skal udfyldes.').count()).toBe(2);
    // The keyboard lands on the first field that needs attention.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.getByLabel('Netværkets navn').evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel('Startdato').fill('31.02.2026');
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.getByText('Skriv en dato, der findes, som dd.mm.åååå – fx 02.02.2026.').waitFor();

    await fillNetworkForm(page, { name: 'Velfærd i hjemmeplejen', type: 'Velfærdsnetværk', theme: 'Bedre overgange', start: '01.03.2026', end: '01.02.2026' });
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.getByText('Slutdatoen (01.02.2026) skal ligge efter startdatoen (01.03.2026).').waitFor();
    expect(await page.getByLabel('Slutdato').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'tabs-networks-errors');

    // What the server finds wrong lands on the field its path names (here: a refusal made up on the way).
    await page.route('**/api/networks', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ error: { status: 400, code: 'invalidInput', message: 'Nogle felter er ikke udfyldt korrekt.', details: [{ path: 'theme', message: 'Må højst være 200 tegn.' }] } }),
          })
        : route.continue(),
    );
    await page.getByLabel('Slutdato').fill('01.09.2026');
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.getByText('Må højst være 200 tegn.').waitFor();
    expect(await page.getByLabel(/^Tema\b/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/^Tema\b/).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toContain('/tabs/personal.html');
    await page.unroute('**/api/networks');

    await page.getByLabel(/^Tema\b/).fill('Bedre overgange mellem sygehus og hjem');
    await page.getByRole('button', { name: 'Opret netværk' }).click();
    await page.waitForURL(PLAN_URL);
    await page.context().close();
  });

  test('My networks passes axe in the dark and high-contrast themes, and speaks English when asked', async () => {
    for (const theme of ['dark', 'contrast']) {
      const page = await openTab(browser, app.url, `/tabs/index.html?theme=${theme}`);
      await page.getByRole('heading', { level: 1, name: 'Mine netværk' }).waitFor();
      await page.getByRole('link').first().waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await screenshot(page, `tabs-networks-${theme}`);
      await page.context().close();
    }
    const english = await openTab(browser, app.url, '/tabs/index.html?locale=en', 'lene', 'en-GB');
    await english.getByRole('heading', { level: 1, name: 'My networks' }).waitFor();
    await english.getByRole('radio', { name: 'Welfare network' }).waitFor();
    await english.context().close();
  });

  test('the configuration page preselects the channel’s network and links another one to the channel', async () => {
    const lene = clientFor(app, 'lene');
    const create = (name: string) =>
      lene.post('/api/networks', { name, type: 'welfare', theme: 'Overgange mellem sygehus og hjem', startDate: '2026-04-01' });
    const linked = (await create('Netværk i kanalen')).body;
    const other = (await create('Andet netværk')).body;
    expect((await lene.patch(`/api/networks/${linked.id}`, { teamId: 'team-1', channelId: 'chan-1' }, { 'If-Match': linked.etag })).status).toBe(200);

    const page = await openTab(browser, app.url, '/tabs/config.html?teamId=team-1&channelId=chan-1');
    await page.getByRole('heading', { level: 1, name: 'Netværk i denne kanal' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Vis et af mine netværk' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Netværk i kanalen' }).isChecked()).toBe(true);
    await page.getByText('knyttet til denne kanal', { exact: false }).first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-config');

    await page.getByRole('radio', { name: 'Andet netværk' }).check();
    await page.getByRole('button', { name: 'Åbn planen' }).click();
    await page.waitForURL(PLAN_URL);
    expect(PLAN_URL.exec(page.url())![1]).toBe(other.id);
    const inChannel = await lene.get('/api/networks?channelId=chan-1');
    expect(inChannel.body.networks.map((n: { name: string }) => n.name).sort()).toEqual(['Andet netværk', 'Netværk i kanalen']);
    await page.context().close();
  });

  test('the configuration page creates a new network for the channel (dark theme)', async () => {
    const page = await openTab(browser, app.url, '/tabs/config.html?teamId=team-2&channelId=chan-2&theme=dark');
    await page.getByRole('radio', { name: 'Opret et nyt netværk' }).check();
    await fillNetworkForm(page, { name: 'Innovation i byrummet', type: 'Innovationsnetværk', theme: 'Urban farming', start: '04.05.2026' });
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-config-create-dark');
    await page.getByRole('button', { name: 'Åbn planen' }).click();
    await page.waitForURL(PLAN_URL);
    const { body } = await clientFor(app, 'lene').get('/api/networks?channelId=chan-2');
    expect(body.networks).toMatchObject([{ name: 'Innovation i byrummet', teamId: 'team-2', channelId: 'chan-2', endDate: '2026-11-04' }]);
    await page.context().close();
  });

  test('the configuration page makes the tab the delivery to Chefforum instead of the plan', async () => {
    const page = await openTab(browser, app.url, '/tabs/config.html?teamId=team-3&channelId=chan-3');
    const kind = page.getByRole('radiogroup', { name: 'Hvad skal fanen vise?' });
    await kind.waitFor();
    expect(await kind.getByRole('radio', { name: 'Netværkets plan' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Åbn planen' }).waitFor();
    await kind.getByRole('radio', { name: 'Leverance til Chefforum' }).check();
    await page.getByText('Skabelonen til leverancen', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Opret et nyt netværk' }).check();
    await fillNetworkForm(page, { name: 'Læring om socialøkonomi', type: 'Læringsnetværk', theme: 'Socialøkonomiske virksomheder', start: '04.01.2027' });
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-config-delivery');
    await page.getByRole('button', { name: 'Åbn leverancen' }).click();
    await page.waitForURL(DELIVERY_URL);
    await page.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' }).waitFor();
    const { body } = await clientFor(app, 'lene').get('/api/networks?channelId=chan-3');
    expect(body.networks).toMatchObject([{ id: DELIVERY_URL.exec(page.url())![1], name: 'Læring om socialøkonomi', channelId: 'chan-3' }]);

    // Opened again for a delivery tab (here ?tab=delivery, in Teams the entity id it stored): the choice is kept.
    await page.goto(`${app.url}/tabs/config.html?teamId=team-3&channelId=chan-3&tab=delivery`);
    expect(await page.getByRole('radio', { name: 'Leverance til Chefforum' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Læring om socialøkonomi' }).isChecked()).toBe(true);
    await page.context().close();
  });
});

// Inside Teams: a same-origin parent page plays the Teams host (teams-js accepts messages from its own origin).
const fakeTeamsHost = (frameSrc: string, token: string, entityId?: string) => `<!doctype html>
<html lang="da"><head><title>Teams (fake)</title></head><body>
<iframe id="tab" title="Fane" src="${frameSrc}" style="width:1200px;height:1600px;border:0"></iframe>
<script>
  window.calls = [];
  const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { pages: { config: {} }, authentication: {}, teamsCore: {}, appInitialization: {} } };
  const context = { locale: 'da-dk', theme: 'default', frameContext: 'settings', hostClientType: 'web',
    teamId: '19:team@thread.skype', groupId: 'group-42', channelId: '19:channel-42@thread.tacv2', tid: '${TENANT}'${entityId ? `, entityId: '${entityId}'` : ''} };
  const tab = document.getElementById('tab');
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== tab.contentWindow) return;
    window.calls.push({ func: m.func, args: m.args });
    const reply = (args) => tab.contentWindow.postMessage({ id: m.id, uuid: m.uuid, args }, '*');
    if (m.func === 'initialize') reply(['settings', 'web', JSON.stringify(runtime), '2.58.0']);
    else if (m.func === 'getContext') reply([context]);
    else if (m.func === 'authentication.getAuthToken') reply([true, '${token}']);
    else if (m.func === 'settings.setSettings') reply([true]);
  });
  window.pressSave = () => tab.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script></body></html>`;

describe('the configuration page inside Teams', () => {
  let app: App;
  let browser: Browser;
  let key: SigningKey;
  beforeAll(async () => {
    key = await newSigningKey('k1');
    app = await startTestApp('tabsteamsconfig', {
      env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }),
      auth: { keySet: createLocalJWKSet({ keys: [key.jwk] }) },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  type Call = { func: string; args: unknown[] };
  const callsOf = (page: Page) => page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
  const waitForCall = (page: Page, func: string) =>
    page.waitForFunction((name) => (window as unknown as { calls: Call[] }).calls.some((c) => c.func === name), func);

  test('Save creates the network, links it to the channel and gives Teams the plan page', async () => {
    const token = await mint(key);
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1700 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.route(`${app.url}/teams-host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: fakeTeamsHost('/tabs/config.html', token) }),
    );
    await page.goto(`${app.url}/teams-host.html`);
    const tab = page.frameLocator('#tab');
    await tab.getByRole('heading', { level: 1, name: 'Netværk i denne kanal' }).waitFor();
    // No development identity and no "Open the plan" button in Teams: Teams' own Save button decides.
    expect(await tab.getByText('Udviklingsidentitet').count()).toBe(0);
    expect(await tab.getByRole('button', { name: 'Åbn planen' }).count()).toBe(0);
    await tab.getByText('Vælg “Gem” for at tilføje fanen.').waitFor();
    expect((await callsOf(page)).filter((c) => c.func === 'settings.setValidityState').at(-1)?.args).toEqual([false]);

    await fillNetworkForm(tab, {
      name: 'Netværk fra Teams', type: 'Velfærdsnetværk', theme: 'Ensomhed blandt ældre', start: '01.06.2026',
    });
    await page.waitForFunction(() => (window as unknown as { calls: Call[] }).calls.filter((c) => c.func === 'settings.setValidityState').at(-1)?.args[0] === true);
    await screenshot(page, 'tabs-config-teams');

    await page.evaluate(() => (window as unknown as { pressSave: () => void }).pressSave());
    await waitForCall(page, 'settings.save.success');
    const calls = await callsOf(page);
    expect(calls.some((c) => c.func === 'settings.save.failure')).toBe(false);
    const settings = calls.find((c) => c.func === 'settings.setSettings')!.args[0] as Record<string, string>;

    const response = await fetch(`${app.url}/api/networks?channelId=19%3Achannel-42%40thread.tacv2`, { headers: { Authorization: `Bearer ${token}` } });
    const body = await response.json();
    expect(body.networks).toMatchObject([{ name: 'Netværk fra Teams', teamId: '19:team@thread.skype', channelId: '19:channel-42@thread.tacv2' }]);
    const id = body.networks[0].id;
    expect(settings).toMatchObject({
      contentUrl: `${app.url}/tabs/plan.html?networkId=${id}`,
      websiteUrl: `${app.url}/tabs/plan.html?networkId=${id}`,
      entityId: id,
      suggestedDisplayName: 'Plan',
    });
    await context.close();
  });

  test('a delivery tab: the kind chosen on the page goes to Teams, and is preselected when the settings open again', async () => {
    const token = await mint(key);
    const open = async (entityId?: string) => {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1700 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.route(`${app.url}/teams-host.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: fakeTeamsHost('/tabs/config.html', token, entityId) }),
      );
      await page.goto(`${app.url}/teams-host.html`);
      const tab = page.frameLocator('#tab');
      await tab.getByRole('radio', { name: 'Netværk fra Teams' }).waitFor();
      return { page, tab, context };
    };
    const save = async (page: Page) => {
      await page.waitForFunction(() => (window as unknown as { calls: Call[] }).calls.filter((c) => c.func === 'settings.setValidityState').at(-1)?.args[0] === true);
      await page.evaluate(() => (window as unknown as { pressSave: () => void }).pressSave());
      await waitForCall(page, 'settings.save.success');
      return (await callsOf(page)).find((c) => c.func === 'settings.setSettings')!.args[0] as Record<string, string>;
    };
    const listed = await fetch(`${app.url}/api/networks?channelId=19%3Achannel-42%40thread.tacv2`, { headers: { Authorization: `Bearer ${token}` } });
    const id = (await listed.json()).networks[0].id as string;

    // Added as a new tab: the plan is preselected; the leader picks the delivery.
    const first = await open();
    expect(await first.tab.getByRole('radio', { name: 'Netværkets plan' }).isChecked()).toBe(true);
    expect(await first.tab.getByRole('radio', { name: 'Netværk fra Teams' }).isChecked()).toBe(true);
    await first.tab.getByRole('radio', { name: 'Leverance til Chefforum' }).check();
    expect(await save(first.page)).toMatchObject({
      contentUrl: `${app.url}/tabs/delivery.html?networkId=${id}`,
      websiteUrl: `${app.url}/tabs/delivery.html?networkId=${id}`,
      entityId: `delivery-${id}`,
      suggestedDisplayName: 'Leverance',
    });
    await first.context.close();

    // Its settings opened again: Teams gives the stored entity id, so the delivery stays chosen.
    const again = await open(`delivery-${id}`);
    expect(await again.tab.getByRole('radio', { name: 'Leverance til Chefforum' }).isChecked()).toBe(true);
    await screenshot(again.page, 'tabs-config-teams-delivery');
    expect(await save(again.page)).toMatchObject({ contentUrl: `${app.url}/tabs/delivery.html?networkId=${id}`, entityId: `delivery-${id}` });
    await again.context.close();
  });
});
