import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { launchChromium, screenshot, wcagViolations } from '../support/chromium';
import { saveScreenshot } from '../support/browser';
import { waitFor } from '../support/runApp';

// The meeting side panel (issue 18, item 3): the configurable tab in a Teams meeting's side panel, 320 px wide, opened
// here as ?view=sidepanel in headless Chromium. The service and the page share one clock (the page's is Playwright's
// fake clock): on the meeting day at 10:29, "Gruppearbejde" is on, and a minute later the break is. Quick add parks an
// idea on the meeting (seen in the API), a participant takes ownership of one; the leader sends the reflection
// questions now and the fake Teams channel receives the prompt; a participant has no such button. No horizontal
// scrolling, targets of at least 24 px, axe clean in light, dark and high contrast.

jest.setTimeout(180_000);

const TEAM = '19:sidepanelteam@thread.tacv2';
const CHANNEL = '19:sidepanelplan@thread.tacv2';
const jens = findDevIdentity('jens')!;
/** Wednesday 13.03.2030 in Copenhagen (winter time, UTC+1). */
const at = (clock: string) => new Date(`2030-03-13T${clock}+01:00`);

describe('the meeting side panel at 320 px', () => {
  let app: App;
  let browser: Browser;
  let channel: FakeChannel;
  let clock = at('10:29:05');
  let networkId: string;
  let meetingId: string;
  const lene = () => clientFor(app, 'lene');
  const N = () => `/api/networks/${networkId}`;
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });
  const prompts = () => channel.calls.filter((call) => call.conversationId === 'a:jens' && call.body.type === 'message');

  /** The side panel as `user` sees it, 320 × 700, the page's clock at the service's time. */
  async function openSidePanel(user: string, query = ''): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 320, height: 700 } });
    await context.clock.install({ time: clock });
    await context.addInitScript((who) => localStorage.setItem('netvaerk.devUser', who), user);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${app.url}/tabs/plan.html?networkId=${networkId}&view=sidepanel${query}`);
    await page.getByTestId('side-panel').waitFor();
    return page;
  }

  /** Nothing wider than the panel, and every control a target of at least 24 × 24 px (WCAG 2.5.8). */
  async function fitsThePanel(page: Page, where: string) {
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    // What sticks out, if anything, named: the element and its right edge.
    const wider = await page.evaluate((client) =>
      Array.from(document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > client + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]} → ${Math.round(element.getBoundingClientRect().right)} px`),
    widths.client);
    expect({ where, ...widths, wider }).toEqual({ where, scroll: 320, client: 320, wider: [] });
    const small = await page.getByTestId('side-panel').evaluate((panel) =>
      Array.from(panel.querySelectorAll('button, select, input, a[href]'))
        .map((element) => ({ name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect({ where, small }).toEqual({ where, small: [] });
  }

  /** The focus is on this element (React moves it after the render). */
  async function hasFocus(locator: Locator) {
    await waitFor(() => locator.evaluate((element) => element === document.activeElement), 5000, 'the focus');
  }

  beforeAll(async () => {
    channel = await startFakeChannel();
    // TABS_DIR: the tab pages as built for this run (`npm test` builds dist/tabs, the default).
    const tabsDir = process.env.TABS_DIR ? { TABS_DIR: process.env.TABS_DIR } : {};
    app = await startTestApp('tabssidepanel', { now: () => clock, env: { SCHEDULER_POLL_MS: '200', ...tabsDir } });
    browser = await launchChromium();
    const created = await lene().post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2030-03-04', teamId: TEAM, channelId: CHANNEL });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const add = (body: object) => lene().post(`${N()}/participants`, { kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [], ...body });
    expect((await add({ name: 'Jens Jensen', userId: jens.userId })).status).toBe(201);
    expect((await add({ name: 'Helle Hansen', email: 'helle@kommune.example' })).status).toBe(201);
    const meeting = await lene().post(`${N()}/meetings`, { number: 1, title: 'Hjemmehjælp og teknologi', date: '2030-03-13', start: '09:00', end: '12:00', location: 'Rådhuset' });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    expect((await lene().post(`${N()}/meetings`, { number: 2, title: 'Pårørende', date: '2030-04-10', start: '09:00', location: 'Rådhuset' })).status).toBe(201);
    const agenda = await lene().put(`${N()}/meetings/${meetingId}/agenda`, {
      items: [
        { time: '09:00', content: 'Velkomst' },
        { time: '09:20', content: 'Oplæg: velfærdsteknologi i praksis', process: 'Oplæg med spørgsmål', purpose: 'Fælles viden' },
        { time: '10:00', content: 'Gruppearbejde', process: 'Tre grupper á fire; hver gruppe vælger én borgerhistorie', purpose: 'Idéer til forsøg i hjemmeplejen' },
        { time: '10:30', content: 'Pause' },
        { time: '10:45', content: 'Opsamling i plenum', process: 'Hver gruppe fremlægger', purpose: 'Idéer på parkeringspladsen' },
      ],
      daysBeforeToPost: 7,
    });
    expect(agenda.status).toBe(201);
    expect((await lene().post(`${N()}/ideas`, { text: 'Fælles nøgleboks-ordning', meetingId })).status).toBe(201);
    // The bot is in the team and has a 1:1 chat with Jens; Helle has no Teams user.
    const reference = (id: string, type: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal' } });
    await app.services.conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference: reference(TEAM, 'channel') });
    await app.services.conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: jens.userId, reference: reference('a:jens', 'personal') });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await channel?.close();
  });

  test('the leader sees the meeting at hand and the item on now by the clock, which moves on a minute later', async () => {
    const page = await openSidePanel('lene');
    await page.getByRole('heading', { level: 1, name: 'Ældre i eget hjem' }).waitFor();
    // Today's meeting, chosen without asking; the next one is one choice away.
    const picker = page.getByRole('combobox', { name: 'Møde' });
    expect(await picker.locator('option:checked').innerText()).toBe('13.03.2030 · Netværksmøde 1 af 2');
    await page.getByText('Hjemmehjælp og teknologi · I dag kl. 09:00–12:00').waitFor();

    const agenda = page.getByRole('list', { name: 'Dagsorden' });
    const current = agenda.locator('[aria-current="time"]');
    await page.getByTestId('side-panel-moment').getByText('Nu: Gruppearbejde (til kl. 10:30)').waitFor();
    await page.getByText('Derefter kl. 10:30: Pause').waitFor();
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toContain('Gruppearbejde');
    expect(await current.innerText()).toContain('Nu · til 10:30');
    // The item on now shows how and why at once; another opens when asked.
    await current.getByText('Tre grupper á fire; hver gruppe vælger én borgerhistorie').waitFor();
    const talk = agenda.getByRole('button', { name: /Oplæg: velfærdsteknologi i praksis/ });
    expect(await talk.getAttribute('aria-expanded')).toBe('false');
    await talk.click();
    expect(await talk.getAttribute('aria-expanded')).toBe('true');
    await agenda.getByText('Oplæg med spørgsmål').waitFor();
    await fitsThePanel(page, 'leader, 10:29');
    await noViolations(page, 'leader, 10:29');
    const shot = await saveScreenshot(page, 'tabs-side-panel-320-leader');
    await screenshot(page, 'tabs-side-panel-320-leader-full');
    console.log(`side panel screenshot: ${shot}`);

    // A minute later, without a reload: the break is on, and the panel says so.
    await page.clock.fastForward('01:00');
    await page.getByTestId('side-panel-moment').getByText('Nu: Pause (til kl. 10:45)').waitFor();
    expect(await current.innerText()).toContain('Pause');
    expect(await agenda.locator('li', { hasText: 'Opsamling i plenum' }).innerText()).toContain('Næste');

    // Another meeting, chosen: its date, nothing "on".
    await picker.selectOption({ label: '10.04.2030 · Netværksmøde 2 af 2' });
    await page.getByText('Pårørende · 10.04.2030 kl. 09:00–12:00').waitFor();
    await page.getByText('Mødet har ingen dagsorden endnu.').waitFor();
    expect(await page.locator('[aria-current="time"]').count()).toBe(0);
    await page.context().close();
  });

  test('quick add parks an idea on the meeting with one line and Enter, with its owner when chosen; failures are said', async () => {
    clock = at('10:31:00');
    const page = await openSidePanel('lene');
    const field = page.getByRole('textbox', { name: 'Ny idé' });
    await field.fill('Nabohjælp via app');
    await field.press('Enter');
    await page.getByTestId('side-panel-ideas-status').getByText('Parkeret: „Nabohjælp via app“.').waitFor();
    expect(await field.inputValue()).toBe('');
    await hasFocus(field);

    clock = at('10:31:10'); // the newest idea comes first
    await field.fill('Skærmbesøg om aftenen');
    await page.getByRole('combobox', { name: 'Tovholder (valgfrit)' }).selectOption({ label: 'Jens Jensen' });
    await page.getByRole('button', { name: 'Parkér' }).click();
    await page.getByText('Parkeret: „Skærmbesøg om aftenen“ med Jens Jensen som tovholder.').waitFor();

    const plan = await lene().get(N());
    const parked = (text: string) => plan.body.ideas.find((idea: { text: string }) => idea.text === text);
    expect(parked('Nabohjælp via app')).toMatchObject({ meetingId, status: 'parked', raisedBy: { name: 'Lene Holm' } });
    expect(parked('Nabohjælp via app').owner).toBeUndefined();
    expect(parked('Skærmbesøg om aftenen')).toMatchObject({ meetingId, owner: { name: 'Jens Jensen' } });
    const listed = await page.getByRole('region', { name: 'Idé-parkeringspladsen' }).getByTestId('side-panel-idea').allInnerTexts();
    expect(listed.map((text) => text.split('\n')[0])).toEqual(['Skærmbesøg om aftenen', 'Nabohjælp via app', 'Fælles nøgleboks-ordning']);

    // An empty line is not sent; it says what is missing.
    await field.fill('   ');
    await field.press('Enter');
    await page.getByText('Skal udfyldes.').waitFor();

    // The leader sets an owner on an idea from the list.
    await page.getByRole('combobox', { name: 'Tovholder Fælles nøgleboks-ordning' }).selectOption({ label: 'Helle Hansen' });
    await page.getByText('Helle Hansen er tovholder for „Fælles nøgleboks-ordning“.').waitFor();
    await fitsThePanel(page, 'leader after quick add');
    await noViolations(page, 'leader after quick add');
    await page.context().close();
  });

  test('a participant parks and takes ownership, and has no button to send the questions', async () => {
    const page = await openSidePanel('jens');
    await page.getByRole('heading', { level: 2, name: 'Idé-parkeringspladsen' }).waitFor();
    // A participant chooses only themselves as owner.
    const owner = page.getByRole('combobox', { name: 'Tovholder (valgfrit)' });
    expect(await owner.locator('option').allInnerTexts()).toEqual(['Ingen endnu', 'Mig (Jens Jensen)']);
    await page.getByRole('button', { name: 'Bliv tovholder for „Nabohjælp via app“' }).click();
    await page.getByText('Du er tovholder for „Nabohjælp via app“.').waitFor();
    const idea = (await lene().get(N())).body.ideas.find((i: { text: string }) => i.text === 'Nabohjælp via app');
    expect(idea.owner).toMatchObject({ name: 'Jens Jensen' });
    // Every idea has an owner now: nothing left to take.
    expect(await page.getByRole('button', { name: /Bliv tovholder/ }).count()).toBe(0);

    expect(await page.getByRole('heading', { name: 'Refleksionsspørgsmål' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send refleksionsspørgsmål nu' }).count()).toBe(0);
    await fitsThePanel(page, 'participant');
    await noViolations(page, 'participant');
    await saveScreenshot(page, 'tabs-side-panel-320-participant');
    await page.context().close();
  });

  test('the leader sends the reflection questions now: the prompt reaches Jens, the panel says to whom and who cannot get them', async () => {
    clock = at('10:40:00');
    const stale = await openSidePanel('lene');
    const page = await openSidePanel('lene', '&theme=dark');
    const questions = page.getByRole('region', { name: 'Refleksionsspørgsmål' });
    await questions.getByText('Spørgsmålene går automatisk ud 13.03.2030 kl. 12:00, når mødet slutter efter planen – til 1 af 2 deltagere.').waitFor();
    await questions.getByText('Kan ikke nås – ingen Teams-bruger: Helle Hansen.').waitFor();
    expect(prompts()).toHaveLength(0);

    // Asked once more before it happens, with what it means.
    await questions.getByRole('button', { name: 'Send refleksionsspørgsmål nu' }).click();
    await questions.getByText('Mødet regnes som slut nu, og spørgsmålene går straks til 1 af 2 deltagere. De sendes kun én gang.').waitFor();
    const yes = questions.getByRole('button', { name: 'Ja, send spørgsmålene' });
    expect(await yes.evaluate((button) => button === document.activeElement)).toBe(true);
    await fitsThePanel(page, 'leader confirming, dark');
    await noViolations(page, 'leader confirming, dark');
    await yes.click();
    await page.getByTestId('side-panel-questions-outcome').getByText('Spørgsmålene sendes nu til 1 deltager.').waitFor();

    // The scheduler sends the round at once (the meeting ended now): Jens gets the prompt in his chat, once.
    await waitFor(async () => prompts().length > 0, 10_000, 'the reflection prompt in Jens’s chat');
    expect(prompts()).toHaveLength(1);
    await questions.getByText('Spørgsmålene er sendt til 1 af 2 deltagere.').waitFor();
    expect(await questions.getByRole('button', { name: 'Send refleksionsspørgsmål nu' }).count()).toBe(0);
    // The agenda knows the meeting is over.
    await page.getByText('Mødet sluttede kl. 10:40.').waitFor();
    expect(await page.locator('[aria-current="time"]').count()).toBe(0);
    await noViolations(page, 'leader after sending, dark');
    await saveScreenshot(page, 'tabs-side-panel-320-sent-dark');

    // A second panel opened before: its button answers why not, in words, and sends nothing more.
    await stale.getByRole('button', { name: 'Send refleksionsspørgsmål nu' }).click();
    await stale.getByRole('button', { name: 'Ja, send spørgsmålene' }).click();
    await stale.getByTestId('side-panel-questions-outcome').getByText(/^Spørgsmålene blev ikke sendt: Spørgsmålene er allerede sendt\./).waitFor();
    await stale.getByText('Spørgsmålene er sendt til 1 af 2 deltagere.').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(prompts()).toHaveLength(1);
    await stale.context().close();
    await page.context().close();
  });

  test('in English and in high contrast too, still within 320 px and axe clean', async () => {
    const page = await openSidePanel('lene', '&locale=en&theme=contrast');
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Idea parking lot' }).waitFor();
    await page.getByText('The meeting ended at 10:40.').waitFor();
    await page.getByText('The questions were sent to 1 of 2 participants.').waitFor();
    await fitsThePanel(page, 'English, high contrast');
    await noViolations(page, 'English, high contrast');
    await page.context().close();
  });
});
