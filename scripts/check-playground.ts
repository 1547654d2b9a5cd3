// Chats with the bot in the Microsoft 365 Agents Playground, in headless Chromium, the way a person would,
// and reports what the bot answered; then, in the Playground's team channel, parks a posted message as an idea
// through the message action ("…" → Action Command → parkIdea) and checks it is stored and on the idea lot card.
// Run: `npm run check:playground` (or `npx tsx scripts/check-playground.ts`).
// Starts its own service, emulator and Playground on free ports with throw-away data; exit code 0 = all good.

import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { t } from '../bot/i18n';
import { todayInCopenhagen } from '../bot/domain/dates';
import {
  ask, channelMessage, channelMessages, chooseInDialog, closeActionDialog, launchBrowser, openMessageAction, openPlayground, openPlaygroundChannel, postInChannel,
  PLAYGROUND_CHECKS, PLAYGROUND_GREETING, PLAYGROUND_LOCALE, PLAYGROUND_TEAM, PLAYGROUND_USER, saveScreenshot, visibleLines,
} from '../test/support/browser';
import { startApp, waitFor, type RunningApp } from '../test/support/runApp';

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
  ok = (await checkParkIdea(page)) && ok;
  return ok;
}

// ---- "Parkér som idé" on a channel message (the message extension's action command, issue 18) ----------------

/** The network's language, so the dialog and the lot card are in Danish whatever the Playground's locale is. */
const da = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('da', key, params);
const NETWORK = 'Tværgående samarbejde';
const IDEA = 'Lad os prøve en fælles kalender for alle afdelinger';

/** The service's own API as the Playground's user (a development identity named in X-Dev-User). */
async function asPlaygroundUser(method: string, apiPath: string, body?: unknown): Promise<any> {
  const response = await fetch(`${app!.apiUrl}${apiPath}`, {
    method,
    headers: { 'X-Dev-User': PLAYGROUND_USER.aadObjectId, 'X-Dev-User-Name': encodeURIComponent(PLAYGROUND_USER.name), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function checkParkIdea(page: Page): Promise<boolean> {
  let ok = true;
  const check = (visible: boolean, what: string) => {
    say(`  ${visible ? 'ok  ' : 'FAIL'} ${what}`);
    ok &&= visible;
  };
  const shot = async (name: string) => say(`  Screenshot: ${path.relative(process.cwd(), await saveScreenshot(page, `check-playground-${name}`))}`);
  say();
  say(`Parking a channel message as an idea   (park idea, in ${PLAYGROUND_TEAM.name} › General)`);
  try {
    // Alex (the Playground's user) creates the network, so leads it, linked to the Playground's General channel.
    const network = await asPlaygroundUser('POST', '/api/networks', {
      name: NETWORK, type: 'learning', theme: 'Samarbejde på tværs af afdelinger', startDate: todayInCopenhagen(new Date()), locale: 'da',
      teamId: PLAYGROUND_TEAM.teamId, channelId: PLAYGROUND_TEAM.channelId,
    });
    const seeded = await asPlaygroundUser('GET', `/api/networks/${network.id}`);
    check(seeded.role === 'leader' && seeded.network.leader.userId === PLAYGROUND_USER.aadObjectId,
      `network "${NETWORK}" created through the API as ${PLAYGROUND_USER.name} (${PLAYGROUND_USER.aadObjectId}), who leads it; linked to the channel`);

    await openPlaygroundChannel(page);
    check(true, 'the bot greets in the channel (installed there as the channel opened)');
    // The idea lot goes to the network's channel now (as the leader's "Post now"), so its update can be seen.
    const posted = await asPlaygroundUser('POST', `/api/networks/${network.id}/ideas/post`, {});
    const lot = channelMessage(page, `${da('card.ideas.title')} · ${NETWORK}`);
    await lot.waitFor({ state: 'visible', timeout: 15_000 });
    check(posted.outcome === 'sent' && (await lot.getByText(da('card.ideas.none')).isVisible()), `the idea lot card is in the channel, "${da('card.ideas.none')}"`);

    say(`  You post: ${IDEA}`);
    const message = await postInChannel(page, IDEA);
    say(`  You open the post's "…" → Action Command, command id parkIdea → Create`);
    const dialog = await openMessageAction(page, message, 'parkIdea', da('park.submit'));
    check(await dialog.getByText(da('park.title')).first().isVisible(), `the dialog "${da('park.title')}" opens`);
    check((await dialog.locator('textarea').inputValue()) === IDEA, "the idea's text is the post's text");
    check(await dialog.getByText(NETWORK, { exact: true }).isVisible(), `the network is the channel's: "${NETWORK}"`);
    const owner = await chooseInDialog(page, dialog, da('park.owner'), da('park.me'));
    check(owner === da('park.me'), `${da('park.owner')}: "${da('park.me')}" chosen`);
    await shot('park-idea-dialog');

    say(`  You press "${da('park.submit')}"`);
    await dialog.getByRole('button', { name: da('park.submit') }).click();
    const confirmation = da('park.parkedWithOwner', { network: NETWORK, owner: PLAYGROUND_USER.name });
    await dialog.getByText(confirmation).waitFor({ state: 'visible', timeout: 15_000 });
    check(true, `the dialog says: ${confirmation}`);

    const { ideas } = await asPlaygroundUser('GET', `/api/networks/${network.id}`);
    const stored = (ideas as any[]).find((idea) => idea.text === IDEA);
    check(!!stored && stored.raisedBy?.userId === PLAYGROUND_USER.aadObjectId && stored.owner?.name === PLAYGROUND_USER.name,
      `stored (GET /api/networks/:id): "${stored?.text}", status ${stored?.status}, from ${stored?.raisedBy?.name}, owner ${stored?.owner?.name}`);

    await closeActionDialog(dialog);
    // The posted lot card is updated in place (through the scheduler), not posted again.
    const lotIdea = lot.getByText(IDEA, { exact: true });
    await waitFor(() => lotIdea.isVisible(), 20_000, 'the idea on the idea lot card');
    await lot.scrollIntoViewIfNeeded();
    const lots = await channelMessages(page, `${da('card.ideas.title')} · ${NETWORK}`).count();
    check(lots === 1 && (await lot.getByText(da('card.ideas.owner', { name: PLAYGROUND_USER.name })).isVisible()),
      `the idea lot card in the channel now shows the idea, "${da('card.ideas.owner', { name: PLAYGROUND_USER.name })}" (the same card, updated)`);
    await shot('park-idea-done');
  } catch (error) {
    ok = false;
    say(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
    const screenshot = await saveScreenshot(page, 'check-playground-park-idea-failed').catch(() => undefined);
    if (screenshot) say(`  Screenshot: ${path.relative(process.cwd(), screenshot)}`);
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
    say(`${ok ? 'OK: the bot answers in the Agents Playground, and parks a channel message as an idea there' : 'FAILED: see above'} (${elapsed()}, everything stopped)`);
    process.exit(ok ? 0 : 1);
  });
