import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';
import { docxToText } from '../support/libreoffice';

// The delivery tab ("Leverance til Chefforum", /tabs/delivery.html) in headless Chromium: the leader fills it from the
// summaries and the prioritised analysis without losing what she wrote, builds and reorders the recommendations with
// the keyboard and the mouse, saves, moves the status on, exports the Word document (read back by LibreOffice) and
// prints; an ETag conflict keeps her draft; the reference leader reads it. The scheduler is off.

jest.setTimeout(180_000);

const person = (key: string) => {
  const { name, userId, email } = findDevIdentity(key)!;
  return { name, userId, email };
};

const THEME = 'Hvordan støtter kommunen socialøkonomiske virksomheder?';
const ONE_DOOR = 'Lav én indgang for socialøkonomiske virksomheder';
const CLAUSES = 'Brug sociale klausuler i kommunens udbud';
const FOLLOW_UP = 'Følg op om et år';
const MY_PRACTICE = 'Vi henviser nu borgere direkte til tre virksomheder.';

describe('the delivery tab', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let page: Page;
  let networkId: string;
  const N = () => `/api/networks/${networkId}`;
  const deliveryUrl = (extra = '') => `/tabs/delivery.html?networkId=${networkId}${extra}`;

  beforeAll(async () => {
    app = await startTestApp('tabsdelivery', { now: () => new Date('2027-06-20T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', {
      name: 'Socialøkonomiske virksomheder', type: 'learning', theme: THEME, startDate: '2027-01-04', referenceLeader: person('birgitte'),
    });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const jens = findDevIdentity('jens')!;
    await lene.post(`${N()}/participants`, { name: jens.name, kind: 'core', role: 'employee', unit: 'ØS', userId: jens.userId, competenceAreas: [] });
    const first = (await lene.post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00' })).body.id;
    const second = (await lene.post(`${N()}/meetings`, { number: 2, title: 'Jura', date: '2027-02-17', start: '09:00' })).body.id;
    expect((await lene.put(`${N()}/meetings/${first}/summary`, { keyLearningPoints: 'Socialøkonomi er forretning med et socialt formål.', waysToUseLearning: 'Jobcentret henviser til virksomhederne.' })).status).toBe(201);
    expect((await lene.put(`${N()}/meetings/${second}/summary`, { keyLearningPoints: 'Udbudsreglerne giver plads til sociale klausuler.' })).status).toBe(201);
    const treasures = (await lene.post(`${N()}/analysis/categories`, { title: 'Skjulte skatte', preset: 'hiddenTreasures', order: 0 })).body.id;
    const paradoxes = (await lene.post(`${N()}/analysis/categories`, { title: 'Paradokser', preset: 'paradoxes', order: 1 })).body.id;
    for (const [categoryId, text, priority] of [
      [paradoxes, CLAUSES, 'prioritised'],
      [treasures, ONE_DOOR, 'prioritised'],
      [treasures, 'Et årligt træf', 'leftOut'],
    ]) {
      const note = await lene.post(`${N()}/analysis/notes`, { categoryId, text });
      expect((await lene.patch(`${N()}/analysis/notes/${note.body.id}`, { priority }, { 'If-Match': note.body.etag })).status).toBe(200);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const recommendation = (p: Page, number: number) => p.getByRole('textbox', { name: `Anbefaling ${number}`, exact: true });
  const recommendations = async (p: Page) => {
    const count = await p.locator('[data-recommendation]').count();
    const texts: string[] = [];
    for (let n = 1; n <= count; n++) texts.push(await recommendation(p, n).inputValue());
    return texts;
  };
  const field = (p: Page, heading: string) => p.getByRole('textbox', { name: heading, exact: true });
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const focusedLabel = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
  const saved = async () => (await lene.get(N())).body.delivery;

  test('the leader fills the delivery from the summaries and the analysis; her own text is only replaced if she says so', async () => {
    page = await openTab(browser, app.url, deliveryUrl());
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' }).waitFor();
    await page.getByText('Socialøkonomiske virksomheder', { exact: true }).waitFor();
    await page.getByText('Ingen anbefalinger endnu.').waitFor();
    expect(await currentStep(page)).toBe('Udkast');

    await field(page, 'Hvordan læringen har ændret praksis').fill(MY_PRACTICE);
    await page.getByRole('button', { name: 'Fyld ud fra opsamlinger og analyse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vil du erstatte din egen tekst?' });
    await dialog.waitFor();
    const replace = dialog.getByRole('checkbox', { name: 'Erstat „Hvordan læringen har ændret praksis“ med forslaget' });
    expect(await replace.isChecked()).toBe(false);
    await dialog.getByText('Jobcentret henviser til virksomhederne.').waitFor();
    expect({ where: 'fill dialog', violations: await wcagViolations(page) }).toEqual({ where: 'fill dialog', violations: [] });
    await screenshot(page, 'tabs-delivery-fill-ask');
    await dialog.getByRole('button', { name: 'Brug det valgte' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Udfyldt: Tema, Opsummering af viden og beskrivelse af læringen, Prioriterede anbefalinger. Gem for at beholde det.').waitFor();
    expect(await field(page, 'Tema').inputValue()).toBe(THEME);
    expect(await field(page, 'Opsummering af viden og beskrivelse af læringen').inputValue()).toBe(
      'Socialøkonomi er forretning med et socialt formål.\n\nUdbudsreglerne giver plads til sociale klausuler.',
    );
    expect(await field(page, 'Hvordan læringen har ændret praksis').inputValue()).toBe(MY_PRACTICE);
    // In the order of the analysis' categories; the note left out is not there.
    expect(await recommendations(page)).toEqual([ONE_DOOR, CLAUSES]);

    // A second fill changes nothing without asking, and adds nothing twice.
    await page.getByRole('button', { name: 'Fyld ud fra opsamlinger og analyse' }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Behold min tekst' }).click();
    await page.getByText('Din tekst er bevaret; intet er erstattet.').waitFor();
    expect(await field(page, 'Hvordan læringen har ændret praksis').inputValue()).toBe(MY_PRACTICE);
    expect(await recommendations(page)).toEqual([ONE_DOOR, CLAUSES]);
  });

  test('she adds a third recommendation and reorders them with the keyboard, the buttons and the mouse', async () => {
    await page.getByRole('button', { name: 'Tilføj anbefaling' }).click();
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-text') && (document.activeElement as HTMLTextAreaElement).value === '');
    await page.keyboard.type(FOLLOW_UP);
    expect(await recommendations(page)).toEqual([ONE_DOOR, CLAUSES, FOLLOW_UP]);

    // Alt+↑ in the recommendation: it moves up, the caret stays in it, and the move is announced.
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(() => recommendations(page), [ONE_DOOR, FOLLOW_UP, CLAUSES]);
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(FOLLOW_UP);
    await status(page, '„Følg op om et år“ er nu nummer 2 af 3.').waitFor();

    // The move button: focus follows the moved recommendation.
    await page.getByRole('button', { name: 'Flyt ned: anbefaling 1' }).click();
    await eventually(() => recommendations(page), [FOLLOW_UP, ONE_DOOR, CLAUSES]);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Flyt ned: anbefaling 2');
    await status(page, `„${ONE_DOOR}“ er nu nummer 2 af 3.`).waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => recommendations(page), [FOLLOW_UP, CLAUSES, ONE_DOOR]);
    await eventually(() => focusedLabel(page), 'Flyt ned: anbefaling 3');

    // The mouse: drag the last one by its handle onto the upper half of the first.
    await page.locator('[data-drag-handle="3"]').dragTo(page.locator('[data-recommendation="1"]'), { targetPosition: { x: 40, y: 6 } });
    await eventually(() => recommendations(page), [ONE_DOOR, FOLLOW_UP, CLAUSES]);
    // …and the first onto the lower half of the last.
    const last = page.locator('[data-recommendation="3"]');
    const { height } = (await last.boundingBox())!;
    await page.locator('[data-drag-handle="1"]').dragTo(last, { targetPosition: { x: 40, y: height - 6 } });
    await eventually(() => recommendations(page), [FOLLOW_UP, CLAUSES, ONE_DOOR]);
    await status(page, `„${ONE_DOOR}“ er nu nummer 3 af 3.`).waitFor();

    // Who spreads the learning where.
    await page.getByRole('button', { name: 'Tilføj række' }).click();
    await page.getByRole('textbox', { name: 'Hvem formidler, række 1' }).fill('Lene Holm');
    await page.getByRole('textbox', { name: 'Hvor (kanal), række 1' }).fill('Chefforum');
    await page.getByRole('textbox', { name: 'Hvornår, række 1' }).fill('August 2027');
    await page.getByText('Ændringer, der ikke er gemt', { exact: true }).waitFor();
    expect({ where: 'delivery editor', violations: await wcagViolations(page) }).toEqual({ where: 'delivery editor', violations: [] });
    await screenshot(page, 'tabs-delivery-editor');
  });

  test('a blank recommendation is not saved: the leader is told and taken to it', async () => {
    await page.getByRole('button', { name: 'Tilføj anbefaling' }).click();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Skriv anbefalingen, eller slet den.').waitFor();
    expect(await recommendation(page, 4).evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid') === 'true')).toBe(true);
    expect(await saved()).toBeUndefined();
    await page.getByRole('button', { name: 'Slet anbefaling 4' }).click();
    await status(page, 'Anbefaling 4 er slettet. Gem for at beholde ændringen.').waitFor();
    await eventually(() => focusedLabel(page), 'Slet anbefaling 3');
  });

  test('she saves, and after a reload the order is kept', async () => {
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await status(page, 'Gemt kl.').waitFor();
    const delivery = await saved();
    expect(delivery).toMatchObject({
      theme: THEME,
      practiceChanges: MY_PRACTICE,
      recommendations: [{ text: FOLLOW_UP }, { text: CLAUSES }, { text: ONE_DOOR }],
      dissemination: [{ who: 'Lene Holm', channel: 'Chefforum', when: 'August 2027' }],
      status: 'draft',
    });
    await page.getByText('Senest gemt 20.06.2027 12:00 af Lene Holm.').waitFor();

    await page.reload();
    await recommendation(page, 3).waitFor();
    expect(await recommendations(page)).toEqual([FOLLOW_UP, CLAUSES, ONE_DOOR]);
    expect(await field(page, 'Hvordan læringen har ændret praksis').inputValue()).toBe(MY_PRACTICE);
    expect(await page.getByRole('textbox', { name: 'Hvornår, række 1' }).inputValue()).toBe('August 2027');
    expect(await page.getByText('Ændringer, der ikke er gemt', { exact: true }).count()).toBe(0);
  });

  test('a save that meets someone else’s change keeps the draft and saves after loading the latest version', async () => {
    await field(page, 'Andet').fill('Netværket fortsætter som driftsnetværk.');
    const current = await saved();
    const { etag, updatedAt: _at, updatedBy: _by, ...body } = current;
    expect((await lene.put(`${N()}/delivery`, { ...body, theme: 'Socialøkonomi i kommunen' }, { 'If-Match': etag })).status).toBe(200);

    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('En anden har ændret dette').waitFor();
    expect({ where: 'delivery conflict', violations: await wcagViolations(page) }).toEqual({ where: 'delivery conflict', violations: [] });
    await page.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await page.getByText('En anden har ændret dette').waitFor({ state: 'detached' });
    await status(page, 'Din tekst er bevaret.').waitFor();
    // Her text stays; what she did not touch now shows the other change.
    expect(await field(page, 'Andet').inputValue()).toBe('Netværket fortsætter som driftsnetværk.');
    expect(await field(page, 'Tema').inputValue()).toBe('Socialøkonomi i kommunen');
    expect(await recommendations(page)).toEqual([FOLLOW_UP, CLAUSES, ONE_DOOR]);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await status(page, 'Gemt kl.').waitFor();
    expect(await saved()).toMatchObject({ theme: 'Socialøkonomi i kommunen', other: 'Netværket fortsætter som driftsnetværk.' });
  });

  test('the stepper moves the delivery from draft to sent to the reference leader', async () => {
    const stepper = page.getByTestId('delivery-stepper');
    expect(await stepper.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+Udkast\s+Nu – trin 1 af 3$/),
      expect.stringMatching(/^2\s+Sendt til referencelederen\s+Trin 2 af 3$/),
      expect.stringMatching(/^3\s+Leveret til Chefforum\s+Trin 3 af 3$/),
    ]);
    await page.getByRole('button', { name: 'Markér som sendt til referencelederen' }).click();
    await status(page, 'Status er nu „Sendt til referencelederen“. Gemt kl.').waitFor();
    expect(await currentStep(page)).toBe('Sendt til referencelederen');
    expect(await stepper.getByRole('listitem').first().innerText()).toMatch(/Udkast\s+Fuldført/);
    expect((await saved()).status).toBe('sentToReferenceLeader');
    await page.getByRole('button', { name: 'Markér som leveret til Chefforum' }).waitFor();
    await page.getByRole('button', { name: 'Tilbage til „Udkast“' }).waitFor();
    await screenshot(page, 'tabs-delivery-sent');
  });

  test('the Word document, downloaded through the page in Danish and English, has the headings and the new order', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (dansk)' }).click()]);
    expect(download.suggestedFilename()).toBe('Leverance til Chefforum - Socialøkonomiske virksomheder.docx');
    await page.getByText('Leverance til Chefforum - Socialøkonomiske virksomheder.docx er hentet.').waitFor();
    const text = await docxToText(fs.readFileSync((await download.path())!));
    expect(inOrder(text, [
      'Leverance til Chefforum',
      'Sendt til referencelederen · 20.06.2027',
      'Tema',
      'Socialøkonomi i kommunen',
      'Opsummering af viden og beskrivelse af læringen',
      'Hvordan læringen har ændret praksis',
      MY_PRACTICE,
      'Prioriterede anbefalinger',
      FOLLOW_UP,
      CLAUSES,
      ONE_DOOR,
      'Andet',
      'Netværket fortsætter som driftsnetværk.',
      'Spredning af læringen',
      'Lene Holm',
    ])).toEqual([]);
    expect(text).toMatch(/1\.\s*Følg op om et år/);
    expect(text).toMatch(/3\.\s*Lav én indgang/);

    const [english] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (engelsk)' }).click()]);
    expect(english.suggestedFilename()).toBe('Delivery to Chefforum - Socialøkonomiske virksomheder.docx');
    const englishText = await docxToText(fs.readFileSync((await english.path())!));
    expect(inOrder(englishText, ['Delivery to Chefforum', 'Sent to the reference leader', 'Prioritised recommendations', FOLLOW_UP, CLAUSES, ONE_DOOR, 'Spreading the learning'])).toEqual([]);
  });

  test('the print view shows the saved delivery and prints without its buttons', async () => {
    await page.getByRole('link', { name: 'Udskriftsvisning' }).click();
    await page.waitForURL(/view=print/);
    await page.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' }).waitFor();
    await page.getByText(/^Sendt til referencelederen · udskrevet \d{2}\.\d{2}\.\d{4} · Senest gemt 20\.06\.2027 12:00 af Lene Holm\.$/).waitFor();
    const list = page.getByRole('list', { name: 'Prioriterede anbefalinger' });
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([FOLLOW_UP, CLAUSES, ONE_DOOR]);
    await page.getByRole('rowheader', { name: 'Lene Holm' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-delivery-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Prioriterede anbefalinger' }).isVisible()).toBe(true);
    await screenshot(page, 'tabs-delivery-print-media');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Tilbage til leverancen' }).click();
    await recommendation(page, 1).waitFor();
    expect(page.url()).not.toContain('view=print');
  });

  test('the editor passes axe in the dark theme', async () => {
    const dark = await openTab(browser, app.url, deliveryUrl('&theme=dark'));
    await recommendation(dark, 3).waitFor();
    expect(await wcagViolations(dark)).toEqual([]);
    await screenshot(dark, 'tabs-delivery-dark');
    await dark.context().close();
  });

  test('the reference leader reads the delivery: no fields, no buttons that change it', async () => {
    const birgitte = await openTab(browser, app.url, deliveryUrl(), 'birgitte');
    await birgitte.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' }).waitFor();
    await birgitte.getByText('Netværkslederen skriver leverancen.', { exact: false }).waitFor();
    const list = birgitte.getByRole('list', { name: 'Prioriterede anbefalinger' });
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([FOLLOW_UP, CLAUSES, ONE_DOOR]);
    expect(await currentStep(birgitte)).toBe('Sendt til referencelederen');
    expect(await birgitte.getByRole('textbox').count()).toBe(0);
    for (const name of ['Fyld ud fra opsamlinger og analyse', 'Gem', 'Markér som leveret til Chefforum', 'Tilføj anbefaling']) {
      expect(await birgitte.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    await birgitte.getByRole('button', { name: 'Word (dansk)' }).waitFor();
    expect(await wcagViolations(birgitte)).toEqual([]);
    await screenshot(birgitte, 'tabs-delivery-reference-leader');
    expect((await clientFor(app, 'birgitte').get(`${N()}/delivery/draft`)).status).toBe(403);
    await birgitte.context().close();
  });

  test('a participant reads it in English', async () => {
    const jens = await openTab(browser, app.url, deliveryUrl(), 'jens', 'en-GB');
    await jens.getByRole('heading', { level: 1, name: 'Delivery to Chefforum' }).waitFor();
    await jens.getByRole('heading', { level: 2, name: 'Prioritised recommendations' }).waitFor();
    expect(await currentStep(jens)).toBe('Sent to the reference leader');
    expect(await jens.getByRole('textbox').count()).toBe(0);
    await jens.getByRole('button', { name: 'Word (English)' }).waitFor();
    expect(await wcagViolations(jens)).toEqual([]);
    await jens.context().close();
  });
});

/** Polls until `read` gives `expected` (or fails with what it gave last). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** The step marked aria-current="step", by its name. */
async function currentStep(page: Page): Promise<string> {
  const step: Locator = page.getByTestId('delivery-stepper').locator('[aria-current="step"]');
  return (await step.locator('span > span').first().innerText()).trim();
}

/** The texts that are missing or out of order in `text` (empty when all come in this order). */
function inOrder(text: string, lines: string[]): string[] {
  const problems: string[] = [];
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(line, from);
    if (at < 0) problems.push(text.includes(line) ? `out of order: ${line}` : `missing: ${line}`);
    else from = at + line.length;
  }
  return problems;
}
