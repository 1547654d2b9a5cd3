import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';
import { saveScreenshot } from '../support/browser';

// The agenda as the handbook's table (Tid · Indhold · Proces · Formål/udbytte), in headless Chromium at a laptop's
// 1366×768: a leader types a programme of seven items by keyboard alone (Tab and Enter, times suggested from the rows
// above), moves a row with Alt+↓ and finds the order after saving and reloading; pastes a table from Excel
// (tab-separated) and from Word (HTML) and gets rows; drags a row; removes one and undoes it; and on Teams' narrow
// side panel every row is still usable. Clicks and keystrokes are counted for the seven items.

// Each axe run takes ~20 s on this machine; the first test also types ~330 keys.
jest.setTimeout(240_000);

const LABEL = 'Netværksmøde 1 af 2';

describe('the agenda table', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let page: Page;
  let networkId: string;
  let meetingIds: string[];
  const clock = new Date('2026-03-03T10:00:00Z');

  beforeAll(async () => {
    app = await startTestApp('tabsagendatable', { now: () => clock, env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Projektledernetværk 2', type: 'learning', theme: 'Kommunikation i projekter', startDate: '2026-02-02', endDate: '2026-07-31' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    meetingIds = [];
    for (const [number, date] of [[1, '2026-03-17'], [2, '2026-04-14']] as const) {
      const meeting = await lene.post(`/api/networks/${networkId}/meetings`, { number, date, start: '09:00', location: 'Lokale 129', purpose: 'Erfaringsudveksling' });
      expect(meeting.status).toBe(201);
      meetingIds.push(meeting.body.id);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const url = (extra = '') => `/tabs/plan.html?networkId=${networkId}${extra}#agenda`;
  const table = (p: Page) => p.getByRole('table', { name: 'Program' });
  const cell = (p: Page, column: string, number: number) => p.getByRole('textbox', { name: `${column}, punkt ${number}`, exact: true });
  const rows = (p: Page) => table(p).locator('tbody tr');
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const focusedName = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  const focusedSelection = (p: Page) =>
    p.evaluate(() => {
      const element = document.activeElement as HTMLInputElement;
      return element.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0);
    });
  const contents = async (p: Page) => Promise.all(Array.from({ length: await rows(p).count() }, (_v, i) => cell(p, 'Indhold', i + 1).inputValue()));
  const times = async (p: Page) => Promise.all(Array.from({ length: await rows(p).count() }, (_v, i) => cell(p, 'Tid', i + 1).inputValue()));

  test('seven items by keyboard: Tab through the cells, Enter for the next row with a suggested time; Alt+↓ moves a row, kept after saving and reloading', async () => {
    page = await openTab(browser, app.url, url());
    await page.setViewportSize({ width: 1366, height: 768 });
    page.setDefaultTimeout(15_000);
    await table(page).waitFor();
    // Which meeting is shown first depends on today's date in the browser: choose the first.
    await page.getByLabel('Møde', { exact: true }).selectOption(meetingIds[0]!);
    await page.getByRole('heading', { name: `Dagsorden til ${LABEL}` }).waitFor();
    let clicks = 0;
    let keys = 0;
    const click = async (locator: Locator) => {
      clicks += 1;
      await locator.click();
    };
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      keys += text.length;
      await page.keyboard.type(text);
    };

    // An empty programme is one empty row at the meeting's start: nothing to add before typing, nothing unsaved yet.
    expect(await rows(page).count()).toBe(1);
    expect(await cell(page, 'Tid', 1).inputValue()).toBe('09:00');
    expect(await page.getByText('Ændringer, der ikke er gemt').count()).toBe(0);
    await page.getByText('Tab eller Enter: næste felt. Skift+Enter: ny linje i feltet.', { exact: false }).waitFor();

    // Row 1: type, Tab to the next cell.
    await click(cell(page, 'Indhold', 1));
    await type('Velkomst og check-in');
    await press('Tab');
    expect(await focusedName(page)).toBe('Proces, punkt 1');
    await type('Runde i plenum');
    await press('Tab');
    expect(await focusedName(page)).toBe('Formål/udbytte, punkt 1');
    await type('Alle er landet');
    // Enter in the last cell: a new row, focus in its time, which is offered (15 minutes on) and selected.
    await press('Enter');
    expect(await focusedName(page)).toBe('Tid, punkt 2');
    expect(await cell(page, 'Tid', 2).inputValue()).toBe('09:15');
    expect(await focusedSelection(page)).toBe('09:15');
    await status(page, 'Nyt punkt 2 kl. 09:15.').waitFor();

    // Row 2: overwrite the time as Danes write it; Enter moves on too; Shift+Enter is a new line in a text cell.
    await type('9.30');
    await press('Enter');
    expect(await cell(page, 'Tid', 2).inputValue()).toBe('09:30');
    expect(await focusedName(page)).toBe('Indhold, punkt 2');
    const oneLine = await cell(page, 'Indhold', 2).evaluate((element) => element.getBoundingClientRect().height);
    await type('Oplæg');
    await press('Shift+Enter');
    await type('om kommunikationsplaner');
    expect(await cell(page, 'Indhold', 2).inputValue()).toBe('Oplæg\nom kommunikationsplaner');
    const twoLines = await cell(page, 'Indhold', 2).evaluate((element) => element.getBoundingClientRect().height);
    expect(twoLines).toBeGreaterThan(oneLine + 10);
    await press('Enter');
    await type('Lars fortæller');
    await press('Enter');
    await type('Fælles sprog');
    await press('Enter');
    // The rhythm of the rows above: 09:00, 09:30 → 10:00 offered.
    expect(await cell(page, 'Tid', 3).inputValue()).toBe('10:00');

    // Rows 3–7: accept or overwrite the offered time, Tab past the cells left empty.
    const programme = [
      ['', 'Tematiseret gruppesamtale', 'Grupper á fire', 'Alle får udbytte'],
      ['10:25', 'Kort pause', '', ''],
      ['10:40', 'Opsamling', 'Tavlen', 'Fælles refleksion'],
      ['10:55', 'Personlig refleksion', 'Hver for sig', ''],
      ['11:50', 'Næste møde', 'Forslag på tavlen', 'Alle tager ansvar'],
    ];
    for (const [index, [time, content, process, purpose]] of programme.entries()) {
      if (time) await type(time!);
      await press('Tab');
      await type(content!);
      await press('Tab');
      if (process) await type(process);
      await press('Tab');
      if (purpose) await type(purpose);
      if (index < programme.length - 1) await press('Enter');
    }
    expect(await rows(page).count()).toBe(7);
    expect(await times(page)).toEqual(['09:00', '09:30', '10:00', '10:25', '10:40', '10:55', '11:50']);
    await page.getByText('Ændringer, der ikke er gemt').waitFor();

    // Alt+↓ on row 1: it moves down one place and takes that place's time; focus stays in the moved row's cell.
    await cell(page, 'Indhold', 1).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await status(page, '„Velkomst og check-in“ er nu punkt 2 af 7, kl. 09:30.').waitFor();
    expect(await contents(page)).toEqual(['Oplæg\nom kommunikationsplaner', 'Velkomst og check-in', 'Tematiseret gruppesamtale', 'Kort pause', 'Opsamling', 'Personlig refleksion', 'Næste møde']);
    expect(await times(page)).toEqual(['09:00', '09:30', '10:00', '10:25', '10:40', '10:55', '11:50']);
    expect(await focusedName(page)).toBe('Indhold, punkt 2');
    expect(await cell(page, 'Proces', 2).inputValue()).toBe('Runde i plenum');

    // The table fits the laptop screen: no sideways scrolling of the page.
    expect(await pastTheEdge(page, 'body *')).toEqual([]);
    expect({ where: 'agenda table', violations: await wcagViolations(page) }).toEqual({ where: 'agenda table', violations: [] });
    await table(page).scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: `Dagsorden til ${LABEL}` }).evaluate((element) => element.scrollIntoView());
    const shot = await saveScreenshot(page, 'tabs-agenda-table-1366x768');
    expect(shot).toMatch(/tabs-agenda-table-1366x768\.png$/);

    await click(page.getByRole('button', { name: 'Gem' }));
    await status(page, `Dagsordenen til ${LABEL} er gemt.`).waitFor();
    // Seven items: one click into the first cell and one on "Gem" (the stacked form took 34 clicks).
    expect(clicks).toBe(2);
    console.log(`agenda table: 7 items with ${clicks} clicks and ${keys} keystrokes`);

    const saved = (await lene.get(`/api/networks/${networkId}`)).body.agendas.find((a: { meetingId: string }) => a.meetingId === meetingIds[0]);
    expect(saved.items.map((i: { time: string; content: string }) => `${i.time} ${i.content}`)).toEqual([
      '09:00 Oplæg\nom kommunikationsplaner',
      '09:30 Velkomst og check-in',
      '10:00 Tematiseret gruppesamtale',
      '10:25 Kort pause',
      '10:40 Opsamling',
      '10:55 Personlig refleksion',
      '11:50 Næste møde',
    ]);
    expect(saved.items[1]).toMatchObject({ process: 'Runde i plenum', purpose: 'Alle er landet' });

    await page.reload();
    await page.getByLabel('Møde', { exact: true }).selectOption(meetingIds[0]!);
    await cell(page, 'Indhold', 7).waitFor();
    expect((await contents(page)).slice(0, 2)).toEqual(['Oplæg\nom kommunikationsplaner', 'Velkomst og check-in']);
    expect(await page.getByText('Ændringer, der ikke er gemt').count()).toBe(0);
  });

  test('a table copied from Excel (tab-separated) or Word (HTML) becomes rows; one cell is a normal paste; undo', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByLabel('Møde', { exact: true }).selectOption(meetingIds[1]!);
    await page.getByRole('heading', { name: 'Dagsorden til Netværksmøde 2 af 2' }).waitFor();
    expect(await rows(page).count()).toBe(1);

    // Excel: a heading row, a cell with a line break (quoted), the last line break.
    const excel = 'Tid\tIndhold\tProces\tFormål/udbytte\r\n8.30\tForberedelse\t"Hente morgenmad\nIndrette lokalet"\tJeg er klar\r\n9.00\tVelkommen\tPositiv og uformel tone\tAlle føler sig velkomne\r\n09.08\tDagens program\tKort i punktform\tAlle ved hvad der skal ske\r\n';
    await clipboard(page, { text: excel });
    await cell(page, 'Tid', 1).focus();
    await page.keyboard.press('Control+V');
    await status(page, '3 rækker fra den kopierede tabel er sat ind fra punkt 1. Overskriftsrækken er sprunget over.').waitFor();
    expect(await rows(page).count()).toBe(3);
    expect(await times(page)).toEqual(['08:30', '09:00', '09:08']);
    expect(await contents(page)).toEqual(['Forberedelse', 'Velkommen', 'Dagens program']);
    expect(await cell(page, 'Proces', 1).inputValue()).toBe('Hente morgenmad\nIndrette lokalet');
    expect(await cell(page, 'Formål/udbytte', 3).inputValue()).toBe('Alle ved hvad der skal ske');
    expect(await focusedName(page)).toBe('Tid, punkt 3');

    // Undo puts the table back as it was before the paste.
    const undo = page.getByTestId('agenda-undo');
    await undo.getByText('3 rækker fra den kopierede tabel er sat ind fra punkt 1.', { exact: false }).waitFor();
    await undo.getByRole('button', { name: 'Fortryd' }).click();
    await status(page, 'Fortrudt.').waitFor();
    expect(await rows(page).count()).toBe(1);
    expect(await times(page)).toEqual(['09:00']);
    expect(await contents(page)).toEqual(['']);
    await cell(page, 'Tid', 1).focus();
    await page.keyboard.press('Control+V');
    expect(await rows(page).count()).toBe(3);

    // Word: an HTML table with paragraphs in a cell and five columns, pasted into the content of a new row.
    await cell(page, 'Indhold', 3).focus();
    await page.keyboard.press('Control+Enter');
    expect(await focusedName(page)).toBe('Tid, punkt 4');
    expect(await cell(page, 'Tid', 4).inputValue()).toBe('09:16');
    const word =
      '<html><body><table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Præsentationsrunde<o:p></o:p></p></td>' +
      '<td><p class=MsoNormal>Vi står i en cirkel.</p>\n<p class=MsoNormal>Hver har en genstand med.</p></td><td><p>Energi i gruppen</p></td><td><p>Lene</p></td></tr>' +
      '<tr><td><p>Tematiseret\n   gruppesamtale</p></td><td><p>Lars præsenterer sin case</p></td><td><p>Alle får udbytte</p></td><td></td></tr></table></body></html>';
    await clipboard(page, { text: 'Præsentationsrunde\tVi står i en cirkel.\r\nHver har en genstand med.\tEnergi i gruppen\tLene\r\n', html: word });
    await cell(page, 'Indhold', 4).focus();
    await page.keyboard.press('Control+V');
    await status(page, '2 rækker fra den kopierede tabel er sat ind fra punkt 4. 1 kolonne efter Formål/udbytte kom ikke med.').waitFor();
    expect(await rows(page).count()).toBe(5);
    expect(await times(page)).toEqual(['08:30', '09:00', '09:08', '09:16', '09:24']);
    expect(await contents(page)).toEqual(['Forberedelse', 'Velkommen', 'Dagens program', 'Præsentationsrunde', 'Tematiseret gruppesamtale']);
    expect(await cell(page, 'Proces', 4).inputValue()).toBe('Vi står i en cirkel.\nHver har en genstand med.');
    expect(await cell(page, 'Formål/udbytte', 5).inputValue()).toBe('Alle får udbytte');

    // One cell is pasted as text, where the caret is.
    await clipboard(page, { text: 'Husk tuscher' });
    await cell(page, 'Proces', 2).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Control+V');
    expect(await cell(page, 'Proces', 2).inputValue()).toBe('Positiv og uformel tone\nHusk tuscher');
    expect(await rows(page).count()).toBe(5);

    await page.getByRole('button', { name: 'Gem' }).click();
    await status(page, 'Dagsordenen til Netværksmøde 2 af 2 er gemt.').waitFor();
    const saved = (await lene.get(`/api/networks/${networkId}`)).body.agendas.find((a: { meetingId: string }) => a.meetingId === meetingIds[1]);
    expect(saved.items.map((i: { time: string; content: string }) => `${i.time} ${i.content}`)).toEqual([
      '08:30 Forberedelse',
      '09:00 Velkommen',
      '09:08 Dagens program',
      '09:16 Præsentationsrunde',
      '09:24 Tematiseret gruppesamtale',
    ]);
    expect(await page.getByTestId('agenda-undo').count()).toBe(0);
  });

  test('a row dragged by its handle; a removed row comes back with "Fortryd"; a refused cell says why and gets focus', async () => {
    // Drag row 1 onto the lower half of row 3: it becomes row 3 and takes 09:08.
    const target = rows(page).nth(2);
    const box = (await target.boundingBox())!;
    // As a hand does it, in steps: one jump from handle to target can end the drag before the page has seen it start.
    await page.locator('[data-drag-handle="1"]').hover();
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.move(box.x + 200, box.y + box.height - 4, { steps: 4 });
    await page.mouse.up();
    await status(page, '„Forberedelse“ er nu punkt 3 af 5, kl. 09:08.').waitFor();
    expect(await contents(page)).toEqual(['Velkommen', 'Dagens program', 'Forberedelse', 'Præsentationsrunde', 'Tematiseret gruppesamtale']);
    expect(await times(page)).toEqual(['08:30', '09:00', '09:08', '09:16', '09:24']);

    await page.getByRole('button', { name: 'Fjern punkt 2' }).click();
    await status(page, '„Dagens program“ er fjernet fra programmet.').waitFor();
    expect(await focusedName(page)).toBe('Fjern punkt 2');
    expect(await contents(page)).toEqual(['Velkommen', 'Forberedelse', 'Præsentationsrunde', 'Tematiseret gruppesamtale']);
    await page.getByTestId('agenda-undo').getByRole('button', { name: 'Fortryd' }).click();
    expect(await contents(page)).toEqual(['Velkommen', 'Dagens program', 'Forberedelse', 'Præsentationsrunde', 'Tematiseret gruppesamtale']);
    expect(await focusedName(page)).toBe('Indhold, punkt 2');

    // A saved row emptied is refused at its cell, with the server's words; focus goes there.
    await cell(page, 'Indhold', 2).fill('');
    await cell(page, 'Proces', 2).fill('');
    await cell(page, 'Formål/udbytte', 2).fill('');
    await cell(page, 'Tid', 4).fill('ved 10-tiden');
    await page.getByRole('button', { name: 'Gem' }).click();
    await status(page, '2 felter skal rettes, før dagsordenen kan gemmes.').waitFor();
    expect(await focusedName(page)).toBe('Indhold, punkt 2');
    expect(await cell(page, 'Indhold', 2).getAttribute('aria-invalid')).toBe('true');
    expect(await table(page).getByText('Skal udfyldes.').count()).toBe(1);
    expect(await table(page).getByText('Skriv tidspunktet som TT:MM, fx 09:00.').count()).toBe(1);
    expect({ where: 'refused cells', violations: await wcagViolations(page) }).toEqual({ where: 'refused cells', violations: [] });
    await page.getByRole('button', { name: 'Annuller' }).click();
    expect(await contents(page)).toEqual(['Forberedelse', 'Velkommen', 'Dagens program', 'Præsentationsrunde', 'Tematiseret gruppesamtale']);
  });

  test('on Teams’ narrow side panel each row is a card with its columns named; nothing of it reaches past the edge', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await cell(page, 'Indhold', 1).scrollIntoViewIfNeeded();
    // Nothing of the agenda form reaches past the panel's edge (the plan's row of section tabs is not the agenda's).
    expect(await pastTheEdge(page, '[data-testid="agenda-form"], [data-testid="agenda-form"] *')).toEqual([]);
    const label = await cell(page, 'Indhold', 1).evaluate((element) => getComputedStyle(element.closest('td')!, '::before').content);
    expect(label).toBe('"Indhold"');
    // Stacked, each text cell has the card's width to write in (side by side it would have a few pixels).
    for (const column of ['Tid', 'Indhold', 'Proces', 'Formål/udbytte']) expect((await cell(page, column, 1).boundingBox())!.width).toBeGreaterThan(200);
    expect({ where: 'narrow agenda table', violations: await wcagViolations(page) }).toEqual({ where: 'narrow agenda table', violations: [] });
    await screenshot(page, 'tabs-agenda-table-320-page');
    await rows(page).nth(0).evaluate((element) => element.scrollIntoView());
    await saveScreenshot(page, 'tabs-agenda-table-320');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('in English the columns and cells have English names', async () => {
    const english = await openTab(browser, app.url, url(), 'lene', 'en-GB');
    await english.getByRole('table', { name: 'Programme' }).waitFor();
    for (const column of ['Time', 'Content', 'Process', 'Purpose/outcome']) await english.getByRole('columnheader', { name: column }).waitFor();
    await english.getByRole('textbox', { name: 'Content, item 1', exact: true }).waitFor();
    await english.getByRole('button', { name: 'Move down: item 1' }).waitFor();
    expect(await wcagViolations(english)).toEqual([]);
    await english.context().close();
  });
});

/** Puts text (and HTML, as Word and Excel do) on the clipboard for Ctrl+V. */
async function clipboard(page: Page, data: { text: string; html?: string }) {
  await page.evaluate(async ({ text, html }) => {
    const parts: Record<string, Blob> = { 'text/plain': new Blob([text], { type: 'text/plain' }) };
    if (html) parts['text/html'] = new Blob([html], { type: 'text/html' });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, data);
}

/** The elements (matching `selector`) that reach past the right edge of the window: what makes a page scroll sideways. */
function pastTheEdge(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((css) => {
    const edge = document.documentElement.clientWidth + 0.5;
    return Array.from(document.querySelectorAll(css))
      .filter((element) => element.getBoundingClientRect().right > edge)
      .map((element) => `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40)}`);
  }, selector);
}
