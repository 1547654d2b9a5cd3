import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { pickLocale, t, type MessageKey } from '../../bot/i18n';
import { startApp, waitFor, type RunningApp, type StartOptions } from './runApp';
import { CHROMIUM_ARGS } from './chromiumArgs';

// Headless Chromium for end-to-end checks. Playwright's own browser download does not work here:
// we drive the system Chromium (`apt-get install chromium`), or whatever CHROMIUM_PATH points at.

const root = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(root, 'test-output', 'screenshots');

/**
 * A fresh headless Chromium. Playwright gives every launch its own temporary profile
 * (a new --user-data-dir, removed on close), so nothing carries over between runs.
 * Always `await browser.close()` in a finally / afterAll: that ends the Chromium processes.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 20_000 });
}

/** Saves what the page shows now as test-output/screenshots/<name>.png (git-ignored); returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${slug(name)}.png`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** "Agents Playground › answers hjælp" → "agents-playground-answers-hjælp" (letters of any language kept). */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'screenshot';
}

// ---- The Microsoft 365 Agents Playground (@microsoft/m365agentsplayground 0.2.28) ----------------

/**
 * The Playground hard-codes `locale: "en-US"` in every activity it sends (there is no setting for it),
 * so the bot answers in English there, whatever the user types. Real Teams sends the user's locale.
 */
export const PLAYGROUND_LOCALE = 'en-US';
const locale = pickLocale(PLAYGROUND_LOCALE);
const text = (key: MessageKey) => t(locale, key);

/** What we type, and the lines a person must see in the bot's answer. */
export interface PlaygroundCheck {
  name: string;
  send: string;
  expect: string[];
}

export const PLAYGROUND_CHECKS: PlaygroundCheck[] = [
  { name: 'help', send: 'hjælp', expect: [text('bot.help.title'), text('bot.help.body'), text('bot.help.commands')] },
  { name: 'unknown word', send: 'blåbærgrød', expect: [text('bot.unknown'), text('bot.help.title'), text('bot.help.body')] },
];

// Selectors, found by exploring the page. The message box is a Lexical editor; the bot's messages are
// Fluent AI "OutputCard"s (the user's own messages are not), with the markdown rendered as <p>/<strong>.
const MESSAGE_BOX = '[role=textbox][data-lexical-editor=true]';
const BOT_MESSAGE = '.fai-OutputCard';

/** The bot greets on installation; the Playground installs it in the personal chat when the page opens. */
export const PLAYGROUND_GREETING = text('bot.welcome');

/**
 * Opens the Playground and waits until a person would start typing: the message box is there and
 * the bot's greeting is shown. (Typing earlier works, but the greeting then lands below the question.)
 * Offline, the Playground's CDN fonts and animations fail to load: harmless.
 */
export async function openPlayground(browser: Browser, url: string, timeoutMs = 30_000): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Not 'load': that waits for the CDN fonts, which fail fast offline here but may hang on other networks.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator(MESSAGE_BOX).waitFor({ state: 'visible', timeout: timeoutMs });
  await page
    .locator(BOT_MESSAGE)
    .filter({ hasText: PLAYGROUND_GREETING })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .catch((error: Error) => {
      throw new Error(`The bot's greeting did not appear in the Playground: ${error.message.split('\n')[0]}`);
    });
  return page;
}

// ---- A team channel, a message's "…" and a message extension's dialog ----------------------------------
// Found by dumping the page's buttons, roles and aria-labels (locator(...).evaluateAll) while clicking through
// by hand in a throw-away script, and by reading the Playground's client bundle (its English UI strings).

/**
 * Who the Playground says is typing: its built-in default user, in every activity's `from` (seen in what it
 * sends: from.aadObjectId is this Entra object id; from.id is "user-id-0").
 */
export const PLAYGROUND_USER = { name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' } as const;

/**
 * Its built-in team, "My Team", in the left rail under "Teams Channel". Its General channel's id is the team's
 * (as in Teams): activities from there carry channelData.team.id = channelData.channel.id = conversation.id = "team-id".
 * Opening the channel installs the bot there (installationUpdate), and the bot greets in it.
 */
export const PLAYGROUND_TEAM = { teamId: 'team-id', channelId: 'team-id', name: 'My Team', generalChannel: 'My Team - General' } as const;

/** Every message in a channel, a post or the bot's, is a Fluent card (in the personal chat they are not). */
const CHANNEL_MESSAGE = '.fui-Card';
/**
 * A message's "…": the Playground's menu of message extension commands on that message (commandContext "message").
 * (The compose box has its own, "Trigger Message Extension App", for commandContext "compose": not used here.)
 */
const MESSAGE_MORE = 'Show more information';
/** In either menu: the action command. The Playground reads no manifest, so it asks for the command id next. */
const ACTION_COMMAND = 'Action Command';
/** The action's dialog keeps this aria-label from asking for the command id to showing the app's answer. */
const ACTION_DIALOG = 'Command ID option dialog';

/** Opens the team's General channel and waits for the bot's greeting there (so it knows the channel). */
export async function openPlaygroundChannel(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.getByRole('treeitem', { name: PLAYGROUND_TEAM.generalChannel }).click();
  await channelMessage(page, PLAYGROUND_GREETING).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The channel's messages (posts and the bot's) that show `text`, the newest first, as the channel lists them. */
export const channelMessages = (page: Page, text: string): Locator => page.locator(CHANNEL_MESSAGE).filter({ hasText: text });
/** The newest channel message that shows `text`. */
export const channelMessage = (page: Page, text: string): Locator => channelMessages(page, text).first();

/** "Start a new post", typed and posted, as a person would. (Not sent to the bot: nobody @mentions it.) */
export async function postInChannel(page: Page, message: string, timeoutMs = 10_000): Promise<Locator> {
  const newPost = page.locator(CHANNEL_MESSAGE).filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
  const box = newPost.locator(MESSAGE_BOX);
  await box.click();
  await box.pressSequentially(message);
  await newPost.getByRole('button', { name: 'Post', exact: true }).click();
  // The post is the newest card with the text (the new-post box, "Start a new post", is empty again).
  const posted = channelMessages(page, message).filter({ hasNotText: 'Start a new post' }).first();
  await posted.waitFor({ state: 'visible', timeout: timeoutMs });
  return posted;
}

/**
 * A message's "…" → "Action Command" → the command id → "Create": the Playground asks the app for the dialog
 * (composeExtension/fetchTask with commandContext "message" and the message as messagePayload) and shows it.
 * Returns the dialog once `ready` (something the app's dialog shows) is visible in it.
 */
export async function openMessageAction(page: Page, message: Locator, commandId: string, ready: string, timeoutMs = 15_000): Promise<Locator> {
  await message.getByRole('button', { name: MESSAGE_MORE }).click();
  await page.getByRole('menuitem', { name: ACTION_COMMAND }).click();
  const dialog = page.getByRole('dialog', { name: ACTION_DIALOG });
  await dialog.getByRole('textbox', { name: 'Command ID' }).fill(commandId);
  // "Adaptive Cards" (fetch the dialog from the app) is the default; the other choice is a static parameter list.
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText(ready).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return dialog;
}

/** An Input.ChoiceSet (style compact) in a dialog: the Playground renders it as a Fluent combobox with options. */
export async function chooseInDialog(page: Page, dialog: Locator, label: string, option: string): Promise<string> {
  await dialog.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  return dialog.getByRole('combobox', { name: label }).inputValue();
}

/** Closes the message extension's dialog (its "×"). */
export async function closeActionDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
}

export interface Answer {
  /** The answer as a person reads it (rendered text, one line per paragraph). */
  text: string;
  /** The bot's message in the page. */
  message: Locator;
  /** From pressing Enter until the answer was visible. */
  ms: number;
}

/**
 * Types `message` into the chat, presses Enter and waits for a *new* bot message that contains
 * `recognisedBy` (so an earlier answer with the same text does not count). Returns that message.
 */
export async function ask(page: Page, message: string, recognisedBy: string, timeoutMs = 10_000): Promise<Answer> {
  const matching = page.locator(BOT_MESSAGE).filter({ hasText: recognisedBy });
  const before = await matching.count();
  const box = page.locator(MESSAGE_BOX);
  await box.click();
  await box.pressSequentially(message);
  const sent = Date.now();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await matching.count()) > before, timeoutMs, `an answer to "${message}" containing "${recognisedBy}"`);
  const answer = matching.nth(before);
  await answer.scrollIntoViewIfNeeded();
  await answer.waitFor({ state: 'visible', timeout: timeoutMs });
  return { text: (await answer.innerText()).trim(), message: answer, ms: Date.now() - sent };
}

/** Whether each line is shown, as a whole paragraph, visibly in the bot's message (not just in the DOM). */
export async function visibleLines(answer: Answer, lines: string[]): Promise<{ line: string; visible: boolean }[]> {
  return Promise.all(
    lines.map(async (line) => ({ line, visible: await answer.message.getByText(line, { exact: true }).first().isVisible() })),
  );
}

/**
 * The service (`npm run dev`) and Chromium, started together (the service takes most of the time).
 * Whatever started is returned even when the other failed, so afterAll can stop it.
 */
export async function startAppWithBrowser(started: { app?: RunningApp; browser?: Browser }, options: StartOptions = {}): Promise<{ app: RunningApp; browser: Browser }> {
  const [app, browser] = await Promise.allSettled([startApp(options), launchBrowser()]);
  if (app.status === 'fulfilled') started.app = app.value;
  if (browser.status === 'fulfilled') started.browser = browser.value;
  if (app.status === 'rejected') throw app.reason;
  if (browser.status === 'rejected') throw browser.reason;
  return { app: app.value, browser: browser.value };
}
