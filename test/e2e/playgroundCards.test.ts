import type { Browser, Page } from 'playwright-core';
import { t } from '../../bot/i18n';
import { addDays, todayInCopenhagen } from '../../bot/domain/dates';
import { ask, openPlayground, startAppWithBrowser, saveScreenshot } from '../support/browser';
import type { RunningApp } from '../support/runApp';
import { NetworkStore } from '../../bot/storage/networkStore';
import { createTables, uniqueTablePrefix } from '../../bot/storage/tables';

// A participant in the Agents Playground answers the reflection card and parks an idea, clicking in
// the cards as rendered there. The Playground's user is "Alex Wilber" with a fixed Entra object id;
// the test makes Alex a core participant of a network whose first meeting ended yesterday (Alex joined a month ago:
// nobody is asked about a meeting held before they joined, so the row says so, written as the seed writes rows).

const ALEX = { name: 'Alex Wilber', userId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com' };
// Cards are in the network's language (Danish here), whatever the Playground's own language (en-US) is.
const da = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('da', key, params);

describe('cards in the Agents Playground', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;

  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${app!.apiUrl}${path}`, {
      method,
      headers: { 'X-Dev-User': 'lene', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  const connectionString = process.env.TEST_TABLES_CONNECTION_STRING!;
  const prefix = uniqueTablePrefix('playcards');

  beforeAll(async () => {
    const started: { app?: RunningApp; browser?: Browser } = {};
    try {
      ({ app, browser } = await startAppWithBrowser(started, { env: { STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: prefix } }));
    } finally {
      ({ app, browser } = started);
    }

    const today = todayInCopenhagen(new Date());
    const network = await api('POST', '/api/networks', { name: 'Playground-netværket', type: 'learning', theme: 'Ensomhed blandt ældre', startDate: addDays(today, -30) });
    const alex = await api('POST', `/api/networks/${network.id}/participants`, { ...ALEX, kind: 'core', role: 'employee', unit: 'Ældre', competenceAreas: [] });
    const store = new NetworkStore(createTables({ connectionString, prefix }).networks);
    const joined = { ...alex, addedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() };
    await store.commit(network.id, [{ op: 'update', kind: 'participant', ids: [alex.id], value: joined, etag: alex.etag }]);
    await api('POST', `/api/networks/${network.id}/meetings`, { number: 1, title: 'Opstart', date: addDays(today, -1), start: '09:00', location: 'Rådhuset' });
    page = await openPlayground(browser!, app!.playgroundUrl);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), app?.stop()]);
  }, 30_000);

  test('answers the reflection card: the card turns into the saved answers', async () => {
    await ask(page, 'my reflections', da('card.reflection.save'), 20_000);
    // Found by its title, which stays when the card is replaced by the saved answers.
    const card = page.locator('.fai-OutputCard').filter({ hasText: da('card.reflection.title') }).last();
    // The questions are stored with the meeting, in the network's language (Danish here).
    await card.getByLabel(t('da', 'label.reflection.takeAway')).fill('At borgerne selv har idéerne');
    await card.getByRole('button', { name: da('card.reflection.save') }).click();

    await card.getByText(da('action.reflection.saved')).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'playground reflection saved');
    expect(await card.getByText("At borgerne selv har idéerne").first().isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: da('card.reflection.edit') }).isVisible()).toBe(true);
  }, 60_000);

  test('parks an idea on the idea card, and it is there for everyone', async () => {
    const answer = await ask(page, 'ideas', da('card.ideas.add'), 20_000);
    const card = answer.message;
    await card.getByLabel(da('card.ideas.newLabel')).fill('Spisevenner på plejecentret');
    await card.getByRole('button', { name: da('card.ideas.add') }).click();

    await card.getByText(da('action.ideas.added')).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'playground idea parked');
    expect(await card.getByText('Spisevenner på plejecentret').isVisible()).toBe(true);
    const networks = await api('GET', '/api/networks');
    const plan = await api('GET', `/api/networks/${networks.networks[0].id}`);
    expect(plan.ideas.map((i: { text: string; raisedBy: { name: string } }) => [i.text, i.raisedBy.name])).toEqual([['Spisevenner på plejecentret', 'Alex Wilber']]);
  }, 60_000);
});
