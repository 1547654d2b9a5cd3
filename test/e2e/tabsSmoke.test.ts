import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { startTestApp } from '../support/testApp';
import { cspViolations, launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';
import { clientFor } from '../support/testApp';

describe('tab pages in headless Chromium', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('tabs');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the plan page opens standalone in Danish with the development identity picker', async () => {
    const page = await openTab(browser, app.url, '/tabs/index.html');
    await page.getByLabel('Udviklingsidentitet').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await screenshot(page, 'smoke-index');
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('every page works under its Content-Security-Policy: nothing blocked, the agenda card preview included', async () => {
    const lene = clientFor(app, 'lene');
    const { id } = (await lene.post('/api/networks', { name: 'CSP', type: 'learning', theme: 'Tema', startDate: '2027-01-04' })).body;
    expect((await lene.post(`/api/networks/${id}/meetings`, { number: 1, date: '2027-01-20', start: '09:00', location: 'Rådhuset' })).status).toBe(201);
    const pages = [
      ['/tabs/index.html', 'Mine netværk'],
      ['/tabs/config.html?teamId=t1&channelId=c1', 'Netværk i denne kanal'],
      [`/tabs/plan.html?networkId=${id}#agenda`, 'Dagsorden'],
      [`/tabs/delivery.html?networkId=${id}`, 'Leverance til Chefforum'],
    ] as const;
    for (const [path, heading] of pages) {
      const page = await openTab(browser, app.url, path);
      page.setDefaultTimeout(5000);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      if (path.includes('#agenda')) await page.getByTestId('adaptive-card').locator('.ac-adaptiveCard').getByText('Programmet følger.').waitFor();
      await page.waitForLoadState('networkidle');
      expect([path, await cspViolations(page)]).toEqual([path, []]);
      await page.context().close();
    }
  });
});
