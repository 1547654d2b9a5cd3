import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// The leader's agenda and reflections in the plan tab, in headless Chromium: the agenda editor beside a live
// preview of the card (rendered by the Adaptive Cards SDK), saving with conflicts, "Send nu"; after the meeting the
// reflection status with a shared answer moved to the idea parking lot, closing and reopening the meeting.
// The scheduler is off, so nothing is sent: the tests look at the jobs the API schedules. The network is in no channel,
// so "Send nu" is refused with the reason (the true outcomes against a channel are in tabsReach.test.ts).

jest.setTimeout(120_000);

const JENS = { name: 'Jens Jensen', userId: 'd0000000-0000-4000-8000-000000000003' };
const LABEL = 'Netværksmøde 1 af 1';

describe('the plan tab: agenda and reflections', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let page: Page;
  let networkId: string;
  let meetingId: string;
  let jensId: string;
  let helleId: string;
  // Two weeks before the meeting on 17.03.2026; moved past it for the reflections.
  let clock = new Date('2026-03-03T10:00:00Z');
  const M = () => `/api/networks/${networkId}/meetings/${meetingId}`;
  const planUrl = (hash: string, extra = '') => `/tabs/plan.html?networkId=${networkId}${extra}#${hash}`;

  beforeAll(async () => {
    app = await startTestApp('tabsagenda', { now: () => clock, env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Deleøkonomi i kommunen', type: 'learning', theme: 'Deleøkonomi', startDate: '2026-02-02', endDate: '2026-07-31' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const jens = await lene.post(`/api/networks/${networkId}/participants`, { ...JENS, kind: 'core', role: 'employee', unit: 'ØS' });
    const helle = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Helle Hansen', kind: 'core', role: 'manager', unit: 'SPO', email: 'helle@kommune.example' });
    [jensId, helleId] = [jens.body.id, helle.body.id];
    const meeting = await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, date: '2026-03-17', start: '09:00', location: 'Rådhuset', purpose: 'At forstå deleøkonomi.' });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const form = (p: Page) => p.getByRole('form', { name: `Dagsorden til ${LABEL}` });
  // A cell of the agenda table, by column and row: "Indhold, punkt 2".
  const cell = (p: Page, column: string, number: number) => p.getByRole('textbox', { name: `${column}, punkt ${number}`, exact: true });
  const card = (p: Page) => p.getByTestId('adaptive-card').locator('.ac-adaptiveCard');
  const previewDone = (p: Page) => p.locator('section[aria-busy="false"]').filter({ has: p.getByRole('heading', { name: 'Forhåndsvisning af kortet' }) });
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const focusIsOn = (p: Page, label: string) =>
    p.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name || document.activeElement?.textContent === name, label);
  const jobs = async () => (await app.services.jobs.listForNetwork(networkId)).map((j) => ({ kind: j.kind, onDemand: j.onDemand }));

  test('the leader writes two agenda items beside a live preview of the card, saves them and finds them after a reload', async () => {
    page = await openTab(browser, app.url, planUrl('agenda'));
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 2, name: 'Dagsorden' }).waitFor();
    // An empty programme is one empty row at the meeting's start (the keyboard and paste are in tabsAgendaTable.test.ts).
    expect(await cell(page, 'Tid', 1).inputValue()).toBe('09:00');
    await card(page).getByText('Programmet følger.').waitFor();
    await cell(page, 'Indhold', 1).fill('Velkomst og check-in');
    await cell(page, 'Proces', 1).fill('Runde i plenum');
    await cell(page, 'Formål/udbytte', 1).fill('Alle er landet');

    // The second row with the button: a quarter of an hour later, focus in its time; "10" becomes 10:00.
    await page.getByRole('button', { name: 'Tilføj punkt' }).focus();
    await page.keyboard.press('Enter');
    expect(await cell(page, 'Tid', 2).inputValue()).toBe('09:15');
    await focusIsOn(page, 'Tid, punkt 2');
    await cell(page, 'Tid', 2).fill('10');
    await cell(page, 'Indhold', 2).fill('Oplæg om deleøkonomi i kommunerne');
    expect(await cell(page, 'Tid', 2).inputValue()).toBe('10:00');

    // The preview follows the draft: the Adaptive Cards SDK renders what the server built.
    await card(page).getByText('Oplæg om deleøkonomi i kommunerne').waitFor();
    await card(page).getByText(LABEL).waitFor();
    await card(page).getByText('Proces: Runde i plenum').waitFor();
    expect(await order(card(page), ['Velkomst og check-in', 'Oplæg om deleøkonomi'])).toBe(true);

    // Moving an item: it takes its neighbour's time; by button, then back with Alt+↑ in its field.
    await page.getByRole('button', { name: 'Flyt ned: punkt 1' }).click();
    await focusIsOn(page, 'Flyt ned: punkt 2');
    expect(await cell(page, 'Indhold', 1).inputValue()).toBe('Oplæg om deleøkonomi i kommunerne');
    expect(await cell(page, 'Tid', 2).inputValue()).toBe('10:00');
    await status(page, '„Velkomst og check-in“ er nu punkt 2 af 2, kl. 10:00.').waitFor();
    await page.waitForFunction(() => (document.querySelector('.ac-adaptiveCard')?.textContent ?? '').search('Oplæg') < (document.querySelector('.ac-adaptiveCard')?.textContent ?? '').search('Velkomst'));
    await cell(page, 'Indhold', 2).focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await cell(page, 'Indhold', 1).inputValue()).toBe('Velkomst og check-in');
    expect(await cell(page, 'Tid', 1).inputValue()).toBe('09:00');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Velkomst og check-in');

    await form(page).getByLabel('Dage før mødet, dagsordenen lægges i kanalen').fill('10');
    await form(page).getByText('Lægges i kanalen 07.03.2026 kl. 09:00.').waitFor();
    await form(page).getByLabel('Forberedelse').fill('Læs artiklen om deleøkonomi.');
    await form(page).getByText('Ændringer, der ikke er gemt').waitFor();
    // Unsaved changes keep the leader on this meeting.
    await page.getByText('Gem eller annuller dine ændringer, før du skifter møde.').waitFor();
    expect(await page.getByLabel('Møde', { exact: true }).isDisabled()).toBe(true);
    await previewDone(page).waitFor();
    expect(await order(card(page), ['Velkomst og check-in', 'Oplæg om deleøkonomi'])).toBe(true);
    await screenshot(page, 'tabs-agenda-editor');
    expect({ where: 'agenda editor with preview', violations: await wcagViolations(page) }).toEqual({ where: 'agenda editor with preview', violations: [] });

    await form(page).getByRole('button', { name: 'Gem' }).click();
    await status(page, `Dagsordenen til ${LABEL} er gemt.`).waitFor();
    expect(await page.getByLabel('Møde', { exact: true }).isDisabled()).toBe(false);
    // Saved, the preparation is on the card too.
    await card(page).getByText('Læs artiklen om deleøkonomi.').waitFor();
    const plan = (await lene.get(`/api/networks/${networkId}`)).body;
    expect(plan.agendas[0]).toMatchObject({ daysBeforeToPost: 10, items: [{ time: '09:00', content: 'Velkomst og check-in', process: 'Runde i plenum', purpose: 'Alle er landet' }, { time: '10:00', content: 'Oplæg om deleøkonomi i kommunerne' }] });
    expect(plan.meetings[0].preparation).toBe('Læs artiklen om deleøkonomi.');

    await page.reload();
    await cell(page, 'Indhold', 2).waitFor();
    expect(await cell(page, 'Indhold', 1).inputValue()).toBe('Velkomst og check-in');
    expect(await cell(page, 'Indhold', 2).inputValue()).toBe('Oplæg om deleøkonomi i kommunerne');
    expect(await form(page).getByLabel('Dage før mødet, dagsordenen lægges i kanalen').inputValue()).toBe('10');
    expect(await form(page).getByLabel('Forberedelse').inputValue()).toBe('Læs artiklen om deleøkonomi.');
  });

  test('a save that meets someone else’s change keeps the draft and saves after loading the latest version', async () => {
    await cell(page, 'Formål/udbytte', 2).fill('Fælles sprog om deleøkonomi');
    const agenda = (await lene.get(`/api/networks/${networkId}`)).body.agendas[0];
    const other = await lene.put(`${M()}/agenda`, { items: agenda.items, daysBeforeToPost: 5 }, { 'If-Match': agenda.etag });
    expect(other.status).toBe(200);

    await form(page).getByRole('button', { name: 'Gem' }).click();
    await form(page).getByText('En anden har ændret dette').waitFor();
    await form(page).getByRole('button', { name: 'Hent den nyeste version' }).click();
    await form(page).getByText('En anden har ændret dette').waitFor({ state: 'detached' });
    await status(page, 'Din tekst er bevaret.').waitFor();
    expect(await cell(page, 'Formål/udbytte', 2).inputValue()).toBe('Fælles sprog om deleøkonomi');
    await form(page).getByRole('button', { name: 'Gem' }).click();
    await status(page, `Dagsordenen til ${LABEL} er gemt.`).waitFor();
    const saved = (await lene.get(`/api/networks/${networkId}`)).body.agendas[0];
    expect(saved.items[1].purpose).toBe('Fælles sprog om deleøkonomi');
  });

  test('"Send nu" in a network in no channel says so before and after the press, and schedules nothing; after the start of the meeting the API says why not', async () => {
    // Made from Mine netværk, the network is in no channel: no promise that it will be posted.
    await page.getByText('Kan ikke lægges i kanalen nu: Netværket er ikke knyttet til en kanal').waitFor();
    expect(await page.getByText('Botten lægger dagsordenen i kanalen').count()).toBe(0);
    await page.getByRole('button', { name: 'Send nu' }).click();
    await status(page, 'Kunne ikke sendes: Netværket er ikke knyttet til en kanal').waitFor();
    expect(await jobs()).not.toContainEqual(expect.objectContaining({ onDemand: true }));
    await screenshot(page, 'tabs-agenda-posted');

    clock = new Date('2026-03-17T08:30:00Z'); // 09:30 in Copenhagen, the meeting has begun
    await page.getByRole('button', { name: 'Send nu' }).click();
    await status(page, 'Mødet er allerede begyndt; dagsordenen sendes ikke længere.').waitFor();
  });

  test('the preview follows the dark theme', async () => {
    const dark = await openTab(browser, app.url, planUrl('agenda', '&theme=dark'));
    await card(dark).getByText('Velkomst og check-in').waitFor();
    const colours = await card(dark).evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, text: getComputedStyle(element.querySelector('.ac-textRun')!).color }));
    expect(colours).toEqual({ background: 'rgb(41, 41, 41)', text: expect.stringMatching(/^rgb\((2[0-9]{2}|1[5-9][0-9]), /) });
    await previewDone(dark).waitFor();
    await screenshot(dark, 'tabs-agenda-dark');
    expect(await wcagViolations(dark)).toEqual([]);
    await dark.context().close();
  });

  test('after the meeting the leader sees who got the questions and who answered, and moves a shared answer to the parking lot', async () => {
    clock = new Date('2026-03-18T10:00:00Z');
    const jens = clientFor(app, 'jens');
    const answers = [{ question: 'Hvad tager du med?', answer: 'Idé: en fælles værktøjsbank for borgerne' }, { question: 'Hvad vil du fortælle dine kolleger?', answer: '' }];
    expect((await jens.put(`${M()}/reflections/mine`, { answers, shared: true })).status).toBe(201);
    const due = new Date('2026-03-17T11:00:00Z');
    await app.services.jobs.add(networkId, { kind: 'reflection.prompt', meetingId, participantId: jensId, dueAt: due }, clock, { state: 'done', outcome: 'sent' });
    await app.services.jobs.add(networkId, { kind: 'reflection.prompt', meetingId, participantId: helleId, dueAt: due }, clock, { state: 'done', outcome: 'unreachable', detail: 'no Teams chat with this person' });

    await page.getByRole('tab', { name: 'Refleksioner' }).click();
    await page.getByRole('heading', { level: 2, name: 'Refleksioner' }).waitFor();
    const table = page.getByRole('table', { name: `Deltagere ved ${LABEL}` });
    const jensRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jens Jensen' }) });
    const helleRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Helle Hansen' }) });
    expect(await cells(jensRow)).toEqual(['Ja', 'Sendt', 'Ja, 18.03.2026', expect.stringMatching(/Hvad tager du med\?\s+Idé: en fælles værktøjsbank for borgerne[\s\S]+Hvad vil du fortælle dine kolleger\?\s+\(intet svar\)/)]);
    // Helle has no Teams user: the send could not reach her, and the tab says why and what to do.
    expect(await cells(helleRow)).toEqual(['Nej', expect.stringMatching(/^Kan ikke nås: ingen Teams-bruger\nKobl personen til sin Teams-bruger under Deltagere/), 'Nej', '']);
    await screenshot(page, 'tabs-reflections-status');
    expect({ where: 'reflection status', violations: await wcagViolations(page) }).toEqual({ where: 'reflection status', violations: [] });

    // Only an answer with text can become an idea; the leader shortens it first.
    expect(await jensRow.getByRole('button', { name: /^Til P-pladsen/ }).count()).toBe(1);
    await jensRow.getByRole('button', { name: 'Til P-pladsen: svar fra Jens Jensen på „Hvad tager du med?“' }).click();
    const dialog = page.getByRole('dialog', { name: 'Læg idéen på idé-parkeringspladsen' });
    expect(await dialog.getByLabel('Idéen').inputValue()).toBe('Idé: en fælles værktøjsbank for borgerne');
    await dialog.getByLabel('Idéen').fill('Fælles værktøjsbank for borgerne');
    expect({ where: 'idea dialog', violations: await wcagViolations(page) }).toEqual({ where: 'idea dialog', violations: [] });
    await dialog.getByRole('button', { name: 'Læg på P-pladsen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Idéen er lagt på idé-parkeringspladsen og krediteret Jens Jensen.').first().waitFor();
    await focusIsOn(page, 'Til P-pladsen: svar fra Jens Jensen på „Hvad tager du med?“');
    const ideas = (await lene.get(`/api/networks/${networkId}`)).body.ideas;
    expect(ideas).toEqual([expect.objectContaining({ text: 'Fælles værktøjsbank for borgerne', meetingId, status: 'parked', raisedBy: expect.objectContaining({ name: 'Jens Jensen' }) })]);

    await page.getByRole('button', { name: 'Læg idé-parkeringspladsen i kanalen' }).click();
    await status(page, 'Kunne ikke sendes: Netværket er ikke knyttet til en kanal').waitFor();
    expect(await jobs()).not.toContainEqual(expect.objectContaining({ kind: 'ideas.post' }));
  });

  test('closing the meeting stops changes to the reflections; reopening allows them again', async () => {
    const jens = clientFor(app, 'jens');
    await page.getByText('Mødet er åbent: deltagerne kan skrive og rette deres refleksioner.').waitFor();
    await page.getByRole('button', { name: 'Luk mødet' }).click();
    await page.getByText('Mødet blev lukket 18.03.2026. Refleksionerne kan ikke længere rettes.').waitFor();
    await status(page, `${LABEL} er lukket.`).waitFor();
    await focusIsOn(page, 'Genåbn mødet');
    const closed = (await lene.get(`/api/networks/${networkId}`)).body.meetings[0];
    expect(closed.closedAt).toBe('2026-03-18T10:00:00.000Z');
    const mine = (await jens.get(`${M()}/reflections`)).body.reflections[0];
    expect((await jens.put(`${M()}/reflections/mine`, { answers: [], shared: false }, { 'If-Match': mine.etag })).status).toBe(403);

    await page.getByRole('button', { name: 'Genåbn mødet' }).click();
    await page.getByText('Mødet er åbent: deltagerne kan skrive og rette deres refleksioner.').waitFor();
    expect((await lene.get(`/api/networks/${networkId}`)).body.meetings[0].closedAt).toBeUndefined();
  });

  test('the leader sets when the one reminder goes out', async () => {
    const days = page.getByRole('spinbutton', { name: 'Dage efter mødet' });
    expect(await days.inputValue()).toBe('3');
    await days.fill('5');
    await days.press('Tab');
    await page.getByRole('button', { name: 'Gem påmindelse' }).click();
    await page.getByText('Påmindelsen sendes 5 dage efter hvert møde.').first().waitFor();
    expect((await lene.get(`/api/networks/${networkId}`)).body.network.reflectionReminderDays).toBe(5);
  });

  test('a participant reads the agenda (here in English) and has no reflection status', async () => {
    const jens = await openTab(browser, app.url, planUrl('agenda'), 'jens', 'en-GB');
    await jens.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await jens.getByRole('rowheader', { name: 'Velkomst og check-in' }).waitFor();
    await jens.getByText('Læs artiklen om deleøkonomi.').waitFor();
    expect(await jens.getByRole('tab', { name: 'Reflections' }).count()).toBe(0);
    expect(await jens.getByRole('button', { name: 'Post now' }).count()).toBe(0);
    expect(await jens.getByRole('textbox').count()).toBe(0);
    expect(await wcagViolations(jens)).toEqual([]);
    await screenshot(jens, 'tabs-agenda-participant-en');
    await jens.context().close();
  });
});

/** Whether the texts come in this order in the element. */
async function order(locator: Locator, texts: string[]): Promise<boolean> {
  const text = await locator.innerText();
  const positions = texts.map((t) => text.indexOf(t));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));
}

/** The data cells of a table row, as text. */
async function cells(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}
