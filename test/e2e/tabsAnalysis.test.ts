import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// After the meetings, in headless Chromium: the leader's joint summary of a meeting beside the plenary view (only
// shared reflections, the meeting's ideas with owners), a recap of it on the next agenda; then the closing meeting's
// analysis — two categories, a participant's note, a pattern and a priority, an idea parked from a note.
// The scheduler is off; the server's clock is fixed in the network's period (all three meetings have been held).

jest.setTimeout(120_000);

const JENS = { name: 'Jens Jensen', userId: 'd0000000-0000-4000-8000-000000000003' };
const HELLE = { name: 'Helle Hansen', userId: 'd0000000-0000-4000-8000-000000000004' };
const LABEL_1 = 'Netværksmøde 1 af 3';
const LABEL_2 = 'Netværksmøde 2 af 3';
const SHARED_ANSWER = 'At genbrugspladsen kan blive kommunens bytteri';
const PRIVATE_ANSWER = 'Privat: jeg er i tvivl om, hvad min chef siger';
const KEY_POINTS = 'Borgerne deler allerede – kommunen skal gøre det lettere.';
const NOTE = 'Genbrugspladsen har ledige lokaler om aftenen';

describe('the plan tab: joint summary and analysis by categories', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let page: Page;
  let networkId: string;
  const meetingIds: string[] = [];
  const clock = new Date('2026-06-20T10:00:00Z');
  const N = () => `/api/networks/${networkId}`;
  const M = (index: number) => `${N()}/meetings/${meetingIds[index]}`;
  const planUrl = (hash: string) => `/tabs/plan.html?networkId=${networkId}#${hash}`;
  const plan = async () => (await lene.get(N())).body;

  beforeAll(async () => {
    app = await startTestApp('tabsanalysis', { now: () => clock, env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Deleøkonomi i kommunen', type: 'learning', theme: 'Deleøkonomi', startDate: '2026-02-02', endDate: '2026-07-31' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const subthemes: string[] = [];
    for (const title of ['Hvad er deleøkonomi?', 'Jura og regler']) subthemes.push((await lene.post(`${N()}/subthemes`, { title })).body.id);
    for (const person of [JENS, HELLE]) {
      expect((await lene.post(`${N()}/participants`, { ...person, kind: 'core', role: 'employee', unit: 'ØS' })).status).toBe(201);
    }
    const meetings = [
      { number: 1, date: '2026-03-17', subthemeId: subthemes[0] },
      { number: 2, date: '2026-04-21', subthemeId: subthemes[1] },
      { number: 3, date: '2026-06-16', closing: true },
    ];
    for (const meeting of meetings) {
      const answer = await lene.post(`${N()}/meetings`, { ...meeting, start: '09:00', location: 'Rådhuset' });
      expect(answer.status).toBe(201);
      meetingIds.push(answer.body.id);
    }
    // Jens shares his reflection on meeting 1; Helle keeps hers private. Both through the API, as themselves.
    const jens = clientFor(app, 'jens');
    const helle = clientFor(app, 'helle');
    expect((await jens.put(`${M(0)}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: SHARED_ANSWER }], shared: true })).status).toBe(201);
    expect((await helle.put(`${M(0)}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: PRIVATE_ANSWER }], shared: false })).status).toBe(201);
    // An idea from meeting 1 with Jens as its owner, taken on.
    const idea = await jens.post(`${N()}/ideas`, { text: 'Fælles værktøjsbank for borgerne', meetingId: meetingIds[0] });
    expect(idea.status).toBe(201);
    expect((await lene.patch(`${N()}/ideas/${idea.body.id}`, { owner: JENS, status: 'takenOn' }, { 'If-Match': idea.body.etag })).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const form = (p: Page, label: string) => p.getByRole('form', { name: `Opsamling fra ${label}` });
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const chooseMeeting = (p: Page, index: number) => p.getByLabel('Møde', { exact: true }).selectOption(meetingIds[index]!);

  test('the leader fills in the summary of meeting 1 beside the shared reflections and ideas, and finds it after a reload', async () => {
    page = await openTab(browser, app.url, planUrl('summary'));
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 2, name: 'Fælles opsamling' }).waitFor();
    // The meeting that ended last comes first; the leader picks meeting 1.
    await form(page, 'Afsluttende møde').waitFor();
    await chooseMeeting(page, 0);
    const summary = form(page, LABEL_1);
    await summary.getByLabel('Tema/potentialer').fill('Tema: Hvad er deleøkonomi? Potentiale: genbrug.');
    await summary.getByLabel('Udsagn/viden').fill('Deleøkonomi handler om at dele investeringer og brug.');
    await summary.getByLabel('Kontakt følgende for mere viden').fill('Navn Navnesen, Teknik og Miljø');
    await summary.getByLabel('Potentialer', { exact: true }).fill('Genbrugspladsen som centrum for kommunens bytteri.');
    await summary.getByLabel('Væsentlige læringspointer').fill(KEY_POINTS);
    await summary.getByLabel('Handlemuligheder for at sætte læringen i spil i organisationen').fill('Tag byttemarkedet med på næste personalemøde.');
    await summary.getByText('Ændringer, der ikke er gemt').waitFor();
    expect(await page.getByLabel('Møde', { exact: true }).isDisabled()).toBe(true);

    // The plenary view: Jens's shared answer with his name; Helle's private answer nowhere; the idea with its owner.
    const plenary = page.getByTestId('plenary');
    const shared = plenary.getByRole('listitem').filter({ hasText: SHARED_ANSWER });
    await shared.getByText('Jens Jensen', { exact: true }).waitFor();
    await shared.getByText('Hvad tager du med?').waitFor();
    expect(await page.getByText(PRIVATE_ANSWER).count()).toBe(0);
    expect(await plenary.getByText('Helle Hansen').count()).toBe(0);
    const ideaRow = plenary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Fælles værktøjsbank for borgerne' }) });
    expect((await ideaRow.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual(['Jens Jensen', 'Taget op']);
    await screenshot(page, 'tabs-summary-editor');
    expect({ where: 'summary with plenary', violations: await wcagViolations(page) }).toEqual({ where: 'summary with plenary', violations: [] });

    await summary.getByRole('button', { name: 'Gem' }).click();
    await status(page, `Opsamlingen fra ${LABEL_1} er gemt.`).waitFor();
    expect(await page.getByLabel('Møde', { exact: true }).isDisabled()).toBe(false);
    const saved = (await plan()).summaries.find((s: { meetingId: string }) => s.meetingId === meetingIds[0]);
    expect(saved).toMatchObject({ keyLearningPoints: KEY_POINTS, contactsForKnowledge: 'Navn Navnesen, Teknik og Miljø' });

    await page.reload();
    await form(page, 'Afsluttende møde').waitFor();
    await chooseMeeting(page, 0);
    expect(await form(page, LABEL_1).getByLabel('Væsentlige læringspointer').inputValue()).toBe(KEY_POINTS);
    expect(await form(page, LABEL_1).getByLabel('Potentialer', { exact: true }).inputValue()).toBe('Genbrugspladsen som centrum for kommunens bytteri.');
  });

  test('a save that meets someone else’s change keeps the draft and saves after loading the latest version', async () => {
    const summary = form(page, LABEL_1);
    await summary.getByLabel('Potentialer', { exact: true }).fill('Et bytteri på hver genbrugsplads.');
    const current = (await plan()).summaries.find((s: { meetingId: string }) => s.meetingId === meetingIds[0]);
    const { meetingId: _meetingId, etag, updatedAt: _at, updatedBy: _by, ...fields } = current;
    expect((await lene.put(`${M(0)}/summary`, { ...fields, statementsAndKnowledge: 'Rettet et andet sted.' }, { 'If-Match': etag })).status).toBe(200);

    await summary.getByRole('button', { name: 'Gem' }).click();
    await summary.getByText('En anden har ændret dette').waitFor();
    await summary.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await summary.getByText('En anden har ændret dette').waitFor({ state: 'detached' });
    await status(page, 'Din tekst er bevaret.').waitFor();
    expect(await summary.getByLabel('Potentialer', { exact: true }).inputValue()).toBe('Et bytteri på hver genbrugsplads.');
    await summary.getByRole('button', { name: 'Gem' }).click();
    await status(page, `Opsamlingen fra ${LABEL_1} er gemt.`).waitFor();
    const saved = (await plan()).summaries.find((s: { meetingId: string }) => s.meetingId === meetingIds[0]);
    expect(saved.potentials).toBe('Et bytteri på hver genbrugsplads.');
  });

  test('the next meeting starts from the last summary: a recap above its summary, and as the first item on its agenda', async () => {
    await page.getByRole('button', { name: 'Brug som genopfriskning på næste dagsorden' }).click();
    await page.getByText(`Genopfriskningen står nu som første punkt på dagsordenen til ${LABEL_2}.`).waitFor();
    const agenda = (await plan()).agendas.find((a: { meetingId: string }) => a.meetingId === meetingIds[1]);
    expect(agenda.items).toEqual([expect.objectContaining({ time: '09:00', content: `Genopfriskning fra ${LABEL_1}: ${KEY_POINTS}`, process: 'Kort runde i plenum' })]);
    // Twice does not put it there twice.
    await page.getByRole('button', { name: 'Brug som genopfriskning på næste dagsorden' }).click();
    await page.getByText(`Genopfriskningen står allerede på dagsordenen til ${LABEL_2}.`).waitFor();
    expect((await plan()).agendas.find((a: { meetingId: string }) => a.meetingId === meetingIds[1]).items).toHaveLength(1);

    await chooseMeeting(page, 1);
    const recap = page.getByRole('region', { name: 'Genopfriskning fra sidste opsamling' });
    await recap.getByText(`De væsentlige læringspointer fra ${LABEL_1}.`, { exact: false }).waitFor();
    await recap.getByText(KEY_POINTS).waitFor();
    await screenshot(page, 'tabs-summary-recap');
  });

  test('a participant reads the summary and the plenary view (here in English) and cannot edit', async () => {
    const jens = await openTab(browser, app.url, planUrl('summary'), 'jens', 'en-GB');
    await jens.getByRole('heading', { level: 2, name: 'Joint summary' }).waitFor();
    await jens.getByLabel('Meeting', { exact: true }).selectOption(meetingIds[0]!);
    await jens.getByText(KEY_POINTS).waitFor();
    await jens.getByTestId('plenary').getByText(SHARED_ANSWER).waitFor();
    expect(await jens.getByText(PRIVATE_ANSWER).count()).toBe(0);
    expect(await jens.getByRole('textbox').count()).toBe(0);
    expect(await wcagViolations(jens)).toEqual([]);
    await screenshot(jens, 'tabs-summary-participant-en');
    await jens.context().close();
  });

  test('the leader picks two categories; everybody’s material is laid out by meeting', async () => {
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    await page.getByText('Håndbogen anbefaler 2-4 kategorier. Der er valgt 0.').waitFor();
    await page.getByRole('checkbox', { name: 'Skjulte skatte' }).check();
    await status(page, 'Kategorien Skjulte skatte er tilføjet.').waitFor();
    await page.getByText('Håndbogen anbefaler 2-4 kategorier. Der er valgt 1.').waitFor();
    // By keyboard: focus the checkbox and press space.
    await page.getByRole('checkbox', { name: 'Paradokser' }).focus();
    await page.keyboard.press('Space');
    await status(page, 'Kategorien Paradokser er tilføjet.').waitFor();
    await page.getByText(/Håndbogen anbefaler 2-4 kategorier/).waitFor({ state: 'detached' });
    const categories = (await plan()).analysisCategories;
    expect(categories.map((c: { preset: string; title: string }) => [c.preset, c.title])).toEqual([['hiddenTreasures', 'Skjulte skatte'], ['paradoxes', 'Paradokser']]);

    const material = page.getByTestId('analysis-material');
    const meeting1 = material.getByRole('region', { name: `${LABEL_1}: Hvad er deleøkonomi?, 17.03.2026` });
    await meeting1.getByText(KEY_POINTS).waitFor();
    await meeting1.getByText(SHARED_ANSWER).waitFor();
    await meeting1.getByRole('rowheader', { name: 'Fælles værktøjsbank for borgerne' }).waitFor();
    await material.getByRole('region', { name: `${LABEL_2}: Jura og regler, 21.04.2026` }).getByText('Ingen opsamling fra mødet.').waitFor();
    expect(await page.getByText(PRIVATE_ANSWER).count()).toBe(0);
    await screenshot(page, 'tabs-analysis-categories');
    expect({ where: 'analysis with categories and material', violations: await wcagViolations(page) }).toEqual({ where: 'analysis with categories and material', violations: [] });
  });

  test('a participant adds a note to a category', async () => {
    const jens = await openTab(browser, app.url, planUrl('analysis'), 'jens');
    await jens.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    expect(await jens.getByRole('checkbox').count()).toBe(0);
    const add = jens.getByRole('form', { name: 'Ny note til Skjulte skatte' });
    await add.getByRole('textbox', { name: 'Ny note til Skjulte skatte' }).fill(NOTE);
    await add.getByLabel('Fra møde (valgfrit)').selectOption(meetingIds[0]!);
    await add.getByRole('button', { name: 'Tilføj note' }).click();
    await status(jens, 'Noten er tilføjet til Skjulte skatte.').waitFor();
    expect(await add.getByRole('textbox', { name: 'Ny note til Skjulte skatte' }).inputValue()).toBe('');
    const notes = (await plan()).analysisNotes;
    expect(notes).toEqual([expect.objectContaining({ text: NOTE, priority: 'open', meetingId: meetingIds[0], author: expect.objectContaining({ name: 'Jens Jensen' }) })]);
    await jens.getByText(`Skrevet af Jens Jensen · Fra ${LABEL_1}`).waitFor();
    // His own note: he may edit it; the categories are the leader's.
    await jens.getByRole('button', { name: `Rediger noten „${NOTE}“` }).waitFor();
    expect(await wcagViolations(jens)).toEqual([]);
    await screenshot(jens, 'tabs-analysis-participant');
    await jens.context().close();
  });

  test('the leader gives the note a pattern and prioritises it; the patterns view groups it', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    await page.getByRole('button', { name: `Rediger noten „${NOTE}“` }).click();
    const edit = page.getByTestId('note-form');
    await edit.getByLabel('Mønster').fill('Lokaler');
    await edit.getByRole('radio', { name: 'Prioriteret' }).check();
    await edit.getByRole('button', { name: 'Gem' }).click();
    await page.locator('[data-note]').filter({ hasText: NOTE }).getByRole('status').filter({ hasText: 'Gemt kl.' }).waitFor();
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Rediger noten „${NOTE}“`);
    const note = (await plan()).analysisNotes[0];
    expect(note).toMatchObject({ pattern: 'Lokaler', priority: 'prioritised', text: NOTE });

    const patterns = page.getByTestId('analysis-patterns');
    const table = patterns.getByRole('table', { name: 'Lokaler' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NOTE }) });
    expect((await row.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual(['Skjulte skatte', 'Prioriteret', 'Jens Jensen']);
    await patterns.getByText('Noter: 1 · kategorier: 1 · prioriteret: 1').waitFor();
  });

  test('an idea that comes up is parked from the analysis in one click', async () => {
    await page.getByRole('button', { name: `Parkér noten „${NOTE}“ som idé` }).click();
    await status(page, `Idéen „${NOTE}“ er parkeret på idé-parkeringspladsen.`).waitFor();
    await page.getByRole('button', { name: 'På P-pladsen' }).waitFor();
    const ideas = (await plan()).ideas;
    expect(ideas).toContainEqual(expect.objectContaining({ text: NOTE, status: 'parked', meetingId: meetingIds[2], raisedBy: expect.objectContaining({ name: 'Lene Holm' }) }));
    // The closing meeting's material shows it at once.
    await page.getByTestId('analysis-material').getByRole('region', { name: /^Afsluttende møde/ }).getByRole('rowheader', { name: NOTE }).waitFor();

    // And one typed in directly.
    const park = page.getByRole('form', { name: 'Parkér en idé' });
    await park.getByLabel('Idéen').fill('Lån lokalerne ud til foreninger');
    await park.getByRole('button', { name: 'Parkér idé' }).click();
    await status(page, 'Idéen „Lån lokalerne ud til foreninger“ er parkeret på idé-parkeringspladsen.').waitFor();
    expect((await plan()).ideas.map((i: { text: string }) => i.text)).toContain('Lån lokalerne ud til foreninger');
    await screenshot(page, 'tabs-analysis-notes');
    expect({ where: 'analysis with notes and patterns', violations: await wcagViolations(page) }).toEqual({ where: 'analysis with notes and patterns', violations: [] });
  });
});
