import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { addDays, formatDate, isoWeek, todayInCopenhagen, weeksOfPeriod } from '../../bot/domain/dates';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// The plan's theme (unfolding, characteristics, subthemes, revisions, conflicts) and timeline, in headless Chromium.

jest.setTimeout(90_000);

const OMAR = { name: 'Omar Said', userId: 'd0000000-0000-4000-8000-000000000002' };
const JENS = { name: 'Jens Jensen', userId: 'd0000000-0000-4000-8000-000000000003' };

describe('theme and timeline of the plan', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let omar: ReturnType<typeof clientFor>;
  const today = todayInCopenhagen(new Date());
  const startDate = addDays(today, -35);

  /** A learning network that started five weeks ago, Omar co-driving, Jens taking part, a meeting today. */
  async function newNetwork(name: string): Promise<string> {
    const created = await lene.post('/api/networks', { name, type: 'learning', theme: 'Deleøkonomi', startDate });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await lene.patch(`/api/networks/${id}`, { coDriver: OMAR }, { 'If-Match': created.body.etag })).status).toBe(200);
    expect((await lene.post(`/api/networks/${id}/participants`, { ...JENS, kind: 'core', role: 'employee' })).status).toBe(201);
    expect((await lene.post(`/api/networks/${id}/meetings`, { number: 1, date: today, start: '09:00', location: 'Rådhuset' })).status).toBe(201);
    return id;
  }

  async function openPlan(id: string, section: string, user = 'lene', query = ''): Promise<Page> {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${id}${query}#${section}`, user);
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    return page;
  }

  /** The shared save kit's conflict bar (a MessageBar, a group named by its heading): one, wherever it is. */
  const conflictBar = (scope: Page | Locator) => scope.getByRole('group', { name: 'En anden har ændret dette' });
  const heading = (page: Page) => page.getByLabel(/^Netværkstema/);
  const why = (page: Page) => page.getByLabel('Hvorfor er temaet interessant?');
  const dream = (page: Page) => page.getByLabel('Hvad er potentialerne eller drømmen?');

  beforeAll(async () => {
    app = await startTestApp('tabstheme');
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    omar = clientFor(app, 'omar');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('a leader unfolds and saves the theme; after a reload it is still there', async () => {
    const id = await newNetwork('Deleøkonomi i kommunen');
    const page = await openPlan(id, 'theme');
    await page.getByRole('heading', { level: 2, name: 'Udfold netværkets tema' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Netværkstype: Læringsnetværk' }).waitFor();
    expect(await heading(page).inputValue()).toBe('Deleøkonomi');

    await heading(page).fill('Hvad kan deleøkonomi betyde for kommunen?');
    await why(page).fill('Borgerne deler allerede biler og værktøj.');
    await page.getByLabel('Hvem har bidraget til at udfolde temaet?').fill('Jobcentret og to borgere');
    await page.getByRole('checkbox', { name: 'Tværgående' }).check();
    await page.getByLabel('Hvordan? Note om “Tværgående” (valgfri)').fill('Berører både miljø og beskæftigelse');
    await page.getByText('Du har ændringer, der ikke er gemt.').waitFor();
    await page.getByRole('button', { name: 'Gem temaet' }).click();
    await page.getByText('Gemt som version 1').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Deleøkonomi i kommunen' }).waitFor();

    await page.reload();
    await heading(page).waitFor();
    expect(await heading(page).inputValue()).toBe('Hvad kan deleøkonomi betyde for kommunen?');
    expect(await why(page).inputValue()).toBe('Borgerne deler allerede biler og værktøj.');
    expect(await page.getByRole('checkbox', { name: 'Tværgående' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Hvordan? Note om “Tværgående” (valgfri)').inputValue()).toBe('Berører både miljø og beskæftigelse');
    expect(await page.getByRole('checkbox', { name: 'Ny læring' }).isChecked()).toBe(false);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-theme');

    const plan = (await lene.get(`/api/networks/${id}`)).body;
    expect(plan.theme).toMatchObject({ whyInteresting: 'Borgerne deler allerede biler og værktøj.', characteristics: { crossCutting: { met: true, note: 'Berører både miljø og beskæftigelse' } } });
    expect(plan.network.theme).toBe('Hvad kan deleøkonomi betyde for kommunen?');
    await page.context().close();
  });

  test('a stale save shows the conflict and keeps the typed text; saving again keeps both people’s work', async () => {
    const id = await newNetwork('Frivillighed');
    const first = await lene.put(`/api/networks/${id}/theme`, { theme: 'Frivillighed', whyInteresting: 'Mange vil gerne hjælpe.' });
    expect(first.status).toBe(201);
    const page = await openPlan(id, 'theme');
    await dream(page).fill('Frivillige i alle plejecentre');

    // Meanwhile Omar, the co-driver, saves his version from another computer.
    const omars = await omar.put(`/api/networks/${id}/theme`, { theme: 'Frivillighed i ældreplejen', whyInteresting: 'Mange pensionister vil gerne hjælpe.' }, { 'If-Match': first.body.etag });
    expect(omars.status).toBe(200);

    await page.getByRole('button', { name: 'Gem temaet' }).click();
    await conflictBar(page).waitFor();
    await conflictBar(page).getByText('Din tekst er bevaret.', { exact: false }).waitFor();
    expect(await dream(page).inputValue()).toBe('Frivillige i alle plejecentre');
    await screenshot(page, 'tabs-theme-conflict');

    await conflictBar(page).getByRole('button', { name: 'Hent den nyeste version' }).click();
    await conflictBar(page).waitFor({ state: 'detached' });
    await page.getByText('Ændringerne fra den anden er hentet ind', { exact: false }).waitFor();
    await page.getByText('Din tekst er bevaret.', { exact: false }).waitFor();
    // Lene's typed text stays; Omar's changes come in where Lene typed nothing.
    expect(await dream(page).inputValue()).toBe('Frivillige i alle plejecentre');
    expect(await why(page).inputValue()).toBe('Mange pensionister vil gerne hjælpe.');
    expect(await heading(page).inputValue()).toBe('Frivillighed i ældreplejen');
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Gem temaet' }).click();
    await page.getByText('Gemt som version 3').waitFor();
    const plan = (await lene.get(`/api/networks/${id}`)).body;
    expect(plan.theme).toMatchObject({ potentialOrDream: 'Frivillige i alle plejecentre', whyInteresting: 'Mange pensionister vil gerne hjælpe.' });
    expect(plan.network.theme).toBe('Frivillighed i ældreplejen');
    await page.context().close();
  });

  test('when both changed the same answer, the typed text is kept and the other version is shown beside it', async () => {
    const id = await newNetwork('Socialøkonomi');
    const first = await lene.put(`/api/networks/${id}/theme`, { theme: 'Socialøkonomi', whyInteresting: 'Flere i job.' });
    const page = await openPlan(id, 'theme');
    await why(page).fill('Flere i job og nye fællesskaber.');
    await omar.put(`/api/networks/${id}/theme`, { theme: 'Socialøkonomi', whyInteresting: 'Flere ledige i job.' }, { 'If-Match': first.body.etag });
    await page.getByRole('button', { name: 'Gem temaet' }).click();
    await page.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await page.getByText('I disse felter har både du og en anden skrevet.', { exact: false }).waitFor();
    await page.getByText('Gemt af Omar Said', { exact: false }).waitFor();
    await page.getByText('Flere ledige i job.').waitFor();
    expect(await why(page).inputValue()).toBe('Flere i job og nye fællesskaber.');
    await screenshot(page, 'tabs-theme-conflict-merged');
    await page.context().close();
  });

  test('revisions list who saved when, and what a chosen revision changed', async () => {
    const id = await newNetwork('Ensomhed');
    const first = await lene.put(`/api/networks/${id}/theme`, { theme: 'Ensomhed blandt ældre', whyInteresting: 'Mange ældre bor alene.' });
    await omar.put(`/api/networks/${id}/theme`, {
      theme: 'Ensomhed blandt ældre', whyInteresting: 'Mange ældre bor alene og ser sjældent nogen.', characteristics: { citizenWelfare: { met: true, note: 'Direkte for borgeren' } },
    }, { 'If-Match': first.body.etag });
    const page = await openPlan(id, 'theme', 'lene', '&theme=dark');
    const table = page.getByRole('table', { name: 'Gemte versioner, nyeste først' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await table.getByRole('row').nth(1).getByText('Omar Said').waitFor();
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/Version 2\s+Omar Said\s+\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);

    await page.getByRole('button', { name: 'Vis ændringer i version 2' }).click();
    const changes = page.locator('#theme-revision-changes');
    await changes.getByRole('heading', { level: 4, name: 'Ændringer i version 2 i forhold til version 1' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await changes.getByText('Hvorfor er temaet interessant?').waitFor();
    const side = (label: string, text: string) => changes.locator('p', { hasText: label }).filter({ hasText: text });
    await side('Før (version 1)', 'Mange ældre bor alene.').waitFor();
    await side('Efter (version 2)', 'Mange ældre bor alene og ser sjældent nogen.').first().waitFor();
    await changes.getByText('Bedre velfærd for borgeren').waitFor();
    await side('Før (version 1)', 'Ikke tydelig endnu').waitFor();
    await side('Efter (version 2)', 'Tydelig i temaet — note: Direkte for borgeren').waitFor();
    expect(await changes.getByText('Netværkstema').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vis ændringer i version 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-theme-revisions-dark');
    await page.context().close();
  });

  test('subthemes are added, reordered and deleted; participants only read the theme', async () => {
    const id = await newNetwork('Subthemes');
    await lene.put(`/api/networks/${id}/theme`, { theme: 'Socialøkonomiske virksomheder', whyInteresting: 'Nye job til ledige.' });
    const page = await openPlan(id, 'theme');
    for (const title of ['Hvilke typer virksomheder findes der?', 'Opstart af ny virksomhed']) {
      await page.getByRole('textbox', { name: /^Undertema/ }).last().fill(title);
      await page.getByRole('button', { name: 'Tilføj undertema' }).click();
      await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
    }
    await page.getByRole('button', { name: 'Flyt “Opstart af ny virksomhed” op' }).click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('ol')).find((list) => list.textContent?.includes('Hvilke typer'))?.querySelector('li')?.textContent?.startsWith('Opstart af ny virksomhed'));
    expect((await lene.get(`/api/networks/${id}`)).body.subthemes.sort((a: { order: number }, b: { order: number }) => a.order - b.order).map((s: { title: string }) => s.title))
      .toEqual(['Opstart af ny virksomhed', 'Hvilke typer virksomheder findes der?']);
    await page.getByRole('button', { name: 'Slet undertemaet “Opstart af ny virksomhed”' }).click();
    await page.getByRole('button', { name: 'Ja, slet “Opstart af ny virksomhed”' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Opstart af ny virksomhed'));
    await page.context().close();

    const jens = await openPlan(id, 'theme', 'jens', '&theme=contrast');
    await jens.getByText('Netværkslederen og co-driveren udfolder temaet.', { exact: false }).waitFor();
    await jens.getByText('Nye job til ledige.').waitFor();
    await jens.getByText('Hvilke typer virksomheder findes der?').waitFor();
    expect(await jens.getByRole('textbox').count()).toBe(0);
    expect(await jens.getByRole('button', { name: 'Gem temaet' }).count()).toBe(0);
    expect(await jens.getByRole('button', { name: /Flyt|Slet/ }).count()).toBe(0);
    expect(await wcagViolations(jens)).toEqual([]);
    await screenshot(jens, 'tabs-theme-participant-contrast');
    await jens.getByRole('tab', { name: 'Forløb' }).click();
    await jens.getByRole('heading', { level: 2, name: 'Netværkets forløb' }).waitFor();
    expect(await jens.getByRole('button', { name: /Tilføj trin|Start forfra|Rediger|Fjern/ }).count()).toBe(0);
    await jens.context().close();
  });

  test('the timeline shows ISO weeks with their Mondays, today’s marker and the meeting in its week', async () => {
    const id = await newNetwork('Forløbet');
    const page = await openPlan(id, 'timeline');
    await page.getByRole('heading', { level: 2, name: 'Netværkets forløb' }).waitFor();
    const { network } = (await lene.get(`/api/networks/${id}`)).body;
    const weeks = weeksOfPeriod(network.startDate, network.endDate);
    const first = page.locator('#timeline-week-1');
    await first.getByText(`Uge ${weeks[0]!.week}`, { exact: true }).waitFor();
    await first.getByText(`Mandag ${formatDate(weeks[0]!.monday)}`).waitFor();
    await first.getByText('Chefforum: igangsættelse').waitFor();

    await page.getByText(`I dag: ${formatDate(today)}`).waitFor();
    const now = page.locator('li[aria-current="date"]');
    await now.getByText(`Uge ${isoWeek(today).week}`, { exact: true }).waitFor();
    await now.getByText(`I dag · ${formatDate(today)}`).waitFor();
    await now.getByText('Netværksmøde 1 af 1').waitFor();
    await page.getByText(`Uge ${isoWeek(today).week} – uge 6 af ${weeks.length} i netværkets forløb.`).waitFor();
    // Kinds are told apart by words (and shapes), not colour alone.
    for (const kind of ['Fase', 'Pause', 'Møde med referenceleder', 'Chefforum', 'Netværksmøde', 'I dag']) {
      await page.getByRole('list', { name: 'Forklaring' }).getByText(kind, { exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Gå til i dag' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('date');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-timeline');
    await page.context().close();

    for (const theme of ['dark', 'contrast']) {
      const themed = await openPlan(id, 'timeline', 'lene', `&theme=${theme}`);
      await themed.locator('li[aria-current="date"]').waitFor();
      expect(await wcagViolations(themed)).toEqual([]);
      await screenshot(themed, `tabs-timeline-${theme}`);
      await themed.context().close();
    }
  });

  test('a leader edits, adds and removes steps and starts over from the handbook’s template', async () => {
    const id = await newNetwork('Redigér forløbet');
    const page = await openPlan(id, 'timeline');
    await page.getByRole('button', { name: 'Rediger “Fase 2: Netværksdesign”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Titel/).fill('Fase 2: Design og invitationer');
    await dialog.getByLabel('Dato (valgfri)').fill('99.99.2026');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.getByText('Skriv en dato, der findes', { exact: false }).waitFor();
    await dialog.getByLabel('Dato (valgfri)').fill('');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'tabs-timeline-edit');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Fase 2: Design og invitationer', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Tilføj trin' }).click();
    await dialog.getByLabel('Slags').selectOption({ label: 'Møde med referenceleder' });
    await dialog.getByLabel(/^Titel/).fill('Ekstra møde med Birgitte');
    await dialog.getByLabel('Dato (valgfri)').fill(formatDate(today));
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('li[aria-current="date"]').getByText('Ekstra møde med Birgitte').waitFor();

    await page.getByRole('button', { name: 'Fjern “Ekstra møde med Birgitte”' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fjern' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await page.getByText('Ekstra møde med Birgitte').count()).toBe(0);

    let steps = (await lene.get(`/api/networks/${id}`)).body.phasePlan.steps as { title: string }[];
    expect(steps.map((s) => s.title)).toContain('Fase 2: Design og invitationer');
    expect(steps.map((s) => s.title)).not.toContain('Ekstra møde med Birgitte');

    await page.getByRole('button', { name: 'Start forfra fra håndbogens skabelon' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, start forfra' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await page.getByText('Fase 2: Netværksdesign', { exact: true }).waitFor();
    steps = (await lene.get(`/api/networks/${id}`)).body.phasePlan.steps;
    expect(steps.map((s) => s.title)).toContain('Fase 2: Netværksdesign');
    await page.context().close();
  });

  test('a stale timeline save keeps the dialog and its text; after loading the latest it saves on top', async () => {
    const id = await newNetwork('Forløbskonflikt');
    const page = await openPlan(id, 'timeline');
    await page.getByRole('button', { name: 'Rediger “Fase 1: Opstart”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Titel/).fill('Fase 1: Opstart og markvandring');

    const plan = (await omar.get(`/api/networks/${id}`)).body;
    const steps = plan.phasePlan.steps.map((s: { title: string; id: string }) => (s.id === 'learning-4-spread' ? { ...s, title: 'Fase 4: Spredning (Omar)' } : s));
    expect((await omar.put(`/api/networks/${id}/phases`, { steps }, { 'If-Match': plan.phasePlan.etag })).status).toBe(200);

    await dialog.getByRole('button', { name: 'Gem' }).click();
    await conflictBar(dialog).waitFor();
    await screenshot(page, 'tabs-timeline-conflict');
    await conflictBar(dialog).getByRole('button', { name: 'Hent den nyeste version' }).click();
    await conflictBar(dialog).waitFor({ state: 'detached' });
    await dialog.getByText('din ændring er bevaret', { exact: false }).waitFor();
    expect(await dialog.getByLabel(/^Titel/).inputValue()).toBe('Fase 1: Opstart og markvandring');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'detached' });

    const titles = ((await lene.get(`/api/networks/${id}`)).body.phasePlan.steps as { title: string }[]).map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Fase 1: Opstart og markvandring', 'Fase 4: Spredning (Omar)']));
    await page.context().close();
  });
});
