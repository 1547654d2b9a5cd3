import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, wcagViolations } from '../support/chromium';
import { saveScreenshot } from '../support/browser';

// Every save in the analysis and the delivery confirms itself on screen, beside what was changed ("✓ … Gemt kl.
// 14.32"), in a polite live region so screen readers hear the same words — not only an announcement nobody sees
// (issue 17). A save that is refused says why, there, and keeps what the leader chose. After a reload the saved
// values are there and no old confirmation is. In headless Chromium, the scheduler off.

jest.setTimeout(240_000);

const person = (key: string) => {
  const { name, userId, email } = findDevIdentity(key)!;
  return { name, userId, email };
};
const IDEA = 'Fælles værktøjsbank for borgerne';
const NEW_IDEA = 'Lån lokalerne ud til foreninger';
const NOTE = 'Genbrugspladsen har ledige lokaler om aftenen';
const FIRST = 'Lav én indgang for socialøkonomiske virksomheder';
const SECOND = 'Brug sociale klausuler i kommunens udbud';
const THIRD = 'Følg op om et år';
const CLOCK = /Gemt kl\. \d{2}\.\d{2}/;

describe('visible saves in the analysis and the delivery', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  let ideaId: string;
  const ids: Record<string, string> = {};
  const N = () => `/api/networks/${networkId}`;
  const plan = async () => (await lene.get(N())).body;
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });

  /**
   * The confirmation inside `scope`: seen (a real box on the screen, its words readable, not the 1-pixel box of text
   * for screen readers only), and inside a polite live region. Returns its visible text.
   */
  async function confirmation(scope: Locator, testId: 'saved-at' | 'unsaved-change' = 'saved-at'): Promise<string> {
    const note = scope.getByTestId(testId);
    await note.waitFor({ state: 'visible' });
    await note.scrollIntoViewIfNeeded();
    const box = (await note.boundingBox())!;
    expect(box.width).toBeGreaterThan(60);
    expect(box.height).toBeGreaterThanOrEqual(12);
    expect(await note.evaluate((el) => el.closest('[aria-live="polite"]')?.getAttribute('role'))).toBe('status');
    // What the eye gets: the text as laid out, without what is clipped for screen readers.
    return note.evaluate((el) => {
      const visible = (node: Node): string =>
        node.nodeType === Node.TEXT_NODE
          ? node.textContent ?? ''
          : getComputedStyle(node as Element).clip === 'rect(0px, 0px, 0px, 0px)'
            ? ''
            : Array.from(node.childNodes).map(visible).join('');
      return visible(el).replace(/\s+/g, ' ').trim();
    });
  }

  /** Whether two boxes sit on one line (the confirmation beside its control, not pushed below it). */
  async function sameLine(a: Locator, b: Locator) {
    const [first, second] = [(await a.boundingBox())!, (await b.boundingBox())!];
    return Math.abs(first.y + first.height / 2 - (second.y + second.height / 2)) < 12;
  }

  /** A long confirmation: on the control's line, or wrapped to the line right under it — never further away. */
  async function atControl(note: Locator, control: Locator) {
    const [box, by] = [(await note.boundingBox())!, (await control.boundingBox())!];
    return (await sameLine(note, control)) || (box.y >= by.y + by.height - 2 && box.y - (by.y + by.height) < 16);
  }

  beforeAll(async () => {
    app = await startTestApp('tabsvisiblesaves', { now: () => new Date('2026-06-20T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', {
      name: 'Deleøkonomi i kommunen', type: 'learning', theme: 'Deleøkonomi', startDate: '2026-02-02', endDate: '2026-07-31', referenceLeader: person('birgitte'),
    });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    for (const key of ['jens', 'helle'] as const) {
      const row = await lene.post(`${N()}/participants`, { ...person(key), kind: 'core', role: 'employee', unit: 'ØS' });
      expect(row.status).toBe(201);
      ids[key] = row.body.id;
    }
    const meetingIds: string[] = [];
    for (const meeting of [{ number: 1, date: '2026-03-17' }, { number: 2, date: '2026-06-16', closing: true }]) {
      meetingIds.push((await lene.post(`${N()}/meetings`, { ...meeting, start: '09:00', location: 'Rådhuset' })).body.id);
    }
    const idea = await lene.post(`${N()}/ideas`, { text: IDEA, meetingId: meetingIds[0] });
    expect(idea.status).toBe(201);
    ideaId = idea.body.id;
    const delivery = await lene.put(`${N()}/delivery`, {
      theme: 'Deleøkonomi', knowledgeSummary: '', practiceChanges: '', other: '', dissemination: [], status: 'draft',
      recommendations: [{ text: FIRST }, { text: SECOND }, { text: THIRD }],
    });
    expect(delivery.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('in the analysis: a category, a note, its priority, a parked idea and an idea’s status each say “Gemt kl. …” where they were changed', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#analysis`);
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();

    // A category ticked: beside its box, on its line.
    const treasures = page.getByRole('checkbox', { name: 'Skjulte skatte' });
    await treasures.check();
    const presetLine = page.locator('span', { has: treasures }).filter({ has: page.getByTestId('saved-at') });
    expect(await confirmation(presetLine)).toMatch(new RegExp(`^Kategorien Skjulte skatte er tilføjet\\. ${CLOCK.source}$`));
    expect(await sameLine(presetLine.getByTestId('saved-at'), treasures)).toBe(true);

    // A note added to it: beside "Tilføj note", and the field is empty for the next one.
    const add = page.getByRole('form', { name: 'Ny note til Skjulte skatte' });
    await add.getByRole('textbox', { name: 'Ny note til Skjulte skatte' }).fill(NOTE);
    await add.getByRole('button', { name: 'Tilføj note' }).click();
    expect(await confirmation(add)).toMatch(new RegExp(`^Noten er tilføjet til Skjulte skatte\\. ${CLOCK.source}$`));
    expect(await sameLine(add.getByTestId('saved-at'), add.getByRole('button', { name: 'Tilføj note' }))).toBe(true);
    expect(await add.getByRole('textbox').inputValue()).toBe('');
    await saveScreenshot(page, 'tabs-visible-saves-analysis-note-added');

    // Its priority: the form closes, and the note's own line says it was saved.
    await page.getByRole('button', { name: `Rediger noten „${NOTE}“` }).click();
    const edit = page.getByTestId('note-form');
    await edit.getByRole('radio', { name: 'Prioriteret' }).check();
    await edit.getByRole('button', { name: 'Gem' }).click();
    const note = page.locator(`[data-note]`).filter({ hasText: NOTE });
    expect(await confirmation(note)).toMatch(new RegExp(`^${CLOCK.source}$`));
    expect(await sameLine(note.getByTestId('saved-at'), note.getByRole('button', { name: `Rediger noten „${NOTE}“` }))).toBe(true);
    expect((await plan()).analysisNotes[0]).toMatchObject({ text: NOTE, priority: 'prioritised' });

    // An idea parked with its owner: what was parked, with whom, and when — beside the button.
    const park = page.getByRole('form', { name: 'Parkér en idé' });
    await park.getByLabel('Idéen').fill(NEW_IDEA);
    await park.getByLabel('Tovholder (valgfrit)').selectOption(ids.jens!);
    await park.getByRole('button', { name: 'Parkér idé' }).click();
    expect(await confirmation(park)).toMatch(new RegExp(`^Idéen „${NEW_IDEA}“ er parkeret med Jens Jensen som tovholder\\. ${CLOCK.source}$`));
    expect(await atControl(park.getByTestId('saved-at'), park.getByRole('button', { name: 'Parkér idé' }))).toBe(true);
    await screenshot('tabs-visible-saves-analysis-parked');

    // An idea's status in the material: "✓ Gemt kl. …" under the dropdown in its cell; read out with what changed.
    const material = page.getByTestId('analysis-material');
    const row = material.getByRole('row').filter({ has: page.getByRole('rowheader', { name: IDEA, exact: true }) });
    await row.getByRole('combobox', { name: `Status for „${IDEA}“` }).selectOption('takenOn');
    const statusCell = row.getByRole('cell').nth(1);
    expect(await confirmation(statusCell)).toMatch(new RegExp(`^${CLOCK.source}$`));
    await statusCell.getByRole('status').filter({ hasText: `„${IDEA}“ har nu status: Taget op. Gemt kl.` }).waitFor();
    // Only the changed cell says so.
    expect(await row.getByRole('cell').nth(0).getByTestId('saved-at').count()).toBe(0);
    expect((await plan()).ideas.find((i: { id: string }) => i.id === ideaId).status).toBe('takenOn');
    await saveScreenshot(page, 'tabs-visible-saves-analysis-idea-status');
    await noViolations(page, 'analysis with confirmations');

    // Refused: someone else gave the idea an owner meanwhile. The cell says why; the dropdown shows what is saved.
    const current = (await plan()).ideas.find((i: { id: string }) => i.id === ideaId);
    expect((await lene.patch(`${N()}/ideas/${ideaId}`, { owner: { participantId: ids.helle } }, { 'If-Match': current.etag })).status).toBe(200);
    await row.getByRole('combobox', { name: `Tovholder for „${IDEA}“` }).selectOption(ids.jens!);
    const refusal = row.getByRole('cell').nth(0).getByRole('alert');
    await refusal.waitFor({ state: 'visible' });
    expect(await refusal.innerText()).toBe(`„${IDEA}“ blev ikke ændret: en anden har ændret idéen imens. Her står nu det, der er gemt – vælg igen, hvis du stadig vil ændre det.`);
    await expect(row.getByRole('combobox', { name: `Tovholder for „${IDEA}“` }).inputValue()).resolves.toBe(ids.helle);
    expect(await row.getByTestId('saved-at').count()).toBe(0);
    await saveScreenshot(page, 'tabs-visible-saves-analysis-refused');
    await noViolations(page, 'analysis with a refusal');

    // After a reload: what was saved is there, and no confirmation from before.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    await page.getByText(NOTE, { exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Skjulte skatte' }).isChecked()).toBe(true);
    await expect(page.getByTestId('analysis-material').getByRole('combobox', { name: `Status for „${IDEA}“` }).inputValue()).resolves.toBe('takenOn');
    expect(await page.getByTestId('saved-at').count()).toBe(0);
    await page.context().close();

    async function screenshot(name: string) {
      await park.getByTestId('saved-at').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      await saveScreenshot(page, name);
    }
  });

  test('in the delivery: a move by keyboard says where the recommendation is now until saved; Save and a status step say “Gemt kl. …”', async () => {
    const page = await openTab(browser, app.url, `/tabs/delivery.html?networkId=${networkId}`);
    page.setDefaultTimeout(30_000);
    await page.getByRole('heading', { level: 1, name: 'Leverance til Chefforum' }).waitFor();
    const recommendation = (number: number) => page.getByRole('textbox', { name: `Anbefaling ${number}`, exact: true });
    await recommendation(3).waitFor();

    // Alt+↓ in the first recommendation: it moves, and its own line says where it is now — and that it needs saving.
    await recommendation(1).focus();
    await page.keyboard.press('Alt+ArrowDown');
    const moved = page.locator('[data-recommendation="2"]');
    expect(await moved.getByRole('textbox').inputValue()).toBe(FIRST);
    expect(await confirmation(moved, 'unsaved-change')).toBe(`„${FIRST}“ er nu nummer 2 af 3. Gem for at beholde rækkefølgen.`);
    expect(await atControl(moved.getByTestId('unsaved-change'), moved.getByRole('button', { name: 'Slet anbefaling 2' }))).toBe(true);
    expect((await plan()).delivery.recommendations.map((r: { text: string }) => r.text)).toEqual([FIRST, SECOND, THIRD]);

    // Saved: "✓ Gemt kl. …" beside Save; the move's note is gone (nothing is waiting any more).
    const save = page.getByRole('button', { name: 'Gem', exact: true });
    await save.click();
    const actions = page.locator('form div', { has: save }).last();
    expect(await confirmation(actions)).toMatch(new RegExp(`^${CLOCK.source}$`));
    expect(await sameLine(actions.getByTestId('saved-at'), save)).toBe(true);
    expect(await page.getByTestId('unsaved-change').count()).toBe(0);
    expect((await plan()).delivery.recommendations.map((r: { text: string }) => r.text)).toEqual([SECOND, FIRST, THIRD]);

    // A status step: beside the stepper's buttons, with the step's name.
    const stepper = page.getByRole('region', { name: 'Status' });
    await stepper.getByRole('button', { name: 'Markér som sendt til referencelederen' }).click();
    expect(await confirmation(stepper)).toMatch(new RegExp(`^Status er nu „Sendt til referencelederen“\\. ${CLOCK.source}$`));
    expect(await atControl(stepper.getByTestId('saved-at'), stepper.getByRole('button', { name: 'Markér som leveret til Chefforum' }))).toBe(true);
    expect((await plan()).delivery.status).toBe('sentToReferenceLeader');
    // The form's own Save did not run: it does not say "Gemt" a second time.
    expect(await actions.getByTestId('saved-at').count()).toBe(0);
    await noViolations(page, 'delivery with confirmations');
    await saveScreenshot(page, 'tabs-visible-saves-delivery-status');

    // Refused: someone else changed the delivery meanwhile. The stepper says so; nothing moved; the latest version is
    // one click away, and then the step goes through.
    const { etag, updatedAt: _at, updatedBy: _by, ...body } = (await plan()).delivery;
    expect((await lene.put(`${N()}/delivery`, { ...body, other: 'Rettet et andet sted.' }, { 'If-Match': etag })).status).toBe(200);
    await stepper.getByRole('button', { name: 'Markér som leveret til Chefforum' }).click();
    await stepper.getByText('En anden har ændret dette').waitFor({ state: 'visible' });
    expect(await stepper.getByTestId('saved-at').count()).toBe(0);
    expect((await plan()).delivery.status).toBe('sentToReferenceLeader');
    await noViolations(page, 'delivery status refused');
    await stepper.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await stepper.getByText('En anden har ændret dette').waitFor({ state: 'detached' });
    await stepper.getByRole('button', { name: 'Markér som leveret til Chefforum' }).click();
    expect(await confirmation(stepper)).toMatch(new RegExp(`^Status er nu „Leveret til Chefforum“\\. ${CLOCK.source}$`));
    expect((await plan()).delivery).toMatchObject({ status: 'delivered', other: 'Rettet et andet sted.' });

    // After a reload: the order and the status are kept, and no confirmation from before shows.
    await page.reload();
    await recommendation(3).waitFor();
    expect([await recommendation(1).inputValue(), await recommendation(2).inputValue(), await recommendation(3).inputValue()]).toEqual([SECOND, FIRST, THIRD]);
    await page.getByRole('region', { name: 'Status' }).getByRole('button', { name: 'Tilbage til „Sendt til referencelederen“' }).waitFor();
    expect(await page.getByTestId('saved-at').count()).toBe(0);
    await page.context().close();
  });

  test('in English the confirmation reads “Saved at …”', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${networkId}#analysis`, 'lene', 'en-GB');
    page.setDefaultTimeout(30_000);
    await page.getByRole('heading', { level: 2, name: 'Analysis by categories' }).waitFor();
    const park = page.getByRole('form', { name: 'Park an idea' });
    await park.getByRole('textbox').fill('A tool library in every district');
    await park.getByRole('button', { name: 'Park idea' }).click();
    expect(await confirmation(park)).toMatch(/^The idea "A tool library in every district" is parked on the idea parking lot\. Saved at \d{2}:\d{2}$/);
    await page.context().close();
  });
});
