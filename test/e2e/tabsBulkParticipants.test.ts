import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import type { TeamMember } from '../../bot/storage/conversationStore';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, wcagViolations } from '../support/chromium';
import { saveScreenshot } from '../support/browser';

// Participants in bulk where the leader works, in headless Chromium: "Tilføj flere" → "Indsæt liste" takes seven lines
// pasted from Outlook, Excel and Word, shows them in one table to check (kind and role per row, the Teams user linked
// by e-mail), and "Tilføj 7 deltagere" adds them all; "Fra teamet" ticks two members (one already in is shown so), a
// refusal keeps everything and says which row and why; two ticked in the list are set as along the way in one click.

jest.setTimeout(240_000);

const TEAM = '19:bulk-e2e@thread.tacv2';
const jens = findDevIdentity('jens')!;
const member = (aadObjectId: string, name: string, email: string): TeamMember => ({
  teamId: TEAM,
  tenantId: 'tenant-1',
  userId: `29:${aadObjectId}`,
  aadObjectId,
  name,
  email,
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
});

const PASTED = [
  '"Jensen, Jens" <jens.jensen@kommune.example>',
  'Helle Hansen; helle.hansen@kommune.example',
  'Sofie Dahl\tsofie.dahl@kommune.example\tÆldre og sundhed',
  'Mads Lund <mads.lund@kommune.example>',
  'anne.berg@kommune.example',
  'Anna Borger',
  'Bo Forsker (VIA) <bo@via.example>',
].join('\n');

describe('the plan tab: participants in bulk', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  const N = () => `/api/networks/${networkId}`;
  const url = () => `/tabs/plan.html?networkId=${networkId}#participants`;
  const plan = async () => (await lene.get(N())).body;
  const status = (p: Page, text: string) => p.getByTestId('section-status').filter({ hasText: text });
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });
  const focusedText = (p: Page) => p.evaluate(() => document.activeElement?.textContent ?? '');
  const group = (p: Page, kind: 'core' | 'along') => p.locator(`table[data-kind="${kind}"] tbody th`);

  beforeAll(async () => {
    app = await startTestApp('tabsbulk', { now: () => new Date('2026-06-20T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Socialøkonomi i kommunen', type: 'learning', theme: 'Socialøkonomiske virksomheder', startDate: '2026-08-03', teamId: TEAM });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    // The network's team, as Teams reported it to the bot.
    for (const m of [
      member(jens.userId, jens.name, jens.email),
      member('aad-karin', 'Karin Holm', 'karin.holm@kommune.example'),
      member('aad-peter', 'Peter Lund', 'peter.lund@kommune.example'),
      member('aad-ulla', 'Ulla Udenfor', 'ulla.udenfor@kommune.example'),
    ]) {
      await app.services.conversations.rememberMember(m);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('seven lines pasted → one table to check → "Tilføj 7 deltagere" → listed, with a visible confirmation', async () => {
    const page = await openTab(browser, app.url, url());
    page.setDefaultTimeout(30_000);
    const more = page.getByRole('button', { name: 'Tilføj flere' });
    await more.click({ timeout: 45_000 });
    const dialog = page.getByRole('dialog', { name: 'Tilføj flere deltagere' });
    await dialog.waitFor();
    await dialog.getByRole('tab', { name: 'Indsæt liste' }).click();
    await dialog.getByRole('textbox', { name: 'Navne og e-mails' }).fill(PASTED);

    const preview = dialog.getByTestId('bulk-preview');
    await expect(preview.locator('tbody tr').count()).resolves.toBe(7);
    await expect(preview.locator('tbody th').allInnerTexts()).resolves.toEqual(['Jens Jensen', 'Helle Hansen', 'Sofie Dahl', 'Mads Lund', 'Anne Berg', 'Anna Borger', 'Bo Forsker']);
    // Jens's e-mail is a team member's: his Teams user is linked; the unit came from Excel's third column and Outlook's brackets.
    const row = (name: string) => preview.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Jens Jensen').locator('td').nth(3).innerText()).resolves.toBe('Ja');
    await expect(row('Helle Hansen').locator('td').nth(3).innerText()).resolves.toBe('Nej');
    await expect(row('Sofie Dahl').locator('td').nth(2).innerText()).resolves.toBe('Ældre og sundhed');
    await expect(row('Bo Forsker').locator('td').nth(2).innerText()).resolves.toBe('VIA');

    // All core, then the citizen and the researcher along the way with their roles.
    await dialog.getByRole('group', { name: 'Sæt for alle:' }).getByRole('button', { name: 'Kerne' }).click();
    for (const [name, role] of [['Anna Borger', 'Borger'], ['Bo Forsker', 'Forsker']] as const) {
      await dialog.getByRole('combobox', { name: `Deltagertype for ${name}` }).selectOption({ label: 'Undervejs' });
      await dialog.getByRole('combobox', { name: `Rolle for ${name}` }).selectOption({ label: role });
    }
    const submit = dialog.getByRole('button', { name: 'Tilføj 7 deltagere' });
    await submit.waitFor();
    console.log(`Screenshot of the dialog's preview: ${await saveScreenshot(page, 'tabs-bulk-participants-preview')}`);
    await noViolations(page, 'the dialog with seven rows to check');

    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    await status(page, '7 deltagere tilføjet').waitFor();
    await expect(status(page, '7 deltagere tilføjet').isVisible()).resolves.toBe(true);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Tilføj flere');
    await expect(group(page, 'core').allInnerTexts()).resolves.toEqual(['Anne Berg', 'Helle Hansen', 'Jens Jensen', 'Mads Lund', 'Sofie Dahl']);
    await expect(group(page, 'along').allInnerTexts()).resolves.toEqual(['Anna Borger', 'Bo Forsker']);
    const stored = (await plan()).participants as { name: string; kind: string; role: string; userId?: string; email?: string }[];
    expect(stored.find((p) => p.name === 'Jens Jensen')).toMatchObject({ userId: jens.userId, email: jens.email, kind: 'core' });
    expect(stored.find((p) => p.name === 'Bo Forsker')).toMatchObject({ kind: 'along', role: 'researcher', email: 'bo@via.example' });
    await page.context().close();
  });

  test('two picked from the team; a refusal keeps everything and names the row; fixed, both are added', async () => {
    const page = await openTab(browser, app.url, url());
    page.setDefaultTimeout(30_000);
    await page.getByRole('button', { name: 'Tilføj flere' }).click({ timeout: 45_000 });
    const dialog = page.getByRole('dialog', { name: 'Tilføj flere deltagere' });
    await dialog.getByRole('tab', { name: 'Fra teamet', selected: true }).waitFor();
    // Jens came in with the pasted list: shown ticked and not to be picked again.
    const jensBox = dialog.getByRole('checkbox', { name: /^Jens Jensen.*allerede med/ });
    await expect(jensBox.isChecked()).resolves.toBe(true);
    await expect(jensBox.isDisabled()).resolves.toBe(true);
    await dialog.getByRole('searchbox', { name: 'Søg i teamet' }).fill('karin');
    await expect(dialog.getByRole('checkbox').count()).resolves.toBe(1);
    await dialog.getByRole('checkbox', { name: /^Karin Holm/ }).check();
    await dialog.getByRole('searchbox', { name: 'Søg i teamet' }).fill('');
    await dialog.getByRole('checkbox', { name: /^Peter Lund/ }).check();
    const preview = dialog.getByTestId('bulk-preview');
    await expect(preview.locator('tbody th').allInnerTexts()).resolves.toEqual(['Karin Holm', 'Peter Lund']);

    // Both as co-driver: the network has one, so the second row is refused — and nothing is lost.
    for (const name of ['Karin Holm', 'Peter Lund']) await dialog.getByRole('combobox', { name: `Rolle for ${name}` }).selectOption({ label: 'Co-driver' });
    await dialog.getByRole('button', { name: 'Tilføj 2 deltagere' }).click();
    await dialog.getByText('1 række kan ikke tilføjes, så ingen er tilføjet. Ret eller fjern den, og prøv igen.').waitFor();
    await dialog.getByText(/^Række 2 \(Peter Lund\): Netværket har allerede en co-driver: Karin Holm\./).waitFor();
    expect((await plan()).participants).toHaveLength(7);
    await expect(dialog.getByRole('combobox', { name: 'Rolle for Karin Holm' }).inputValue()).resolves.toBe('coDriver');
    await expect(dialog.getByRole('checkbox', { name: /^Peter Lund/ }).isChecked()).resolves.toBe(true);
    console.log(`Screenshot of the refusal: ${await saveScreenshot(page, 'tabs-bulk-participants-refused')}`);
    await noViolations(page, 'the dialog after a refusal');

    await dialog.getByRole('combobox', { name: 'Rolle for Peter Lund' }).selectOption({ label: 'Medarbejder' });
    await dialog.getByRole('button', { name: 'Tilføj 2 deltagere' }).click();
    await dialog.waitFor({ state: 'detached' });
    await status(page, '2 deltagere tilføjet').waitFor();
    const stored = await plan();
    expect(stored.network.coDriver).toEqual({ name: 'Karin Holm', email: 'karin.holm@kommune.example', userId: 'aad-karin' });
    expect(stored.participants.find((p: { name: string }) => p.name === 'Peter Lund')).toMatchObject({ userId: 'aad-peter', role: 'employee', kind: 'core' });
    await page.context().close();
  });

  test('two ticked in the list and "Sæt som Undervejs": both move, in one click', async () => {
    const page = await openTab(browser, app.url, url());
    page.setDefaultTimeout(30_000);
    await page.getByRole('checkbox', { name: 'Vælg Karin Holm' }).check({ timeout: 45_000 });
    await page.getByRole('checkbox', { name: 'Vælg Peter Lund' }).check();
    const bar = page.getByRole('group', { name: '2 deltagere valgt' });
    await bar.waitFor();
    console.log(`Screenshot of the list with two ticked: ${await saveScreenshot(page, 'tabs-bulk-participants-selected')}`);
    await noViolations(page, 'the list with two ticked');
    await bar.getByRole('button', { name: 'Sæt som Undervejs' }).click();
    await status(page, '2 deltagere er sat som Undervejs.').waitFor();
    await expect(group(page, 'along').allInnerTexts()).resolves.toEqual(['Anna Borger', 'Bo Forsker', 'Karin Holm', 'Peter Lund']);
    expect(await focusedText(page)).toBe('Sæt som Undervejs');
    const kinds = ((await plan()).participants as { name: string; kind: string }[]).filter((p) => ['Karin Holm', 'Peter Lund'].includes(p.name)).map((p) => p.kind);
    expect(kinds).toEqual(['along', 'along']);
    // A role for both at once; then the selection cleared.
    await bar.getByRole('combobox', { name: 'Rolle for de valgte' }).selectOption({ label: 'Leder' });
    await bar.getByRole('button', { name: 'Sæt rolle' }).click();
    await status(page, '2 deltagere har nu rollen Leder.').waitFor();
    await bar.getByRole('button', { name: 'Fjern markering' }).click();
    await bar.waitFor({ state: 'detached' });
    await expect(page.getByRole('checkbox', { name: 'Vælg Karin Holm' }).isChecked()).resolves.toBe(false);
    await page.context().close();
  });
});
