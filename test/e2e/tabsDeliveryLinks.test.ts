import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { saveScreenshot } from '../support/browser';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, wcagViolations } from '../support/chromium';

// The delivery to Chefforum within reach (issue 16, item 5), in headless Chromium: from *Mine netværk*, from the plan's
// header, from the end of the analysis and from the timeline's Chefforum step to the delivery, and from the delivery
// back to the plan — real links, followed with the mouse and the keyboard. "Fyld ud" then drafts the recommendations
// from what the group prioritised: the patterns and the prioritised notes in the categories' order, and the ideas
// someone took on, with their tovholder — not the notes left out, not the open ones, not the dropped idea; the ideas
// still parked go under "Andet". axe on every view. The scheduler is off.

jest.setTimeout(180_000);

const NAME = 'Ensomhed blandt ældre';
const THEME = 'Hvordan mindsker vi ensomhed blandt ældre borgere?';
const PLAN_URL = /\/tabs\/plan\.html\?networkId=([0-9a-f-]{36})/;
const DELIVERY_URL = /\/tabs\/delivery\.html\?networkId=([0-9a-f-]{36})/;

const VOLUNTEERS = 'Pensionerede sygeplejersker vil gerne være besøgsvenner';
const ASSOCIATIONS = 'Foreningerne vil have flere frivillige';
const COMMUNITY = 'Fællesskab før aktivitet';
const LEFT_OUT = 'Tomme lokaler på plejecentrene om eftermiddagen';
const OPEN = 'Vi måler på besøg, ikke på ensomhed';
const PHONE_LINE = 'Én telefonlinje for ensomme ældre';
const DINNERS = 'Spisefællesskab på biblioteket';
const SCREENING = 'Ensomhedsscreening ved 75 år';

describe('the delivery within reach, and its draft from what the group prioritised', () => {
  let app: App;
  let browser: Browser;
  let networkId: string;
  const N = () => `/api/networks/${networkId}`;
  const pages: Page[] = [];
  const axe = async (page: Page, where: string) => expect({ where, violations: await wcagViolations(page) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    app = await startTestApp('tabsdeliverylinks', { now: () => new Date('2027-06-20T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    const lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: NAME, type: 'welfare', theme: THEME, startDate: '2027-01-04' });
    expect(created.status).toBe(201);
    networkId = created.body.id;

    const jens = findDevIdentity('jens')!;
    const participant = await lene.post(`${N()}/participants`, { name: jens.name, email: jens.email, userId: jens.userId, kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [] });
    expect(participant.status).toBe(201);
    const meeting = (await lene.post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2027-02-17', start: '09:00' })).body.id;
    expect((await lene.put(`${N()}/meetings/${meeting}/summary`, { keyLearningPoints: 'Frivillige vil gerne, men ingen spørger dem.', waysToUseLearning: 'Hjemmeplejen spørger nu til frivillige.' })).status).toBe(201);

    const treasures = (await lene.post(`${N()}/analysis/categories`, { title: 'Skjulte skatte', preset: 'hiddenTreasures', order: 0 })).body.id;
    const values = (await lene.post(`${N()}/analysis/categories`, { title: 'Værdier', preset: 'values', order: 1 })).body.id;
    // Written in another order than the categories': the draft follows the categories.
    for (const [categoryId, text, priority, pattern] of [
      [values, COMMUNITY, 'prioritised', undefined],
      [values, ASSOCIATIONS, 'prioritised', 'Frivillige'],
      [treasures, VOLUNTEERS, 'prioritised', 'Frivillige'],
      [treasures, LEFT_OUT, 'leftOut', 'Lokaler'],
      [values, OPEN, 'open', undefined],
    ] as const) {
      const note = await lene.post(`${N()}/analysis/notes`, { categoryId, text, ...(pattern ? { pattern } : {}) });
      expect(note.status).toBe(201);
      if (priority !== 'open') expect((await lene.patch(`${N()}/analysis/notes/${note.body.id}`, { priority }, { 'If-Match': note.body.etag })).status).toBe(200);
    }

    const owner = { participantId: participant.body.id };
    for (const idea of [
      { text: PHONE_LINE, status: 'takenOn', owner },
      { text: DINNERS },
      { text: SCREENING, status: 'dropped', owner },
    ]) {
      expect((await lene.post(`${N()}/ideas`, idea)).status).toBe(201);
    }
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  const open = async (path: string) => {
    const page = await openTab(browser, app.url, path);
    page.setDefaultTimeout(15_000);
    pages.push(page);
    return page;
  };
  const deliveryHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' });
  const planHeading = (page: Page) => page.getByRole('heading', { level: 1, name: NAME });

  test('from Mine netværk to the delivery, and from the delivery back to the plan', async () => {
    const page = await open('/tabs/personal.html');
    const link = page.getByRole('link', { name: `Leverance til Chefforum – ${NAME}` });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(DELIVERY_URL);
    await axe(page, 'Mine netværk');
    await saveScreenshot(page, 'tabs-delivery-links-my-networks');

    await link.click();
    await page.waitForURL(DELIVERY_URL);
    expect(DELIVERY_URL.exec(page.url())![1]).toBe(networkId);
    await deliveryHeading(page).waitFor();

    const back = page.getByRole('navigation', { name: 'Netværkets sider' }).getByRole('link', { name: 'Netværkets plan' });
    await back.waitFor();
    await axe(page, 'the delivery');
    await back.click();
    await page.waitForURL(PLAN_URL);
    expect(PLAN_URL.exec(page.url())![1]).toBe(networkId);
    await planHeading(page).waitFor();
  });

  test('from the plan’s header to the delivery with the keyboard', async () => {
    const page = await open(`/tabs/plan.html?networkId=${networkId}`);
    await planHeading(page).waitFor();
    const link = page.getByRole('navigation', { name: 'Netværkets sider' }).getByRole('link', { name: 'Leverance til Chefforum' });
    await link.waitFor();
    await axe(page, 'the plan');
    await saveScreenshot(page, 'tabs-delivery-links-plan');

    // Tab from the top of the page reaches the link; Enter follows it.
    await page.locator('body').focus();
    let reached = false;
    for (let presses = 0; presses < 10 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(DELIVERY_URL);
    await deliveryHeading(page).waitFor();
  });

  test('at the end of the analysis and on the timeline’s Chefforum step, the delivery is the next step', async () => {
    const page = await open(`/tabs/plan.html?networkId=${networkId}#analysis`);
    await page.getByRole('tab', { name: 'Analyse', selected: true }).waitFor();
    const next = page.getByTestId('analysis-delivery-link');
    await next.waitFor();
    expect(await next.innerText()).toBe('Åbn leverancen til Chefforum');
    expect(await next.getAttribute('href')).toMatch(DELIVERY_URL);
    await axe(page, 'the analysis');

    await page.getByRole('tab', { name: 'Forløb' }).click();
    // Only the Chefforum step at the end (the delivery), not Chefforum choosing the theme at the start.
    const step = page.getByRole('article', { name: /^Chefforum:/ }).filter({ has: page.getByRole('link', { name: 'Åbn leverancen til Chefforum' }) });
    await step.waitFor();
    expect(await page.getByTestId('timeline-delivery-link').count()).toBe(1);
    await axe(page, 'the timeline');
    await step.getByRole('link', { name: 'Åbn leverancen til Chefforum' }).click();
    await page.waitForURL(DELIVERY_URL);
    await deliveryHeading(page).waitFor();
  });

  test('"Fyld ud" drafts the recommendations from the prioritised patterns and notes and the owned idea, not from what was left out', async () => {
    const page = await open(`/tabs/delivery.html?networkId=${networkId}`);
    await deliveryHeading(page).waitFor();
    await page.getByText('Ingen anbefalinger endnu.').waitFor();
    await page.getByRole('button', { name: 'Fyld ud fra opsamlinger og analyse' }).click();
    await page.getByText(/^Udfyldt: Tema, Opsummering af viden og beskrivelse af læringen, Hvordan læringen har ændret praksis, Prioriterede anbefalinger, Andet\. Gem for at beholde det\.$/).waitFor();

    const count = await page.locator('[data-recommendation]').count();
    const recommendations: string[] = [];
    for (let n = 1; n <= count; n++) recommendations.push(await page.getByRole('textbox', { name: `Anbefaling ${n}`, exact: true }).inputValue());
    expect(recommendations).toEqual([
      // "Skjulte skatte" comes first: the pattern "Frivillige" opens there and gathers its note from "Værdier".
      `Frivillige: ${VOLUNTEERS}; ${ASSOCIATIONS}`,
      COMMUNITY,
      `${PHONE_LINE} (tovholder: Jens Jensen)`,
    ]);
    const all = recommendations.join('\n');
    for (const absent of [LEFT_OUT, OPEN, SCREENING, DINNERS]) expect(all).not.toContain(absent);

    const other = await page.getByRole('textbox', { name: 'Andet', exact: true }).inputValue();
    expect(other).toContain(`– ${DINNERS}`);
    expect(other).not.toContain(SCREENING);
    expect(await page.getByRole('textbox', { name: 'Hvordan læringen har ændret praksis', exact: true }).inputValue()).toBe('Hjemmeplejen spørger nu til frivillige.');

    await axe(page, 'the filled delivery');
    await page.getByRole('heading', { name: 'Prioriterede anbefalinger' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const file = await saveScreenshot(page, 'tabs-delivery-links-filled');
    expect(file).toMatch(/tabs-delivery-links-filled\.png$/);
  });
});
