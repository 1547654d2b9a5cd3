import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// Invitations in the plan tab, in headless Chromium: the leader edits the drafts, sends a personal invitation in
// Teams (the card reaches a fake Bot Framework channel), the invitee accepts on the card (pressed as Teams would),
// and the status is seen in *Deltagere* after a reload; someone outside Teams is invited by e-mail and their answer
// noted by hand; someone the bot cannot reach gets the reason, not a promise. axe on the section.

jest.setTimeout(120_000);

const TEAM = '19:team@thread.tacv2';
const TENANT = 'tenant-vejle';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const JENS = findDevIdentity('jens')!;

describe('the plan tab: invitations', () => {
  let app: App;
  let channel: FakeChannel;
  let browser: Browser;
  let page: Page;
  let networkId: string;
  const ids: Record<string, string> = {};
  const planUrl = (hash: string) => `/tabs/plan.html?networkId=${networkId}#${hash}`;

  beforeAll(async () => {
    channel = await startFakeChannel();
    app = await startTestApp('tabsinvitations', { now: () => new Date('2027-01-05T10:00:00Z'), env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    const lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Hvordan bliver ældre længst muligt i eget hjem?', startDate: '2027-01-04', teamId: TEAM });
    networkId = created.body.id;
    const N = `/api/networks/${networkId}`;
    await lene.put(`${N}/theme`, { theme: 'Hvordan bliver ældre længst muligt i eget hjem?', whyInteresting: 'Flere ældre vil bo hjemme, og vi har brug for nye måder at støtte dem på.' });
    const add = async (key: string, body: object) => (ids[key] = (await lene.post(`${N}/participants`, { kind: 'core', role: 'employee', unit: 'ØS', ...body })).body.id);
    await add('jens', { name: 'Jens Jensen', userId: JENS.userId, competenceAreas: ['professionalExpertise'] });
    await add('mette', { name: 'Mette Mail', email: 'mette@kommune.example', kind: 'along', role: 'citizen' });
    await add('sofie', { name: 'Sofie Udenfor', userId: 'd0000000-0000-4000-8000-0000000000aa' });
    await lene.post(`${N}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', location: 'Rådhuset' });
    await app.services.conversations.remember({
      conversationId: 'a:jens',
      conversationType: 'personal',
      userAadObjectId: JENS.userId,
      reference: { channelId: 'msteams', serviceUrl: channel.url, bot: BOT, conversation: { id: 'a:jens', name: '', conversationType: 'personal', isGroup: false, tenantId: TENANT } },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await channel?.close();
  });

  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  const row = (p: Page, participantId: string) => p.locator(`tr[data-invitation="${participantId}"]`);
  const editor = (p: Page) => p.getByTestId('personal-invitation');

  test('the leader edits and saves the common invitation drafted from the plan', async () => {
    page = await openTab(browser, app.url, planUrl('invitations'));
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 2, name: 'Invitationer' }).waitFor();
    const common = page.getByRole('region', { name: 'Fælles invitation' });
    await common.getByText('Udkast fra planen – ikke gemt endnu.').waitFor();
    expect(await common.getByLabel('Emne').inputValue()).toBe('Vil du være med i netværket „Ældre i eget hjem“?');
    const draft = await common.getByLabel('Tekst').inputValue();
    expect(draft).toContain('Derfor er temaet vigtigt: Flere ældre vil bo hjemme');
    expect(draft).toContain('Vi mødes én gang:\n• Netværksmøde 1 af 1: onsdag 20.01.2027 kl. 09:00–12:00, Rådhuset');
    expect(draft).toContain('Du tilmelder dig ved at skrive til mig på lene.holm@kommune.example.');
    expect({ where: 'invitations section', violations: await wcagViolations(page) }).toEqual({ where: 'invitations section', violations: [] });

    await common.getByLabel('Tekst').fill(draft.replace('Kære kollega', 'Kære kolleger i hjemmeplejen'));
    await common.getByRole('button', { name: 'Gem' }).click();
    await common.getByRole('status').filter({ hasText: 'Den fælles invitation er gemt.' }).waitFor();
    await page.reload();
    await page.getByRole('region', { name: 'Fælles invitation' }).getByText(/^Gemt \d\d\.\d\d\.\d{4} \d\d:\d\d af Lene Holm\.$/).waitFor();
    expect(await page.getByRole('region', { name: 'Fælles invitation' }).getByLabel('Tekst').inputValue()).toContain('Kære kolleger i hjemmeplejen');
  });

  test('the leader writes to Jens and sends it in Teams; the card arrives with the edited text', async () => {
    await row(page, ids.jens!).getByText('Ikke inviteret').waitFor();
    await page.getByRole('button', { name: 'Skriv invitation til Jens Jensen' }).click();
    await editor(page).getByRole('heading', { name: 'Invitation til Jens Jensen' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Invitation til Jens Jensen');
    const text = editor(page).getByLabel('Tekst');
    const draft = await text.inputValue();
    expect(draft.startsWith('Kære Jens Jensen\n\n')).toBe(true);
    expect(draft).toContain('fordi du kan bidrage med din faglige viden og erfaring.');
    await text.fill(draft.replace('Kære Jens Jensen', 'Kære Jens\n\nTak for snakken i går.'));
    await screenshot(page, 'tabs-invitations-editor');
    expect({ where: 'personal invitation editor', violations: await wcagViolations(page) }).toEqual({ where: 'personal invitation editor', violations: [] });

    const before = channel.calls.length;
    await editor(page).getByRole('button', { name: 'Send i Teams' }).click();
    await status(page, 'Sendt i Teams til Jens Jensen 05.01.2027 11:00.').waitFor();
    const card = channel.calls.slice(before).find((c) => c.conversationId === 'a:jens')!.body.attachments[0].content;
    expect(JSON.stringify(card)).toContain('Tak for snakken i går.');
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'invitation.accept', title: 'Ja, jeg vil gerne være med' });
    await row(page, ids.jens!).getByText('Inviteret 05.01.2027 (Teams)').waitFor();
  });

  test('someone the bot cannot reach: the reason and what to do, and no status', async () => {
    await page.getByRole('button', { name: 'Skriv invitation til Sofie Udenfor' }).click();
    await editor(page).getByRole('heading', { name: 'Invitation til Sofie Udenfor' }).waitFor();
    await editor(page).getByRole('button', { name: 'Send i Teams' }).click();
    await status(page, 'Botten kan ikke finde Sofie Udenfor: personen er ikke medlem af netværkets team').waitFor();
    await screenshot(page, 'tabs-invitations-unreachable');
    expect(await row(page, ids.sofie!).getByText('Ikke inviteret').count()).toBe(1);
  });

  test('Jens accepts on the card; the leader sees "Har sagt ja" in Deltagere after a reload', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'press-1',
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: channel.url,
        recipient: BOT,
        from: { id: '29:jens', name: JENS.name, aadObjectId: JENS.userId },
        conversation: { id: 'a:jens', conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        locale: 'da-DK',
        value: { action: { type: 'Action.Execute', verb: 'invitation.accept', data: { networkId, verb: 'invitation.accept' } }, trigger: 'manual' },
      }),
    });
    expect(JSON.stringify((await response.json()).value)).toContain('Tak – du er med.');

    // Another section of the same page: a fragment, so the page is loaded afresh to show what is stored.
    await page.goto(`${app.url}${planUrl('participants')}`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    const jens = page.locator(`tr[data-participant="${ids.jens}"]`);
    await jens.getByText('Har sagt ja (05.01.2027)').waitFor();
    expect(await page.locator(`tr[data-participant="${ids.mette}"]`).getByText('Ikke inviteret').count()).toBe(1);
    await screenshot(page, 'tabs-invitations-participants');
    expect({ where: 'participants with invitation status', violations: await wcagViolations(page) }).toEqual({ where: 'participants with invitation status', violations: [] });
  });

  test('by e-mail: the .eml file, marked as sent, the answer noted by hand and kept after a reload', async () => {
    await page.goto(`${app.url}${planUrl('invitations')}`);
    await page.reload();
    await page.getByRole('button', { name: 'Skriv invitation til Mette Mail' }).click();
    const mette = editor(page);
    await mette.getByText('Mette Mail har ingen Teams-bruger i netværket.').waitFor();
    expect(await mette.getByRole('button', { name: 'Send i Teams' }).count()).toBe(0);
    // Along the way and not yet in the planner: the meetings, and that they agree which.
    expect(await mette.getByLabel('Tekst').inputValue()).toContain('Vi aftaler sammen, hvilket møde du er med på.');

    const download = page.waitForEvent('download');
    await mette.getByRole('button', { name: 'Hent som e-mail (.eml)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Invitation til Mette Mail.eml');
    await status(page, 'E-mailen Invitation til Mette Mail.eml er hentet.').waitFor();

    await mette.getByRole('button', { name: 'Markér som sendt pr. e-mail' }).click();
    await status(page, 'Noteret: invitationen til Mette Mail er sendt.').waitFor();
    await mette.getByRole('button', { name: 'Svaret nej' }).click();
    await status(page, 'Noteret: Mette Mail har sagt nej.').waitFor();
    await row(page, ids.mette!).getByText('Har sagt nej (05.01.2027)').waitFor();
    await screenshot(page, 'tabs-invitations');

    await page.reload();
    await row(page, ids.mette!).getByText('Har sagt nej (05.01.2027)').waitFor();
    await row(page, ids.jens!).getByText('Har sagt ja (05.01.2027)').waitFor();
    expect({ where: 'invitations after answers', violations: await wcagViolations(page) }).toEqual({ where: 'invitations after answers', violations: [] });
  });

  test('a participant sees no invitations section', async () => {
    const asJens = await openTab(browser, app.url, planUrl('invitations'), 'jens');
    await asJens.getByRole('heading', { level: 2, name: 'Tema' }).waitFor();
    expect(await asJens.getByRole('tab', { name: 'Invitationer' }).count()).toBe(0);
    await asJens.close();
  });
});
