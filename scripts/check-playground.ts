// Chats with the bot in the Microsoft 365 Agents Playground, in headless Chromium, the way a person would,
// and reports what the bot answered. Run: `npm run check:playground` (or `npx tsx scripts/check-playground.ts`).
// Starts its own service, emulator and Playground on free ports with throw-away data; exit code 0 = all good.

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ask, launchBrowser, openPlayground, PLAYGROUND_CHECKS, PLAYGROUND_GREETING, PLAYGROUND_LOCALE, saveScreenshot, visibleLines } from '../test/support/browser';
import { startApp, type RunningApp } from '../test/support/runApp';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line = '') => process.stdout.write(`${line}\n`);
const indent = (text: string) => text.replace(/^/gm, '      ');

let app: RunningApp | undefined;
let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;
const cleanUp = () => (cleaning ??= Promise.allSettled([browser?.close(), app?.stop()]).then(() => undefined));

// Ctrl-C while it runs still stops Chromium, the service and its Playground.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`\n${signal}: stopping…`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function main(): Promise<boolean> {
  say('Starting the service, Azurite and the Agents Playground, and Chromium…');
  const [service, chromium] = await Promise.allSettled([startApp(), launchBrowser()]);
  if (service.status === 'fulfilled') app = service.value;
  if (chromium.status === 'fulfilled') browser = chromium.value;
  if (service.status === 'rejected') throw service.reason;
  if (chromium.status === 'rejected') throw chromium.reason;
  say(`  service ${app!.apiUrl}, Playground ${app!.playgroundUrl} (${elapsed()})`);

  const page = await openPlayground(browser!, app!.playgroundUrl);
  say(`  Playground open and the bot greeted (${elapsed()}):`);
  say(indent(PLAYGROUND_GREETING));
  say(`  (the Playground always sends locale ${PLAYGROUND_LOCALE}, so the bot answers in that language)`);

  let ok = true;
  for (const check of PLAYGROUND_CHECKS) {
    say();
    say(`You type: ${check.send}   (${check.name})`);
    try {
      const answer = await ask(page, check.send, check.expect[0]);
      const screenshot = await saveScreenshot(page, `check-playground-${check.name}`);
      say(`  Bot answered after ${answer.ms} ms:`);
      say(indent(answer.text));
      for (const { line, visible } of await visibleLines(answer, check.expect)) {
        say(`  ${visible ? 'ok  ' : 'FAIL'} shows "${line}"`);
        ok &&= visible;
      }
      if (answer.text.includes('**')) {
        say('  FAIL markdown is shown raw (**)');
        ok = false;
      }
      say(`  Screenshot: ${path.relative(process.cwd(), screenshot)}`);
    } catch (error) {
      ok = false;
      const screenshot = await saveScreenshot(page, `check-playground-${check.name}-failed`).catch(() => undefined);
      say(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
      if (screenshot) say(`  Screenshot: ${path.relative(process.cwd(), screenshot)}`);
    }
  }
  return ok;
}

main()
  .catch((error) => {
    say(`FAIL ${error instanceof Error ? error.message : String(error)}`);
    return false;
  })
  .then(async (ok) => {
    await cleanUp();
    say();
    say(`${ok ? 'OK: the bot answers in the Agents Playground' : 'FAILED: see above'} (${elapsed()}, everything stopped)`);
    process.exit(ok ? 0 : 1);
  });
