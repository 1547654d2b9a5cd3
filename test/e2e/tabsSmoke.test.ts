import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

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
});
