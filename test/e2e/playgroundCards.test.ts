import type { Browser, Page } from 'playwright-core';
import { t } from '../../bot/i18n';
import { addDays, todayInCopenhagen } from '../../bot/domain/dates';
import { ask, openPlayground, startAppWithBrowser, PLAYGROUND_LOCALE, saveScreenshot } from '../support/browser';
import type { RunningApp } from '../support/runApp';

// A participant in the Agents Playground answers the reflection card and parks an idea, clicking in
// the cards as rendered there. The Playground's user is "Alex Wilber" with a fixed Entra object id;
// the test makes Alex a core participant of a network whose first meeting ended yesterday.

const ALEX = { name: 'Alex Wilber', userId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com' };
const en = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(PLAYGROUND_LOCALE.startsWith('en') ? 'en' : 'da', key, params);

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

  beforeAll(async () => {
    const started: { app?: RunningApp; browser?: Browser } = {};
    try {
      ({ app, browser } = await startAppWithBrowser(started));
    } finally {
      ({ app, browser } = started);
    }

    const today = todayInCopenhagen(new Date());
    const network = await api('POST', '/api/networks', { name: 'Playground-netværket', type: 'learning', theme: 'Ensomhed blandt ældre', startDate: addDays(today, -30) });
    await api('POST', `/api/networks/${network.id}/participants`, { ...ALEX, kind: 'core', role: 'employee', unit: 'Ældre', competenceAreas: [] });
    await api('POST', `/api/networks/${network.id}/meetings`, { number: 1, title: 'Opstart', date: addDays(today, -1), start: '09:00', location: 'Rådhuset' });
    page = await openPlayground(browser!, app!.playgroundUrl);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), app?.stop()]);
  }, 30_000);

  test('answers the reflection card: the card turns into the saved answers', async () => {
    await ask(page, 'my reflections', en('card.reflection.save'), 20_000);
    // Found by its title, which stays when the card is replaced by the saved answers.
    const card = page.locator('.fai-OutputCard').filter({ hasText: en('card.reflection.title') }).last();
    // The questions are stored with the meeting, in the network's language (Danish here).
    await card.getByLabel(t('da', 'label.reflection.takeAway')).fill('At borgerne selv har idéerne');
    await card.getByRole('button', { name: en('card.reflection.save') }).click();

    await card.getByText(en('action.reflection.saved')).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'playground reflection saved');
    expect(await card.getByText("At borgerne selv har idéerne").first().isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: en('card.reflection.edit') }).isVisible()).toBe(true);
  }, 60_000);

  test('parks an idea on the idea card, and it is there for everyone', async () => {
    const answer = await ask(page, 'ideas', en('card.ideas.add'), 20_000);
    const card = answer.message;
    await card.getByLabel(en('card.ideas.newLabel')).fill('Spisevenner på plejecentret');
    await card.getByRole('button', { name: en('card.ideas.add') }).click();

    await card.getByText(en('action.ideas.added')).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'playground idea parked');
    expect(await card.getByText('Spisevenner på plejecentret').isVisible()).toBe(true);
    const networks = await api('GET', '/api/networks');
    const plan = await api('GET', `/api/networks/${networks.networks[0].id}`);
    expect(plan.ideas.map((i: { text: string; raisedBy: { name: string } }) => [i.text, i.raisedBy.name])).toEqual([['Spisevenner på plejecentret', 'Alex Wilber']]);
  }, 60_000);
});
