import type { Browser, Locator, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import AxeBuilder from '@axe-core/playwright';
import type { TeamMember } from '../../bot/storage/conversationStore';
import { launchChromium, openTab, screenshot } from '../support/chromium';

// The plan tab in headless Chromium, as the network leader uses it: the participant register with the competence
// diamond, the meetings inside the network's period, the planning tool per meeting and as a matrix, the print view;
// then as a participant, who sees the same plan without anything to edit. A network that lives in a team links its
// participants to the team's members with a picker.

const JENS_USER_ID = 'd0000000-0000-4000-8000-000000000003';
const STEP_TIMEOUT = 120_000;

interface NewParticipant {
  name: string;
  kind: 'core' | 'along';
  role: string;
  unit: string;
  email?: string;
  userId?: string;
  areas?: string[];
  custom?: string[];
}

describe('the plan tab: participants, meetings, planning tool and print view', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  let page: Page;
  const planUrl = (hash: string, extra = '') => `/tabs/plan.html?networkId=${encodeURIComponent(networkId)}${extra}#${hash}`;

  beforeAll(async () => {
    app = await startTestApp('tabsplan');
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', {
      name: 'Deleøkonomi i kommunen',
      type: 'learning',
      theme: 'Hvad kan deleøkonomi betyde for kommunens opgaver?',
      startDate: '2026-02-02',
      endDate: '2026-07-31',
    });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    for (const title of ['Hvad er deleøkonomi?', 'Jura, regler og muligheder']) {
      expect((await lene.post(`/api/networks/${networkId}/subthemes`, { title })).status).toBe(201);
    }
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  // The advice about the section shown: a bar at the section's top, grouped and counted; its details behind a button.
  const advice = (p: Page) => p.getByRole('region', { name: /^Gode råd: / });
  const openAdviceDetails = (p: Page) => advice(p).getByRole('button', { name: 'Vis detaljer' }).click();
  const openSection = async (p: Page, name: string, heading: string) => {
    await p.getByRole('tab', { name }).click();
    await p.getByRole('heading', { level: 2, name: heading }).waitFor();
  };
  const expectNoViolations = async (p: Page, where: string) => {
    const violations = await wcagViolationsOutsideFocusSentinels(p);
    expect({ where, violations }).toEqual({ where, violations: [] });
  };

  async function addParticipant(p: Page, person: NewParticipant): Promise<void> {
    await p.getByRole('button', { name: 'Tilføj deltager' }).click();
    const form = p.getByRole('form', { name: 'Ny deltager' });
    await expect(form.getByLabel('Navn')).toBeFocused();
    await form.getByLabel('Navn').fill(person.name);
    await form.getByLabel('Rolle').selectOption({ label: person.role });
    await form.getByRole('radio', { name: person.kind === 'core' ? /^Kernedeltager/ : /^Inddrages løbende/ }).check();
    await form.getByLabel('Enhed eller organisation').fill(person.unit);
    if (person.email) await form.getByLabel('E-mail').fill(person.email);
    if (person.userId) await form.getByLabel('Teams-bruger-id').fill(person.userId);
    for (const area of person.areas ?? []) await form.getByRole('checkbox', { name: new RegExp(`^${area}`) }).check();
    for (const competence of person.custom ?? []) {
      await form.getByLabel('Egne kompetencer', { exact: true }).fill(competence);
      await form.getByRole('button', { name: 'Tilføj kompetence' }).click();
    }
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    await p.getByRole('rowheader', { name: new RegExp(`^${person.name}`) }).waitFor();
  }

  test('the leader registers participants; the core-group advice and the competence diamond follow', async () => {
    page = await openTab(browser, app.url, planUrl('participants'));
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await expect(advice(page).getByText('Kernegruppen er ikke på 4-6 deltagere', { exact: false })).toBeVisibleSoon();
    await openAdviceDetails(page);
    await expect(advice(page).getByText('Antal kernedeltagere: 0')).toBeVisibleSoon();

    await addParticipant(page, {
      name: 'Helle Hansen', kind: 'core', role: 'Medarbejder', unit: 'SPO', email: 'helle.hansen@kommune.example',
      areas: ['Faglige spidskompetencer'],
    });
    // Before the diamond is covered, the missing areas say so in words (and an icon), not by colour.
    const diamond = page.getByRole('region', { name: 'Kompetencediamanten' });
    await expect(diamond.locator('[data-area="publicAdministrationFrameworks"]').getByText('Ikke dækket')).toBeVisibleSoon();
    await expect(diamond.locator('[data-area="professionalExpertise"]').getByText('Dækket af Helle Hansen')).toBeVisibleSoon();
    await screenshot(page, 'tabs-plan-participants-diamond-uncovered');

    await addParticipant(page, {
      name: 'Omar Said', kind: 'core', role: 'Co-driver', unit: 'Økonomi og Styring', email: 'omar.said@kommune.example',
      areas: ['Rammer for den offentlige forvaltning'], custom: ['Jura'],
    });
    await addParticipant(page, {
      name: 'Karen Mortensen', kind: 'core', role: 'Leder', unit: 'Teknik og Miljø',
      areas: ['Ressourcer og opbakning', 'Faglige spidskompetencer'], custom: ['Smart City'],
    });
    await addParticipant(page, { name: 'Søren Sørensen', kind: 'along', role: 'Borger', unit: 'Borger i kommunen' });

    await expect(advice(page).getByText('Antal kernedeltagere: 3')).toBeVisibleSoon();
    await expect(page.getByRole('heading', { name: 'Kernedeltagere (3)' })).toBeVisibleSoon();
    await expect(page.getByRole('heading', { name: 'Inddrages løbende (1)' })).toBeVisibleSoon();
    // A citizen brings the external perspective by who they are, as the advice counts it.
    await expect(diamond.locator('[data-area="externalPerspectives"]').getByText('Søren Sørensen (Borger)')).toBeVisibleSoon();
    expect(await diamond.getByText('Ikke dækket').count()).toBe(0);
    await expect(diamond.getByText('Smart City: Karen Mortensen')).toBeVisibleSoon();

    // The fourth core participant: the advice about too few core participants goes away.
    await addParticipant(page, {
      name: 'Jens Jensen', kind: 'core', role: 'Medarbejder', unit: 'ØS', email: 'jens.jensen@kommune.example', userId: JENS_USER_ID,
      areas: ['Faglige spidskompetencer'],
    });
    await expect(page.getByRole('heading', { name: 'Kernedeltagere (4)' })).toBeVisibleSoon();
    await expect(advice(page).getByText(/Antal kernedeltagere/)).toBeGoneSoon();
    await expect(page.getByRole('button', { name: 'Tilføj deltager' })).toBeFocused();

    await screenshot(page, 'tabs-plan-participants');
    await expectNoViolations(page, 'participants');
  }, STEP_TIMEOUT);

  test('an edit that meets someone else’s change keeps the draft and saves after loading the latest version', async () => {
    await page.getByRole('button', { name: 'Rediger Søren Sørensen' }).click();
    const form = page.getByRole('form', { name: 'Rediger Søren Sørensen' });
    await form.getByLabel('Enhed eller organisation').fill('Borger, modtager hjemmehjælp');

    // Meanwhile the co-leader's browser (here: the API) changes the same participant.
    const plan = await lene.get(`/api/networks/${networkId}`);
    const soren = plan.body.participants.find((p: { name: string }) => p.name === 'Søren Sørensen');
    expect((await lene.patch(`/api/networks/${networkId}/participants/${soren.id}`, { email: 'soren@example.dk' }, { 'If-Match': soren.etag })).status).toBe(200);

    await form.getByRole('button', { name: 'Gem' }).click();
    // The shared save kit's conflict bar: a group named by its heading, so it is found once.
    const conflict = form.getByRole('group', { name: 'En anden har ændret dette' });
    await expect(conflict).toBeVisibleSoon();
    await expect(conflict.getByText('Din tekst er bevaret.', { exact: false })).toBeVisibleSoon();
    await screenshot(page, 'tabs-plan-participants-conflict');
    await conflict.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await expect(form.getByLabel('Enhed eller organisation')).toHaveValueSoon('Borger, modtager hjemmehjælp');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });

    const after = (await lene.get(`/api/networks/${networkId}`)).body.participants.find((p: { id: string }) => p.id === soren.id);
    expect(after.unit).toBe('Borger, modtager hjemmehjælp');
    expect(after.email).toBe('soren@example.dk');
  }, STEP_TIMEOUT);

  test('the leader plans two meetings in the period; a date outside it gets the server’s message on the field', async () => {
    await openSection(page, 'Møder', 'Møder');
    await expect(page.getByText('Netværkets periode: 02.02.2026–31.07.2026 (uge 6–31)')).toBeVisibleSoon();

    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    let form = page.getByRole('form', { name: 'Nyt møde' });
    await expect(form.getByLabel('Undertema')).toHaveValueSoon(await optionValue(form.getByLabel('Undertema'), 'Hvad er deleøkonomi?'));
    await form.getByLabel('Dato').fill('17.03.2026');
    await expect(form.getByText('tirsdag, uge 12')).toBeVisibleSoon();
    // The end follows the start, three hours later, until the leader sets it.
    await form.getByLabel('Starttidspunkt').fill('13');
    await expect(form.getByLabel('Sluttidspunkt')).toHaveValueSoon('16:00');
    await form.getByLabel('Starttidspunkt').fill('09:00');
    await expect(form.getByLabel('Sluttidspunkt')).toHaveValueSoon('12:00');
    await form.getByLabel('Sted').fill('Rådhuset, mødelokale 2');
    await form.getByLabel('Formål').fill('At forstå, hvad deleøkonomi er, og hvilke typer der findes.');
    await form.getByLabel('Forberedelse').fill('Læs artiklen om deleøkonomi i kommunerne.');
    await form.getByLabel('Refleksionsspørgsmål efter mødet').fill('Hvad overraskede dig?\n\nHvem skal du tale med nu?');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 3, name: 'Netværksmøde 1 af 1: Hvad er deleøkonomi?' }).waitFor();

    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    form = page.getByRole('form', { name: 'Nyt møde' });
    await expect(form.getByLabel('Undertema')).toHaveValueSoon(await optionValue(form.getByLabel('Undertema'), 'Jura, regler og muligheder'));
    await form.getByLabel('Dato').fill('14.4.2026');
    await form.getByLabel('Starttidspunkt').fill('9.30');
    await form.getByLabel('Online (Teams-møde)').check();
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Netværksmøde 2 af 2: Jura, regler og muligheder' }) });
    await expect(second.getByText('tirsdag 14.04.2026 (uge 16)')).toBeVisibleSoon();
    await expect(second.getByText('09:30–12:30')).toBeVisibleSoon();
    await expect(second.getByText('Online', { exact: true })).toBeVisibleSoon();

    // Outside the period: the server says why (422), on the date field, and nothing typed is lost.
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    form = page.getByRole('form', { name: 'Nyt møde' });
    await form.getByLabel('Dato').fill('15.09.2026');
    await form.getByLabel('Formål').fill('Et møde efter perioden');
    await form.getByRole('button', { name: 'Gem' }).click();
    const message = 'Mødedatoen 15.09.2026 ligger uden for netværkets periode (02.02.2026–31.07.2026).';
    await expect(form.getByText(message)).toBeVisibleSoon();
    const dateInput = form.getByLabel('Dato');
    expect(await dateInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await dateInput.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(describedBy.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(descriptions.join(' ')).toContain(message);
    await expect(form.getByLabel('Formål')).toHaveValueSoon('Et møde efter perioden');
    await screenshot(page, 'tabs-plan-meetings-outside-period');
    await form.getByRole('button', { name: 'Annuller' }).click();
    await form.waitFor({ state: 'detached' });

    const meetings = (await lene.get(`/api/networks/${networkId}`)).body.meetings;
    expect(meetings).toHaveLength(2);
    // The leader's own reflection questions for meeting 1; meeting 2 keeps the handbook's.
    expect(meetings[0].reflectionQuestions).toEqual(['Hvad overraskede dig?', 'Hvem skal du tale med nu?']);
    expect(meetings[1].reflectionQuestions[0]).toBe('Hvad kan du tage med fra i dag?');
    await screenshot(page, 'tabs-plan-meetings');
    await expectNoViolations(page, 'meetings');
  }, STEP_TIMEOUT);

  test('the leader fills the planning tool per meeting; the advice on meetings without core participants follows', async () => {
    await openSection(page, 'Planlægningsredskab', 'Planlægningsredskab');
    await openAdviceDetails(page);
    await expect(advice(page).getByText('Der er ingen kernedeltagere på netværksmøde 1.', { exact: false })).toBeVisibleSoon();
    await expect(advice(page).getByText('Jens Jensen er ikke sat på noget møde endnu.')).toBeVisibleSoon();

    const meeting1 = page.getByRole('region', { name: /^Netværksmøde 1 af 2: Hvad er deleøkonomi\?, 17\.03\.2026/ });
    await assign(page, meeting1, 'Netværksmøde 1 af 2', 'Jens Jensen', 'Oplæg om deleøkonomi i Økonomi og Styring', { pick: 'Workshop, facilitator' });
    await expect(advice(page).getByText('Der er ingen kernedeltagere på netværksmøde 1.', { exact: false })).toBeGoneSoon();
    await assign(page, meeting1, 'Netværksmøde 1 af 2', 'Helle Hansen', 'Bidrager med viden om borgerrettede tilbud', { type: 'Workshop m. borgere, deltager' });
    await assign(page, meeting1, 'Netværksmøde 1 af 2', 'Søren Sørensen', 'Modtager ydelse X', { type: 'Workshop, deltager' });

    // Each row is edited where it stands: its contribution and form are fields in the table.
    const jens = 'Jens Jensen på Netværksmøde 1 af 2';
    const helle = 'Helle Hansen på Netværksmøde 1 af 2';
    await expect(meeting1.getByRole('button', { name: `Bidrag: ${jens}: Oplæg om deleøkonomi i Økonomi og Styring` })).toBeVisibleSoon();
    await expect(meeting1.getByRole('button', { name: `Inddragelsesform: ${jens}: Workshop, facilitator` })).toBeVisibleSoon();
    await expect(meeting1.getByRole('button', { name: `Inddragelsesform: ${helle}: Workshop m. borgere, deltager` })).toBeVisibleSoon();
    // Core participants come first in the meeting's table.
    const order = await meeting1.locator('tbody th[scope="row"]').allInnerTexts();
    expect(order.map((text) => text.split('\n')[0])).toEqual(['Helle Hansen, SPO', 'Jens Jensen, ØS', 'Søren Sørensen, Borger, modtager hjemmehjælp']);

    // A known form typed in words is stored as the known form (so it reads right in English too).
    const stored = (await lene.get(`/api/networks/${networkId}`)).body.assignments;
    expect(stored.find((a: { contribution: string }) => a.contribution === 'Modtager ydelse X').involvementForm).toBe('workshopParticipant');
    expect(stored.find((a: { contribution: string }) => a.contribution.startsWith('Oplæg')).involvementForm).toBe('workshopFacilitator');
    expect(stored.find((a: { contribution: string }) => a.contribution.startsWith('Bidrager')).involvementForm).toBe('Workshop m. borgere, deltager');

    // Edit in place: type, Tab on — saved as the field is left, "Gemt kl. …" under it, no dialog.
    await meeting1.getByRole('button', { name: new RegExp(`^Bidrag: ${helle}:`) }).click();
    const helleContribution = meeting1.getByRole('textbox', { name: `Bidrag: ${helle}` });
    await helleContribution.fill('Viden om Y fra SPO');
    await page.keyboard.press('Tab');
    await expect(meeting1.getByRole('row', { name: /Helle Hansen, SPO/ }).getByText(/^Gemt kl\. \d\d\.\d\d$/)).toBeVisibleSoon();
    const saved = (await lene.get(`/api/networks/${networkId}`)).body.assignments;
    expect(saved.find((a: { contribution: string }) => a.contribution === 'Viden om Y fra SPO')).toBeDefined();
    // A form picked from the suggestions is saved as soon as it is picked.
    await meeting1.getByRole('button', { name: new RegExp(`^Inddragelsesform: ${helle}:`) }).click();
    const helleForm = meeting1.getByRole('combobox', { name: `Inddragelsesform: ${helle}` });
    await helleForm.fill('');
    await helleForm.pressSequentially('Opl');
    await page.getByRole('option', { name: 'Oplæg', exact: true }).click();
    const formOf = async () => (await lene.get(`/api/networks/${networkId}`)).body.assignments.find((a: { contribution: string }) => a.contribution === 'Viden om Y fra SPO').involvementForm;
    for (let tries = 0; (await formOf()) !== 'presentation' && tries < 50; tries++) await page.waitForTimeout(100);
    expect(await formOf()).toBe('presentation');
    // The leader's own words again, typed and left with Tab: stored as written.
    await meeting1.getByRole('button', { name: new RegExp(`^Inddragelsesform: ${helle}:`) }).click();
    await helleForm.fill('Workshop m. borgere, deltager');
    await page.keyboard.press('Tab');
    for (let tries = 0; (await formOf()) !== 'Workshop m. borgere, deltager' && tries < 50; tries++) await page.waitForTimeout(100);
    expect(await formOf()).toBe('Workshop m. borgere, deltager');

    await screenshot(page, 'tabs-plan-planner');
    await expectNoViolations(page, 'planner per meeting');
  }, STEP_TIMEOUT);

  test('the matrix: core participants first, a cell toggles participation, and everything is there after a reload', async () => {
    await page.getByRole('button', { name: 'Matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Hvem deltager i hvilke møder' });
    await matrix.waitFor();
    expect(await page.getByRole('button', { name: 'Matrix' }).getAttribute('aria-pressed')).toBe('true');
    const rows = await matrix.locator('tbody th[scope="row"]').allInnerTexts();
    expect(rows.slice(0, 4).every((name) => ['Helle Hansen, SPO', 'Jens Jensen, ØS', 'Karen Mortensen, Teknik og Miljø', 'Omar Said, Økonomi og Styring'].includes(name))).toBe(true);
    expect(rows[4]).toBe('Søren Sørensen, Borger, modtager hjemmehjælp');
    await expect(matrix.getByRole('checkbox', { name: 'Jens Jensen på Netværksmøde 1 af 2' })).toBeCheckedSoon(true);

    await expect(advice(page).getByText('Der er ingen kernedeltagere på netværksmøde 2.', { exact: false })).toBeVisibleSoon();
    const omar2 = matrix.getByRole('checkbox', { name: 'Omar Said på Netværksmøde 2 af 2' });
    await omar2.click();
    await expect(omar2).toBeCheckedSoon(true);
    await expect(advice(page).getByText('Der er ingen kernedeltagere på netværksmøde 2.', { exact: false })).toBeGoneSoon();
    // By keyboard: space on a focused cell toggles it.
    const karen2 = matrix.getByRole('checkbox', { name: 'Karen Mortensen på Netværksmøde 2 af 2' });
    await karen2.focus();
    await page.keyboard.press('Space');
    await expect(karen2).toBeCheckedSoon(true);
    await page.keyboard.press('Space');
    await expect(karen2).toBeCheckedSoon(false);
    // By mouse anywhere in the cell.
    await matrix.locator('tr', { has: page.getByRole('rowheader', { name: 'Helle Hansen, SPO' }) }).locator('td').nth(1).click({ position: { x: 4, y: 4 } });
    await expect(matrix.getByRole('checkbox', { name: 'Helle Hansen på Netværksmøde 2 af 2' })).toBeCheckedSoon(true);
    await expect(matrix.getByRole('cell', { name: '3 (kerne: 2)' }).first()).toBeVisibleSoon();

    // Taking someone off who has a contribution asks first.
    await matrix.getByRole('checkbox', { name: 'Søren Sørensen på Netværksmøde 1 af 2' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Fjern Søren Sørensen fra Netværksmøde 1 af 2?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuller' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(matrix.getByRole('checkbox', { name: 'Søren Sørensen på Netværksmøde 1 af 2' })).toBeCheckedSoon(true);

    await screenshot(page, 'tabs-plan-matrix');
    await expectNoViolations(page, 'planner matrix');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Planlægningsredskab' }).waitFor();
    const again = page.getByRole('table', { name: 'Hvem deltager i hvilke møder' });
    await again.waitFor();
    for (const [name, checked] of [
      ['Jens Jensen på Netværksmøde 1 af 2', true],
      ['Helle Hansen på Netværksmøde 1 af 2', true],
      ['Søren Sørensen på Netværksmøde 1 af 2', true],
      ['Omar Said på Netværksmøde 2 af 2', true],
      ['Helle Hansen på Netværksmøde 2 af 2', true],
      ['Karen Mortensen på Netværksmøde 2 af 2', false],
      ['Omar Said på Netværksmøde 1 af 2', false],
    ] as const) {
      await expect(again.getByRole('checkbox', { name })).toBeCheckedSoon(checked);
    }
    await page.getByRole('button', { name: 'Pr. møde' }).click();
    await expect(page.getByRole('cell', { name: 'Oplæg om deleøkonomi i Økonomi og Styring' })).toBeVisibleSoon();
    await expect(page.getByRole('cell', { name: 'Viden om Y fra SPO' })).toBeVisibleSoon();
    await page.getByRole('tab', { name: 'Deltagere' }).click();
    await expect(page.getByRole('heading', { name: 'Kernedeltagere (4)' })).toBeVisibleSoon();
    await page.getByRole('tab', { name: 'Møder' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Netværksmøde 2 af 2: Jura, regler og muligheder' })).toBeVisibleSoon();
  }, STEP_TIMEOUT);

  test('the print view shows the network, the participants and the planning tool per meeting', async () => {
    await page.getByRole('tab', { name: 'Planlægningsredskab' }).click();
    const [print] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Udskriv' }).click()]);
    await print.waitForLoadState();
    expect(new URL(print.url()).searchParams.get('view')).toBe('print');
    await print.getByRole('heading', { level: 1, name: 'Deleøkonomi i kommunen' }).waitFor();
    await expect(print.getByText('02.02.2026–31.07.2026 (uge 6–31)')).toBeVisibleSoon();
    await expect(print.getByText('Hvad kan deleøkonomi betyde for kommunens opgaver?')).toBeVisibleSoon();
    await expect(print.getByRole('heading', { level: 3, name: 'Netværksmøde 1 af 2: Hvad er deleøkonomi?, 17.03.2026' })).toBeVisibleSoon();
    const planner = print.getByTestId('print-planner').first();
    await expect(planner.getByRole('columnheader', { name: 'Hvad skal personen bidrage med?' })).toBeVisibleSoon();
    await expect(planner.getByRole('row', { name: /Jens Jensen, ØS.*Oplæg om deleøkonomi i Økonomi og Styring.*Workshop, facilitator/ })).toBeVisibleSoon();
    expect(await print.getByTestId('print-participants').locator('tbody tr').count()).toBe(5);
    await screenshot(print, 'tabs-plan-print');
    await expectNoViolations(print, 'print view');

    // On paper: no buttons, black on white.
    await print.emulateMedia({ media: 'print' });
    expect(await print.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    const color = await print.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).color);
    expect(color).toBe('rgb(0, 0, 0)');
    await screenshot(print, 'tabs-plan-print-media');
    await print.close();
  }, STEP_TIMEOUT);

  test('each section passes axe in the dark theme (and is screenshotted in high contrast)', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const themed = await openTab(browser, app.url, planUrl('participants', `&theme=${theme}`));
      await themed.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
      await screenshot(themed, `tabs-plan-participants-${theme}`);
      if (theme === 'dark') await expectNoViolations(themed, `participants ${theme}`);
      await openSection(themed, 'Møder', 'Møder');
      await screenshot(themed, `tabs-plan-meetings-${theme}`);
      if (theme === 'dark') await expectNoViolations(themed, `meetings ${theme}`);
      await openSection(themed, 'Planlægningsredskab', 'Planlægningsredskab');
      await themed.getByRole('button', { name: 'Pr. møde' }).click();
      await screenshot(themed, `tabs-plan-planner-${theme}`);
      if (theme === 'dark') await expectNoViolations(themed, `planner ${theme}`);
      await themed.getByRole('button', { name: 'Matrix' }).click();
      await themed.getByRole('table', { name: 'Hvem deltager i hvilke møder' }).waitFor();
      await screenshot(themed, `tabs-plan-matrix-${theme}`);
      if (theme === 'dark') await expectNoViolations(themed, `matrix ${theme}`);
      await themed.context().close();
    }
  }, STEP_TIMEOUT);

  test('in English the planning tool reads in English, known involvement forms included', async () => {
    const en = await openTab(browser, app.url, planUrl('planner'), 'lene', 'en-US');
    await en.getByRole('heading', { level: 2, name: 'Planning tool' }).waitFor();
    await en.getByRole('button', { name: 'Per meeting' }).click();
    const meeting1 = en.getByRole('region', { name: /^Network meeting 1 of 2/ });
    await expect(meeting1.getByRole('columnheader', { name: 'How? (form of involvement)' })).toBeVisibleSoon();
    await expect(meeting1.getByRole('row', { name: /Søren Sørensen/ }).getByRole('cell', { name: 'Workshop, participant' })).toBeVisibleSoon();
    // The leader's own words stay as written.
    await expect(meeting1.getByRole('cell', { name: 'Workshop m. borgere, deltager' })).toBeVisibleSoon();
    await expect(en.getByRole('button', { name: 'Print view' })).toBeVisibleSoon();
    await screenshot(en, 'tabs-plan-planner-en');
    await en.context().close();
  }, STEP_TIMEOUT);

  test('in a network with a team, the leader links a participant to a team member by keyboard, and can unlink', async () => {
    const team = '19:aeldre-team@thread.tacv2';
    const member = (fields: Partial<TeamMember>): TeamMember => ({
      teamId: team, tenantId: 'tenant-1', userId: `29:${fields.aadObjectId ?? 'guest'}`, serviceUrl: 'https://smba.trafficmanager.net/emea/', ...fields,
    });
    const { conversations } = app.services;
    await conversations.rememberMember(member({ aadObjectId: 'aad-aase', name: 'Åse Andersen', email: 'aase@kommune.example' }));
    await conversations.rememberMember(member({ aadObjectId: 'aad-bo', name: 'Bo Berg' }));
    await conversations.rememberMember(member({ aadObjectId: 'aad-karim', name: 'Karim Nielsen', email: 'karim@kommune.example' }));
    const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Fællesskaber tæt på hjemmet', startDate: '2026-02-02' });
    expect(created.status).toBe(201);
    const teamNetwork = created.body.id as string;
    expect((await lene.patch(`/api/networks/${teamNetwork}`, { teamId: team }, { 'If-Match': created.etag! })).status).toBe(200);
    const linkOf = async (name: string) =>
      (await lene.get(`/api/networks/${teamNetwork}`)).body.participants.find((p: { name: string }) => p.name === name)?.userId;

    const p = await openTab(browser, app.url, `/tabs/plan.html?networkId=${encodeURIComponent(teamNetwork)}#participants`);
    await p.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await p.getByRole('button', { name: 'Tilføj deltager' }).click();
    const form = p.getByRole('form', { name: 'Ny deltager' });
    const picker = form.getByRole('combobox', { name: 'Teams-bruger' });
    await picker.waitFor();
    expect(await form.getByLabel('Teams-bruger-id').count()).toBe(0);
    await expectNoViolations(p, 'participant form with the member picker');

    // By keyboard: into the picker, type part of the name, take the suggestion.
    await picker.focus();
    await p.keyboard.type('åse');
    await expect(p.getByRole('option', { name: /Åse Andersen/ })).toBeVisibleSoon();
    expect(await p.getByRole('option', { name: /Karim Nielsen/ }).count()).toBe(0);
    await expectNoViolations(p, 'member picker open');
    await screenshot(p, 'tabs-plan-participants-member-picker');
    await p.keyboard.press('Enter');
    await expect(picker).toHaveValueSoon('Åse Andersen');
    // The name and e-mail were empty: the team fills them in.
    await expect(form.getByLabel('Navn')).toHaveValueSoon('Åse Andersen');
    await expect(form.getByLabel('E-mail')).toHaveValueSoon('aase@kommune.example');
    await form.getByLabel('Enhed eller organisation').fill('Hjemmeplejen Syd');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await linkOf('Åse Andersen')).toBe('aad-aase');

    await p.reload();
    await p.getByRole('button', { name: 'Rediger Åse Andersen' }).click();
    const edit = p.getByRole('form', { name: 'Rediger Åse Andersen' });
    const linked = edit.getByRole('combobox', { name: 'Teams-bruger' });
    await expect(linked).toHaveValueSoon('Åse Andersen');
    // Unlinking, by keyboard too: open the list, the first choice is "no Teams user".
    await linked.focus();
    await p.keyboard.press('Alt+ArrowDown');
    await expect(p.getByRole('option', { name: 'Ingen Teams-bruger' })).toBeVisibleSoon();
    await p.keyboard.press('Home');
    await p.keyboard.press('Enter');
    await expect(linked).toHaveValueSoon('');
    await edit.getByRole('button', { name: 'Gem' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await linkOf('Åse Andersen')).toBeUndefined();
    await p.context().close();
  }, STEP_TIMEOUT);

  test('a participant sees the whole plan without anything to edit', async () => {
    const jens = clientFor(app, 'jens');
    const view = await jens.get(`/api/networks/${networkId}`);
    expect(view.status).toBe(200);
    expect(view.body.role).toBe('participant');

    const p = await openTab(browser, app.url, planUrl('participants'), 'jens');
    await p.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await expect(p.getByRole('rowheader', { name: 'Jens Jensen (dig)' })).toBeVisibleSoon();
    await expect(p.getByRole('rowheader', { name: 'Søren Sørensen' })).toBeVisibleSoon();
    expect(await p.getByRole('button', { name: 'Tilføj deltager' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: /^Rediger|^Slet/ }).count()).toBe(0);
    await screenshot(p, 'tabs-plan-participant-view');
    await expectNoViolations(p, 'participants (participant)');

    await openSection(p, 'Møder', 'Møder');
    await expect(p.getByRole('heading', { level: 3, name: 'Netværksmøde 1 af 2: Hvad er deleøkonomi?' })).toBeVisibleSoon();
    expect(await p.getByRole('button', { name: /Tilføj møde|^Rediger|^Slet/ }).count()).toBe(0);

    await openSection(p, 'Planlægningsredskab', 'Planlægningsredskab');
    await p.getByRole('button', { name: 'Pr. møde' }).click();
    await expect(p.getByRole('cell', { name: 'Oplæg om deleøkonomi i Økonomi og Styring' })).toBeVisibleSoon();
    expect(await p.getByRole('button', { name: /Tilføj person|^Rediger|^Fjern/ }).count()).toBe(0);
    await p.getByRole('button', { name: 'Matrix' }).click();
    const matrix = p.getByRole('table', { name: 'Hvem deltager i hvilke møder' });
    await matrix.waitFor();
    expect(await matrix.getByRole('checkbox').count()).toBe(0);
    // Who takes part is a mark with words for screen readers.
    const jensRow = matrix.getByRole('row', { name: /^Jens Jensen, ØS/ });
    expect(await jensRow.getByRole('cell').first().innerText()).toBe('Deltager');
    expect(await jensRow.getByRole('cell').nth(1).innerText()).toBe('Deltager ikke');
    await screenshot(p, 'tabs-plan-participant-matrix');
    await expectNoViolations(p, 'matrix (participant)');
    await p.context().close();
  }, STEP_TIMEOUT);

  test('deleting asks first: a cancel returns focus to the button, a delete says so and returns it to the add button', async () => {
    await openSection(page, 'Deltagere', 'Deltagere');
    const deleteKaren = page.getByRole('button', { name: 'Slet Karen Mortensen' });
    await deleteKaren.click();
    let dialog = page.getByRole('alertdialog', { name: 'Slet Karen Mortensen?' });
    await dialog.getByRole('button', { name: 'Annuller' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(deleteKaren).toBeFocused();
    await deleteKaren.click();
    dialog = page.getByRole('alertdialog', { name: 'Slet Karen Mortensen?' });
    await dialog.getByRole('button', { name: 'Slet deltager' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('rowheader', { name: /^Karen Mortensen/ })).toBeGoneSoon();
    await expect(page.getByRole('status').filter({ hasText: 'Karen Mortensen er slettet.' })).toBeVisibleSoon();
    await expect(page.getByRole('button', { name: 'Tilføj deltager' })).toBeFocused();

    await openSection(page, 'Møder', 'Møder');
    await page.getByRole('button', { name: 'Slet Netværksmøde 2 af 2' }).click();
    dialog = page.getByRole('alertdialog', { name: 'Slet Netværksmøde 2 af 2?' });
    await dialog.getByRole('button', { name: 'Slet møde' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('status').filter({ hasText: 'Netværksmøde 2 af 2 er slettet.' })).toBeVisibleSoon();
    await expect(page.getByRole('button', { name: 'Tilføj møde' })).toBeFocused();
    const after = (await lene.get(`/api/networks/${networkId}`)).body;
    expect(after.meetings).toHaveLength(1);
    expect(after.participants.map((p: { name: string }) => p.name)).not.toContain('Karen Mortensen');
  }, STEP_TIMEOUT);
});

/**
 * As wcagViolations in test/support/chromium.ts, less Fluent's focus sentinels: tabster puts aria-hidden <i tabindex=0
 * data-tabster-dummy> around focus groups (the TabList, dialogs) and moves focus on at once when one is reached, so no
 * one ever lands on them; axe's aria-hidden-focus cannot know that.
 */
async function wcagViolationsOutsideFocusSentinels(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The value of the <option> with this text, for comparing a <select>'s chosen value. */
async function optionValue(select: Locator, text: string): Promise<string> {
  return select.locator('option', { hasText: text }).getAttribute('value').then((v) => v ?? '');
}

/** Puts a person on a meeting in the per-meeting view: a suggestion picked from the list, or the leader's own words. */
async function assign(page: Page, meeting: Locator, label: string, name: string, contribution: string, how: { pick?: string; type?: string }) {
  await meeting.getByRole('button', { name: `Tilføj person til ${label}` }).click();
  const form = page.getByRole('form', { name: `Tilføj person til ${label}` });
  const person = form.getByLabel('Netværksdeltager');
  await expect(person).toBeFocused();
  const value = await person.locator('option', { hasText: name }).getAttribute('value');
  await person.selectOption(value!);
  await form.getByLabel('Hvad skal personen bidrage med?').fill(contribution);
  const combobox = form.getByRole('combobox', { name: 'Hvordan? (inddragelsesform)' });
  if (how.pick) {
    await combobox.click();
    await page.getByRole('option', { name: how.pick }).click();
    await expect(combobox).toHaveValueSoon(how.pick);
  } else {
    await combobox.fill(how.type!);
    await page.keyboard.press('Escape');
  }
  await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
  await form.waitFor({ state: 'detached' });
  await meeting.getByRole('rowheader', { name: new RegExp(`^${name}`) }).waitFor();
}

// Small polling matchers: jest's expect is synchronous, the page is not.

async function poll(check: () => Promise<boolean>, describe: () => Promise<string>, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(await describe());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
      toBeGoneSoon(): Promise<R>;
      toBeFocused(): Promise<R>;
      toHaveValueSoon(value: string): Promise<R>;
      toBeCheckedSoon(checked: boolean): Promise<R>;
    }
  }
}

const result = async (work: () => Promise<void>) => {
  try {
    await work();
    return { pass: true, message: () => 'ok' };
  } catch (error) {
    return { pass: false, message: () => (error as Error).message };
  }
};

expect.extend({
  toBeVisibleSoon(locator: Locator) {
    return result(() => poll(() => locator.first().isVisible(), async () => `expected ${locator} to become visible`));
  },
  toBeGoneSoon(locator: Locator) {
    return result(() => poll(async () => (await locator.count()) === 0, async () => `expected ${locator} to disappear`));
  },
  toBeFocused(locator: Locator) {
    return result(() =>
      poll(
        () => locator.evaluate((element) => element === document.activeElement),
        async () => `expected ${locator} to have focus; focus is on ${await locator.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`,
      ),
    );
  },
  toHaveValueSoon(locator: Locator, value: string) {
    return result(() => poll(async () => (await locator.inputValue()) === value, async () => `expected ${locator} to have value ${value}, has ${await locator.inputValue().catch(() => '?')}`));
  },
  toBeCheckedSoon(locator: Locator, checked: boolean) {
    return result(() => poll(async () => (await locator.isChecked()) === checked, async () => `expected ${locator} to be ${checked ? '' : 'un'}checked`));
  },
});
