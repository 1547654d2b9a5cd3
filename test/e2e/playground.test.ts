import type { Browser, Page } from 'playwright-core';
import { ask, openPlayground, startAppWithBrowser, PLAYGROUND_CHECKS, saveScreenshot, visibleLines } from '../support/browser';
import type { RunningApp } from '../support/runApp';

// A person chatting with the bot in the Microsoft 365 Agents Playground (`npm run dev`), in headless
// Chromium: what they type, what they see. Screenshots land in test-output/screenshots/.

describe('the bot in the Agents Playground', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const started: { app?: RunningApp; browser?: Browser } = {};
    try {
      ({ app, browser } = await startAppWithBrowser(started));
    } finally {
      ({ app, browser } = started);
    }
    page = await openPlayground(browser!, app!.playgroundUrl);
  }, 100_000); // ~20-30 s on 2 CPUs; generous, as the machine may be busy with other builds.

  afterAll(async () => {
    // Runs after a failure too: no Chromium, service or Playground may outlive the test.
    await Promise.allSettled([browser?.close(), app?.stop()]);
  }, 30_000);

  test.each(PLAYGROUND_CHECKS)('answers "$send" ($name) with text a person can read', async ({ send, expect: lines }) => {
    const answer = await ask(page, send, lines[0]);
    await saveScreenshot(page, expect.getState().currentTestName ?? send);

    expect(await visibleLines(answer, lines)).toEqual(lines.map((line) => ({ line, visible: true })));
    // Markdown is rendered, not shown raw.
    expect(answer.text).not.toContain('**');
  }, 15_000);
});
