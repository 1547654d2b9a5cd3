import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM_ARGS } from './chromiumArgs';

// Headless Debian Chromium for the tab pages (Playwright cannot download its own browser here).


export async function launchChromium(): Promise<Browser> {
  // Playwright gives each launch a fresh, temporary profile.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** WCAG 2.1 A and AA violations on the page as it is now, as readable lines. */
export async function wcagViolations(page: Page): Promise<string[]> {
  // Fluent UI's focus-trap sentinels (data-tabster-dummy) are hidden focus guards, never a stop for users.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens a tab page standalone as a development identity (as `npm start` users do). */
/** Runs in the page: keeps what the Content-Security-Policy blocked, for cspViolations(). */
function recordCspViolations() {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
}

/** What the page's Content-Security-Policy blocked since it opened (pages from openTab). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

export async function openTab(browser: Browser, baseUrl: string, pagePath: string, devUser = 'lene', locale = 'da-DK'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await context.addInitScript((user) => localStorage.setItem('netvaerk.devUser', user), devUser);
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${pagePath}`);
  return page;
}
