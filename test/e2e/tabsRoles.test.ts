import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import type { TeamMember } from '../../bot/storage/conversationStore';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// The method's roles and the ideas' owners where the leader works, in headless Chromium: the leader chooses the
// co-driver from the team's members and the reference leader from the participants (Deltagere › Roller), gives an
// idea an owner and a status in the analysis material and parks a new one with its owner — all found after a
// reload; the print view names the roles; the co-driver edits at once; the delivery says it needs a reference leader.

jest.setTimeout(240_000);

const TEAM = '19:roller-e2e@thread.tacv2';
const omar = findDevIdentity('omar')!;
const birgitte = findDevIdentity('birgitte')!;
const JENS = { name: 'Jens Jensen', userId: findDevIdentity('jens')!.userId };
const HELLE = { name: 'Helle Hansen', userId: findDevIdentity('helle')!.userId, email: 'helle.hansen@kommune.example' };
const IDEA = 'Fælles værktøjsbank for borgerne';
const NEW_IDEA = 'Lån lokalerne ud til foreninger';

describe('the plan tab: roles and idea owners', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  let ideaId: string;
  const ids: Record<string, string> = {};
  const N = () => `/api/networks/${networkId}`;
  const planUrl = (hash: string, query = '') => `/tabs/plan.html?networkId=${networkId}${query}#${hash}`;
  const plan = async () => (await lene.get(N())).body;
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const noViolations = async (p: Page, where: string) => expect({ where, violations: await wcagViolations(p) }).toEqual({ where, violations: [] });

  beforeAll(async () => {
    app = await startTestApp('tabsroles', { now: () => new Date('2026-06-20T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Deleøkonomi i kommunen', type: 'learning', theme: 'Deleøkonomi', startDate: '2026-02-02', endDate: '2026-07-31', teamId: TEAM });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    // Omar is in the network's team, as Teams reported him to the bot.
    const member: TeamMember = { teamId: TEAM, tenantId: 'tenant-1', userId: '29:omar', aadObjectId: omar.userId, name: omar.name, email: omar.email, serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    await app.services.conversations.rememberMember(member);
    for (const [key, person, kind, role] of [
      ['jens', JENS, 'core', 'employee'],
      ['helle', HELLE, 'core', 'employee'],
      ['birgitte', { name: birgitte.name, email: birgitte.email }, 'along', 'manager'],
    ] as const) {
      const row = await lene.post(`${N()}/participants`, { ...person, kind, role, unit: 'ØS' });
      expect(row.status).toBe(201);
      ids[key] = row.body.id;
    }
    const meetings = [
      { number: 1, date: '2026-03-17' },
      { number: 2, date: '2026-06-16', closing: true },
    ];
    const meetingIds: string[] = [];
    for (const meeting of meetings) meetingIds.push((await lene.post(`${N()}/meetings`, { ...meeting, start: '09:00', location: 'Rådhuset' })).body.id);
    // Jens and Helle are planned for meeting 1; Birgitte for none (the advice will name her until she is the reference leader).
    for (const key of ['jens', 'helle']) expect((await lene.put(`${N()}/meetings/${meetingIds[0]}/assignments/${ids[key]}`, { contribution: '', involvementForm: 'participant' })).status).toBe(201);
    const idea = await clientFor(app, 'jens').post(`${N()}/ideas`, { text: IDEA, meetingId: meetingIds[0] });
    expect(idea.status).toBe(201);
    ideaId = idea.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the leader chooses the co-driver from the team and the reference leader from the participants; both stay after a reload', async () => {
    const page = await openTab(browser, app.url, planUrl('participants'));
    page.setDefaultTimeout(30_000);
    const roles = page.getByRole('region', { name: 'Roller' });
    await roles.waitFor({ timeout: 45_000 });
    // Who is in no meeting is advice for the planning tool: counted above the sections, named when opened.
    await page.getByRole('button', { name: /^Vis råd/ }).click();
    expect(await page.getByText('Birgitte Krogh er ikke sat på noget møde endnu.').count()).toBe(1);
    await expect(roles.getByTestId('role-holder-coDriver').innerText()).resolves.toBe('Ingen er valgt endnu.');

    await roles.getByRole('button', { name: 'Vælg co-driver' }).click();
    const coForm = page.getByTestId('role-form-coDriver');
    await coForm.getByRole('radio', { name: 'Et medlem af teamet i Teams' }).check();
    const picker = coForm.getByRole('combobox', { name: 'Medlem af teamet' });
    await picker.focus();
    await page.keyboard.type('omar');
    await page.getByRole('listbox').getByRole('option', { name: /Omar Said/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-testid="role-form-coDriver"] [role="combobox"]') as HTMLInputElement | null)?.value === 'Omar Said');
    await screenshot(page, 'tabs-roles-choose-co-driver');
    await noViolations(page, 'choosing the co-driver');
    await coForm.getByRole('button', { name: 'Gem' }).click();
    await status(page, 'Omar Said er nu netværkets co-driver.').waitFor();
    // Focus goes back to the role's button, now "Skift".
    await page.waitForFunction(() => document.activeElement?.textContent === 'Skift co-driver');

    await roles.getByRole('button', { name: 'Vælg referenceleder' }).click();
    const refForm = page.getByTestId('role-form-referenceLeader');
    await refForm.getByRole('radio', { name: 'En af netværkets deltagere' }).check();
    await refForm.getByRole('combobox', { name: /^Deltager/ }).selectOption(ids.birgitte!);
    await refForm.getByRole('button', { name: 'Gem' }).click();
    await status(page, 'Birgitte Krogh er nu netværkets referenceleder.').waitFor();

    const stored = (await plan()).network;
    expect(stored.coDriver).toEqual({ name: omar.name, email: omar.email, userId: omar.userId });
    expect(stored.referenceLeader).toEqual({ name: birgitte.name, email: birgitte.email });

    await page.reload();
    await roles.waitFor();
    await expect(roles.getByTestId('role-holder-coDriver').innerText()).resolves.toContain('Omar Said');
    await expect(roles.getByTestId('role-holder-referenceLeader').innerText()).resolves.toContain('Birgitte Krogh');
    await roles.getByText('Står også på deltagerlisten.').waitFor();
    // Her row in the participant list says it, and the advice no longer asks to put her on a meeting.
    const row = page.locator(`tr[data-participant="${ids.birgitte}"]`);
    await expect(row.getByRole('cell').first().innerText()).resolves.toBe('Referenceleder');
    const showAdvice = page.getByRole('button', { name: /^Vis råd/ });
    if (await showAdvice.count()) await showAdvice.click();
    expect(await page.getByText('Birgitte Krogh er ikke sat på noget møde endnu.').count()).toBe(0);
    await screenshot(page, 'tabs-roles');
    await noViolations(page, 'roles chosen');
    await page.context().close();
  });

  test('the print view names the co-driver and the reference leader', async () => {
    const page = await openTab(browser, app.url, planUrl('planner', '&view=print'));
    await page.getByRole('heading', { level: 1, name: 'Deleøkonomi i kommunen' }).waitFor();
    const fact = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    await expect(fact('Co-driver').innerText()).resolves.toBe('Omar Said');
    await expect(fact('Referenceleder').innerText()).resolves.toBe('Birgitte Krogh');
    await page.context().close();
  });

  test('the leader gives an idea its owner and status in the analysis, and parks a new idea with its owner', async () => {
    const page = await openTab(browser, app.url, planUrl('analysis'));
    page.setDefaultTimeout(30_000);
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    const material = page.getByTestId('analysis-material');
    const owner = material.getByRole('combobox', { name: `Tovholder for „${IDEA}“` });
    await owner.selectOption(ids.helle!);
    await status(page, `Helle Hansen er nu tovholder på „${IDEA}“.`).waitFor();
    await material.getByRole('combobox', { name: `Status for „${IDEA}“` }).selectOption('takenOn');
    await status(page, `„${IDEA}“ har nu status: Taget op.`).waitFor();

    const park = page.getByRole('form', { name: 'Parkér en idé' });
    await page.getByRole('region', { name: 'Parkér en idé' }).getByText(/vælg én med det samme/).waitFor();
    await park.getByLabel('Idéen').fill(NEW_IDEA);
    await park.getByLabel('Tovholder (valgfrit)').selectOption(ids.jens!);
    await park.getByRole('button', { name: 'Parkér idé' }).click();
    await status(page, `Idéen „${NEW_IDEA}“ er parkeret med Jens Jensen som tovholder.`).waitFor();

    const ideas = (await plan()).ideas as { id: string; text: string; owner?: { name: string }; status: string }[];
    expect(ideas.find((i) => i.id === ideaId)).toMatchObject({ owner: { name: 'Helle Hansen', email: HELLE.email, userId: HELLE.userId }, status: 'takenOn' });
    expect(ideas.find((i) => i.text === NEW_IDEA)).toMatchObject({ owner: { name: 'Jens Jensen', userId: JENS.userId }, status: 'parked' });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Analyse via kategorier' }).waitFor();
    await expect(material.getByRole('combobox', { name: `Tovholder for „${IDEA}“` }).inputValue()).resolves.toBe(ids.helle);
    await expect(material.getByRole('combobox', { name: `Status for „${IDEA}“` }).inputValue()).resolves.toBe('takenOn');
    await expect(material.getByRole('combobox', { name: `Tovholder for „${NEW_IDEA}“` }).inputValue()).resolves.toBe(ids.jens);

    // And removed again: no owner.
    await material.getByRole('combobox', { name: `Tovholder for „${NEW_IDEA}“` }).selectOption('');
    await status(page, `„${NEW_IDEA}“ har ingen tovholder nu.`).waitFor();
    expect((await plan()).ideas.find((i: { text: string }) => i.text === NEW_IDEA).owner).toBeUndefined();
    await screenshot(page, 'tabs-roles-idea-owners');
    await noViolations(page, 'idea owners in the analysis');
    await page.context().close();
  });

  test('the co-driver edits at once: he sets an idea’s owner, and sees the roles without the leader’s buttons', async () => {
    const page = await openTab(browser, app.url, planUrl('analysis'), 'omar');
    page.setDefaultTimeout(30_000);
    const owner = page.getByTestId('analysis-material').getByRole('combobox', { name: `Tovholder for „${NEW_IDEA}“` });
    await owner.selectOption(ids.helle!);
    await status(page, `Helle Hansen er nu tovholder på „${NEW_IDEA}“.`).waitFor();
    expect((await plan()).ideas.find((i: { text: string }) => i.text === NEW_IDEA).owner.name).toBe('Helle Hansen');

    await page.context().close();
    const participants = await openTab(browser, app.url, planUrl('participants'), 'omar');
    participants.setDefaultTimeout(30_000);
    const roles = participants.getByRole('region', { name: 'Roller' });
    await roles.getByText('Netværkslederen vælger og skifter dem.').waitFor();
    expect(await roles.getByRole('button').count()).toBe(0);
    await participants.getByRole('button', { name: 'Tilføj deltager' }).waitFor();
    await noViolations(participants, 'roles as the co-driver');
    await participants.context().close();
  });

  test('the delivery cannot be sent to a reference leader who is not there, and says where to choose one', async () => {
    const other = (await lene.post('/api/networks', { name: 'Uden referenceleder', type: 'learning', theme: 'x', startDate: '2026-02-02' })).body.id;
    const page = await openTab(browser, app.url, `/tabs/delivery.html?networkId=${other}`);
    page.setDefaultTimeout(30_000);
    const warning = page.getByTestId('delivery-needs-reference-leader');
    await warning.getByText('Vælg en referenceleder under Deltagere først.').waitFor();
    const link = warning.getByRole('link', { name: 'Vælg referenceleder under Deltagere i planen' });
    expect(await link.getAttribute('href')).toBe(`/tabs/plan.html?networkId=${other}#participants`);
    const button = page.getByRole('button', { name: 'Markér som sendt til referencelederen' });
    await expect(button.getAttribute('aria-disabled')).resolves.toBe('true');
    await noViolations(page, 'delivery without a reference leader');
    await screenshot(page, 'tabs-roles-delivery-needs-reference-leader');
    await page.context().close();
  });
});
