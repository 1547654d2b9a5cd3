import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { SCREENSHOT_DIR, launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// Issue 17, in headless Chromium: advice that helps without shouting (one counted line above the sections, the
// details behind a button; in each section the advice about it, grouped and counted), a visible "Gemt kl. …" after
// saving the summary, and the theme's subthemes question answered by the subtheme list (asked once).

jest.setTimeout(120_000);

const JENS_USER_ID = 'd0000000-0000-4000-8000-000000000003';

describe('the plan tab: grouped advice, visible saves, the subthemes asked once', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  const meetingIds: string[] = [];
  const clock = new Date('2026-06-20T10:00:00Z');
  const N = () => `/api/networks/${networkId}`;
  const planUrl = (hash: string) => `/tabs/plan.html?networkId=${networkId}#${hash}`;

  async function openPlan(hash: string): Promise<Page> {
    const page = await openTab(browser, app.url, planUrl(hash));
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    return page;
  }

  const noViolations = async (page: Page, where: string) => expect({ where, violations: await wcagViolations(page) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    app = await startTestApp('tabsadvice', { now: () => clock, env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    // A young network, as a leader has it after the first evening: three core participants, four employees to involve
    // along the way, four meetings and nobody planned for any of them yet — the plan with the most advice.
    const created = await lene.post('/api/networks', { name: 'Ensomhed blandt ældre', type: 'welfare', theme: 'Ensomhed', startDate: '2026-02-02', endDate: '2026-07-31' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const people = [
      ['Helle Hansen', 'core'], ['Jens Jensen', 'core'], ['Karen Mortensen', 'core'],
      ['Ali Khan', 'along'], ['Mette Berg', 'along'], ['Sara Nielsen', 'along'], ['Bo Berg', 'along'],
    ] as const;
    for (const [name, kind] of people) {
      const jens = name === 'Jens Jensen' ? { userId: JENS_USER_ID } : {};
      const added = await lene.post(`${N()}/participants`, { name, kind, role: 'employee', unit: 'Social og Sundhed', competenceAreas: ['professionalExpertise'], ...jens });
      expect(added.status).toBe(201);
    }
    for (const [number, date] of [[1, '2026-03-17'], [2, '2026-04-21'], [3, '2026-05-19']] as const) {
      const meeting = await lene.post(`${N()}/meetings`, { number, date, start: '09:00', location: 'Rådhuset' });
      expect(meeting.status).toBe(201);
      meetingIds.push(meeting.body.id);
    }
    const closing = await lene.post(`${N()}/meetings`, { number: 4, date: '2026-06-16', start: '09:00', location: 'Rådhuset', closing: true });
    expect(closing.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('above the sections one counted line; the details open and close by keyboard, grouped by kind', async () => {
    const page = await openPlan('participants');
    const advice = (await lene.get(N())).body.advice as { message: string }[];
    // 1 core group + 4 meetings + 1 outside view + 7 in no meeting + 2 areas of the diamond: 15 lines in the old box.
    expect(advice).toHaveLength(15);
    const box = page.getByRole('region', { name: 'Gode råd til planen' });
    await box.getByText('15 gode råd til planen – de stopper ikke noget: 4 under Deltagere, 11 under Planlægningsredskab.').waitFor();
    const show = box.getByRole('button', { name: 'Vis råd (15)' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getByText('Jens Jensen er ikke sat på noget møde endnu.').count()).toBe(0);

    // How much of the screen the advice takes above the sections, at 1366×768 (before: 15 lines in one box).
    const collapsed = await lineCount(page, '[data-testid="plan-advice"]');
    expect(collapsed.lines).toBeLessThanOrEqual(2);
    const shot = path.join(SCREENSHOT_DIR, 'tabs-advice-young-network-top-1366.png');
    await page.screenshot({ path: shot });
    console.log(`advice above the sections at 1366×768: ${collapsed.height}px ≈ ${collapsed.lines} line(s); sections start at y=${collapsed.sectionsAt}; ${shot}`);

    // By keyboard: Enter on the button opens the grouped list, the button says what it does now, Enter closes it.
    await show.focus();
    await page.keyboard.press('Enter');
    const hide = box.getByRole('button', { name: 'Skjul råd' });
    await hide.waitFor();
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator(`[id="${await hide.getAttribute('aria-controls')}"]`);
    await list.getByText('4 møder uden kernedeltagere').waitFor();
    await list.getByText('7 deltagere er ikke sat på noget møde').waitFor();
    await list.getByText('2 områder i kompetencediamanten er ikke dækket').waitFor();
    // The meetings named inside their group, and where the group is shown.
    const meetings = list.getByRole('listitem').filter({ hasText: '4 møder uden kernedeltagere' });
    await meetings.getByText('under Planlægningsredskab').waitFor();
    for (const number of [1, 2, 3]) await meetings.getByText(`Der er ingen kernedeltagere på netværksmøde ${number}.`, { exact: false }).waitFor();
    await meetings.getByText('Der er ingen kernedeltagere på det afsluttende møde', { exact: false }).waitFor();
    // Five kinds, not fifteen lines, at the top level.
    expect(await list.locator(':scope > li').count()).toBe(5);
    await noViolations(page, 'advice opened');
    await screenshot(page, 'tabs-advice-opened');
    await expect(hide.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await box.getByRole('button', { name: 'Vis råd (15)' }).waitFor();
    expect(await list.count()).toBe(0);
    await page.context().close();
  });

  test('each section shows the advice about it, counted by kind, with details behind a button', async () => {
    const page = await openPlan('participants');
    const here = page.getByRole('region', { name: 'Gode råd: Deltagere' });
    await here.getByText('Kernegruppen er ikke på 4-6 deltagere · Ingen eksterne perspektiver · 2 områder i kompetencediamanten er ikke dækket').waitFor();
    // What belongs to the planning tool is not repeated here.
    expect(await here.getByText(/møde/).count()).toBe(0);
    await here.getByRole('button', { name: 'Vis detaljer' }).press('Space');
    await here.getByText('Antal kernedeltagere: 3.', { exact: false }).waitFor();
    expect(await here.getByRole('button', { name: 'Skjul detaljer' }).getAttribute('aria-expanded')).toBe('true');
    await noViolations(page, 'participants with their advice');

    await page.getByRole('tab', { name: 'Planlægningsredskab' }).click();
    const planner = page.getByRole('region', { name: 'Gode råd: Planlægningsredskab' });
    await planner.getByText('4 møder uden kernedeltagere · 7 deltagere er ikke sat på noget møde').waitFor();
    await planner.getByRole('button', { name: 'Vis detaljer' }).click();
    await planner.getByText('Bo Berg er ikke sat på noget møde endnu.').waitFor();
    await screenshot(page, 'tabs-advice-planner-section');
    await noViolations(page, 'planner with its advice');

    // The advice follows the plan: a core participant on every meeting and the meetings' group goes.
    const plan = (await lene.get(N())).body;
    const helle = plan.participants.find((p: { name: string }) => p.name === 'Helle Hansen').id;
    for (const meeting of plan.meetings) {
      expect((await lene.put(`${N()}/meetings/${meeting.id}/assignments/${helle}`, { contribution: '', involvementForm: 'participant' })).status).toBe(201);
    }
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Planlægningsredskab' }).waitFor();
    await planner.getByText('6 deltagere er ikke sat på noget møde').waitFor();
    expect(await planner.getByText(/møder? uden kernedeltagere/).count()).toBe(0);
    await page.context().close();
  });

  test('saving the summary says so on screen, beside the Save button', async () => {
    const page = await openPlan('summary');
    await page.getByLabel('Møde', { exact: true }).selectOption(meetingIds[0]!);
    const form = page.getByTestId('summary-form');
    await form.getByLabel('Tema/potentialer').fill('Ensomhed kan ses tidligt i hjemmeplejen.');
    expect(await form.getByTestId('saved-at').count()).toBe(0);
    await form.getByRole('button', { name: 'Gem' }).click();
    // Seen, not only announced: the time of the save in Copenhagen, beside the button.
    const saved = form.getByTestId('saved-at');
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/^Gemt kl\. \d{2}\.\d{2}$/);
    expect(await saved.isVisible()).toBe(true);
    const box = await saved.boundingBox();
    const button = await form.getByRole('button', { name: 'Gem' }).boundingBox();
    // Beside the button, on its line.
    expect(Math.abs(box!.y + box!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(12);
    // The screen-reader announcement is still there.
    await page.getByRole('status').filter({ hasText: 'er gemt' }).first().waitFor({ state: 'attached' });
    await screenshot(page, 'tabs-summary-saved-visible');
    await noViolations(page, 'summary saved');
    // Typing again: no longer "saved", the unsaved note instead.
    await form.getByLabel('Tema/potentialer').fill('Ensomhed kan ses tidligt i hjemmeplejen og på plejecentrene.');
    await form.getByText('Ændringer, der ikke er gemt', { exact: false }).waitFor();
    expect(await form.getByTestId('saved-at').count()).toBe(0);
    await page.context().close();
  });

  test('the subthemes question is answered by the subtheme list; an earlier answer stays and is editable', async () => {
    // A theme saved before the list took the question's place: its text on the subthemes is kept.
    expect([200, 201]).toContain((await lene.put(`${N()}/theme`, { theme: 'Ensomhed', subthemesApproach: 'Ét undertema pr. møde, hjemmeplejen først.' })).status);
    const page = await openPlan('theme');
    const question = 'Hvilke undertemaer er der i temaet og hvordan vil du arbejde med dem?';
    const part = page.getByRole('region', { name: question });
    await part.getByRole('heading', { level: 3, name: question }).waitFor();
    // Asked once: no text field carries the question any more, the list is where it is answered.
    expect(await page.getByRole('textbox', { name: question }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Undertemaer', exact: true }).count()).toBe(0);
    const approach = part.getByRole('textbox', { name: /^Hvordan vil du arbejde med undertemaerne\?/ });
    expect(await approach.inputValue()).toBe('Ét undertema pr. møde, hjemmeplejen først.');

    await part.getByRole('textbox', { name: /^Undertema/ }).fill('Ensomhed i hjemmeplejen');
    await part.getByRole('button', { name: 'Tilføj undertema' }).click();
    await part.getByRole('listitem').filter({ hasText: 'Ensomhed i hjemmeplejen' }).waitFor();

    await approach.fill('Ét undertema pr. møde: hjemmeplejen på møde 1.');
    await page.getByRole('button', { name: 'Gem temaet' }).click();
    await page.getByText('Gemt som version', { exact: false }).waitFor();
    const stored = (await lene.get(N())).body;
    expect(stored.theme.subthemesApproach).toBe('Ét undertema pr. møde: hjemmeplejen på møde 1.');
    expect(stored.subthemes.map((s: { title: string }) => s.title)).toEqual(['Ensomhed i hjemmeplejen']);
    await screenshot(page, 'tabs-theme-subthemes-once');
    await noViolations(page, 'theme with the subthemes in the question’s place');

    await page.context().close();

    // A participant reads the question answered by the list and the leader's words below it.
    const jens = await openTab(browser, app.url, planUrl('theme'), 'jens');
    jens.setDefaultTimeout(20_000);
    const read = jens.getByTestId('theme-subthemes');
    await read.getByText('Ensomhed i hjemmeplejen').waitFor();
    await read.getByText('Ét undertema pr. møde: hjemmeplejen på møde 1.').waitFor();
    expect(await jens.getByRole('textbox').count()).toBe(0);
    await noViolations(jens, 'theme read by a participant');
    await jens.context().close();
  });

  test('a form that closes when saved leaves the outcome on screen in its section', async () => {
    const page = await openPlan('participants');
    await page.getByRole('button', { name: 'Tilføj deltager' }).click();
    const form = page.getByRole('form', { name: 'Ny deltager' });
    await form.getByLabel('Navn').fill('Lise Lund');
    await form.getByLabel('Rolle').selectOption({ label: 'Borger' });
    await form.getByRole('radio', { name: /^Inddrages løbende/ }).check();
    await form.getByLabel('Enhed eller organisation').fill('Borger i kommunen');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    const status = page.getByTestId('section-status');
    await status.getByText('Lise Lund er tilføjet.').waitFor();
    expect(await status.isVisible()).toBe(true);
    expect(await status.getAttribute('role')).toBe('status');
    // A citizen brings the outside view: that advice is gone from the section's bar.
    const here = page.getByRole('region', { name: 'Gode råd: Deltagere' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="section-advice-participants"]')?.textContent?.includes('Ingen eksterne perspektiver'));
    await here.getByText('Kernegruppen er ikke på 4-6 deltagere', { exact: false }).waitFor();
    await noViolations(page, 'participant added, outcome shown');
    await page.context().close();
  });

  test('a section longer than the screen links to its parts ("På denne side"); a link takes focus to the part', async () => {
    const page = await openPlan('participants');
    const nav = page.getByRole('navigation', { name: 'På denne side' });
    await nav.waitFor();
    const parts = await nav.getByRole('listitem').allInnerTexts();
    expect(parts).toEqual(expect.arrayContaining(['Kernedeltagere (3)', expect.stringMatching(/^Inddrages løbende \(\d\)$/)]));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const last = parts[parts.length - 1]!;
    await nav.getByRole('button', { name: last, exact: true }).click();
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { tag: element.tagName, text: element.textContent?.trim(), top: Math.round(element.getBoundingClientRect().top) };
    });
    expect(focused).toMatchObject({ tag: 'H3', text: last });
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.top).toBeLessThan(768);
    await screenshot(page, 'tabs-on-this-page');
    await noViolations(page, 'a long section with its in-page links');
    // A section that fits the screen has none.
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kalender' }).waitFor();
    await page.waitForTimeout(200);
    expect(await page.getByRole('navigation', { name: 'På denne side' }).count()).toBe(0);
    await page.context().close();
  });
});

/** The element's height in lines of body text, and where the section tabs begin. */
async function lineCount(page: Page, selector: string): Promise<{ height: number; lines: number; sectionsAt: number }> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel) as HTMLElement;
    const height = element.getBoundingClientRect().height;
    const lineHeight = parseFloat(getComputedStyle(element.querySelector('.fui-MessageBarBody') ?? element).lineHeight) || 20;
    const tabs = document.querySelector('[role="tablist"]')?.getBoundingClientRect().top ?? 0;
    // The bar's own padding and border are not lines.
    return { height: Math.round(height), lines: Math.max(1, Math.round((height - 16) / lineHeight)), sectionsAt: Math.round(tabs) };
  }, selector);
}
