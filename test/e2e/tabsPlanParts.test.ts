import type { Browser, Request } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab } from '../support/chromium';

// The planning sections open on the plan's own rows (GET …?parts=plan, asked before the page's script has run:
// tabs/src/plan/early.ts); a section that shows reflections, ideas or summaries loads everything when it is opened,
// and a save in a planning section reloads only the plan's rows.

jest.setTimeout(120_000);

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const LEARNING = 'Socialøkonomi er forretning med et socialt formål.';

describe('the plan page loads as much of the network as the section shows', () => {
  let app: App;
  let browser: Browser;
  let networkId: string;

  beforeAll(async () => {
    app = await startTestApp('tabsplanparts', { env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    const lene = clientFor(app, 'lene');
    networkId = (await lene.post('/api/networks', { name: 'Socialøkonomi', type: 'learning', theme: 'Socialøkonomiske virksomheder', startDate: day(-40) })).body.id;
    const meeting = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Første møde', date: day(-10), start: '09:00', location: 'Rådhuset' })).body.id;
    expect((await lene.put(`/api/networks/${networkId}/meetings/${meeting}/summary`, { keyLearningPoints: LEARNING })).status).toBeLessThan(300);
    const jens = (await lene.post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [] })).body.id;
    expect((await lene.put(`/api/networks/${networkId}/meetings/${meeting}/assignments/${jens}`, { contribution: 'Oplæg om X' })).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the planner asks for the plan’s rows; the summary, opened next, for everything, and shows the saved summary', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#planner`);
    const asked: string[] = [];
    const networkRequest = (request: Request) => new URL(request.url()).pathname === `/api/networks/${networkId}`;
    page.on('request', (request) => networkRequest(request) && asked.push(new URL(request.url()).search));
    await page.getByRole('heading', { name: 'Planlægningsredskab', level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Opsamling' }).click();
    await page.getByRole('textbox', { name: /Væsentlige læringspointer/ }).first().waitFor();
    await expect(page.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value))).resolves.toContain(LEARNING);
    expect(asked).toEqual(['']);
    await page.context().close();
  });

  test('a save in the planner reloads only the plan’s rows', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#planner`);
    const cell = page.getByRole('button', { name: /^Bidrag: Jens Jensen på .*: Oplæg om X$/ });
    await cell.click();
    const reloaded = page.waitForRequest((request) => request.method() === 'GET' && new URL(request.url()).pathname === `/api/networks/${networkId}`);
    await page.getByRole('textbox', { name: /^Bidrag: Jens Jensen/ }).fill('Oplæg om Y');
    await page.keyboard.press('Enter');
    expect(new URL((await reloaded).url()).search).toBe('?parts=plan');
    await page.getByRole('button', { name: /^Bidrag: Jens Jensen på .*: Oplæg om Y$/ }).waitFor();
    await page.context().close();
  });

  test('the page’s first requests are “who am I” and the plan’s own rows', async () => {
    const page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    const first: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) first.push(`${url.pathname}${url.search}`);
    });
    await page.addInitScript(() => localStorage.setItem('netvaerk.devUser', 'lene'));
    await page.goto(`${app.url}/tabs/plan.html?networkId=${networkId}#planner`);
    await page.getByRole('heading', { name: 'Planlægningsredskab', level: 2 }).waitFor();
    expect(first.slice(0, 2).sort()).toEqual(['/api/me', `/api/networks/${networkId}?parts=plan`]);
    await page.context().close();
  });
});
