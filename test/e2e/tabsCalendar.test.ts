import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, Download, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// The leader's "Kalender" section in headless Chromium, with Graph not configured (the local default):
// the status per meeting in words (without Graph: the date of the meeting's current invitation, which a
// download does not change), .ics files downloaded through the API, "Book serien" answered with the way
// of the .ics files, the consent prompt, and a deleted meeting's cancellation, which stays downloadable.

jest.setTimeout(120_000);

describe('the plan tab: calendar', () => {
  let app: App;
  let browser: Browser;
  let lene: ReturnType<typeof clientFor>;
  let page: Page;
  let networkId: string;
  let m1: string;
  let m2: string;
  let clock = new Date('2026-03-02T10:00:00Z');
  const N = () => `/api/networks/${networkId}`;
  const planUrl = (hash: string) => `/tabs/plan.html?networkId=${networkId}#${hash}`;
  const row = (p: Page, label: string) => p.getByTestId('calendar-status').getByRole('row').filter({ has: p.getByRole('rowheader', { name: label }) });
  const cells = async (p: Page, label: string) => (await row(p, label).getByRole('cell').allInnerTexts()).map((text) => text.trim());
  const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text });
  /** What the leader got: the saved file, parsed by ical.js. */
  const parsed = async (download: Download) => new ICAL.Component(ICAL.parse(fs.readFileSync(await download.path(), 'utf8')));
  const violations = async (p: Page, where: string) => ({ where, violations: await wcagViolations(p) });

  beforeAll(async () => {
    app = await startTestApp('tabscalendar', { now: () => clock, env: { SCHEDULER: 'off' } });
    browser = await launchChromium();
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Deleøkonomi i kommunen', type: 'learning', theme: 'Deleøkonomi', startDate: '2026-02-02', endDate: '2026-07-31' });
    networkId = created.body.id;
    await lene.post(`${N()}/participants`, { name: 'Helle Hansen', kind: 'core', role: 'manager', unit: 'SPO', email: 'helle@kommune.example', competenceAreas: [] });
    await lene.post(`${N()}/participants`, { name: 'Mette Madsen', kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [] });
    await lene.post(`${N()}/participants`, { name: 'Jens Jensen', kind: 'along', role: 'employee', unit: 'ØS', userId: 'd0000000-0000-4000-8000-000000000003', competenceAreas: [] });
    m1 = (await lene.post(`${N()}/meetings`, { number: 1, date: '2026-03-17', start: '09:00', location: 'Rådhuset' })).body.id;
    m2 = (await lene.post(`${N()}/meetings`, { number: 2, date: '2026-04-14', start: '13:00', end: '16:00', location: 'Biblioteket' })).body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the leader sees every meeting with the date of its invitation, who is invited and who lacks an e-mail, and that .ics files are the way', async () => {
    page = await openTab(browser, app.url, planUrl('calendar'));
    page.setDefaultTimeout(15_000);
    await page.getByRole('heading', { level: 2, name: 'Kalender' }).waitFor();
    await page.getByTestId('calendar-mode').getByText('hent .ics-filerne og send dem til deltagerne', { exact: false }).waitFor();
    expect(await page.getByRole('tab', { name: 'Kalender', selected: true }).count()).toBe(1);
    expect(await cells(page, 'Netværksmøde 1 af 2')).toEqual(['17.03.2026 kl. 09:00–12:00', 'Booket 02.03.2026', '1 inviteres\nMangler e-mail: Mette Madsen', 'Hent .ics']);
    expect(await cells(page, 'Netværksmøde 2 af 2')).toEqual(['14.04.2026 kl. 13:00–16:00', 'Booket 02.03.2026', '1 inviteres\nMangler e-mail: Mette Madsen', 'Hent .ics']);
    expect(await violations(page, 'calendar, planned')).toEqual({ where: 'calendar, planned', violations: [] });
  });

  test('a meeting’s .ics downloads through the API with its name; the download changes nothing', async () => {
    const button = page.getByRole('button', { name: 'Hent .ics-fil til Netværksmøde 1 af 2' });
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/meetings/${m1}/calendar.ics`)),
      page.waitForEvent('download'),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(response.headers()['content-disposition']).toContain('filename="deleoekonomi-i-kommunen-netvaerksmoede-1-af-2.ics"');
    expect(download.suggestedFilename()).toBe('Deleøkonomi i kommunen – Netværksmøde 1 af 2.ics');
    const calendar = await parsed(download);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    // Version 0 said "1 af 1", before meeting 2 was planned.
    expect([calendar.getFirstPropertyValue('method'), event.summary, event.sequence, event.startDate.toJSDate().toISOString()]).toEqual(['REQUEST', 'Netværksmøde 1 af 2', 1, '2026-03-17T08:00:00.000Z']);

    await status(page, 'Deleøkonomi i kommunen – Netværksmøde 1 af 2.ics er hentet. Send filen til deltagerne.').waitFor();
    expect((await cells(page, 'Netværksmøde 1 af 2'))[1]).toBe('Booket 02.03.2026');
    // Focus stays on the button that was used.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Hent .ics-fil til Netværksmøde 1 af 2');
  });

  test('a change gives the meeting a new invitation, dated; the whole series by keyboard has it', async () => {
    const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m1);
    clock = new Date('2026-03-04T10:00:00Z');
    expect((await lene.patch(`${N()}/meetings/${m1}`, { location: 'Rådhuset, lokale 3' }, { 'If-Match': meeting.etag })).status).toBe(200);
    await page.reload();
    await row(page, 'Netværksmøde 1 af 2').getByText('Booket 04.03.2026').waitFor();

    await page.getByRole('button', { name: 'Hent hele serien (.ics)' }).focus();
    const [response, download] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/calendar/series.ics')), page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(response.headers()['content-disposition']).toContain('filename="deleoekonomi-i-kommunen-moedeserie.ics"');
    const events = (await parsed(download)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.sequence])).toEqual([['Netværksmøde 1 af 2', 2], ['Netværksmøde 2 af 2', 0]]);
    await row(page, 'Netværksmøde 1 af 2').getByText('Booket 04.03.2026').waitFor();
    await row(page, 'Netværksmøde 2 af 2').getByText('Booket 02.03.2026').waitFor();
    await screenshot(page, 'tabs-calendar-booked');
    expect(await violations(page, 'calendar, booked')).toEqual({ where: 'calendar, booked', violations: [] });
  });

  test('“Book serien i kalenderen” without Graph says the .ics files are the way; any other failure shows the API’s message', async () => {
    await page.getByRole('button', { name: 'Book serien i kalenderen' }).click();
    await status(page, 'Direkte booking i Outlook er ikke sat op her. Hent i stedet .ics-filerne herunder og send dem til deltagerne — de kan lægges i enhver kalender.').waitFor();
    await screenshot(page, 'tabs-calendar-book-without-graph');
    expect(await violations(page, 'calendar, book without Graph')).toEqual({ where: 'calendar, book without Graph', violations: [] });

    await page.route('**/calendar/book', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { status: 404, code: 'notFound', message: 'Det findes ikke (eller er slettet).' } }) }),
    );
    await page.getByRole('button', { name: 'Book serien i kalenderen' }).click();
    await status(page, 'Serien kunne ikke bookes: Det findes ikke (eller er slettet).').waitFor();
    await page.unroute('**/calendar/book');
  });

  test('when Graph needs the leader’s consent, the tab explains why (outside Teams without the popup button)', async () => {
    await page.route('**/calendar/book', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { status: 403, code: 'consentRequired', message: 'Samtykke mangler.' } }) }),
    );
    await page.getByRole('button', { name: 'Book serien i kalenderen' }).click();
    const consent = page.getByTestId('calendar-consent');
    await consent.getByText('Netværk mangler din tilladelse').waitFor();
    await consent.getByText('skal Netværk have lov til at oprette og ændre aftaler i din Outlook-kalender', { exact: false }).waitFor();
    await consent.getByText('Tilladelsen gives, når fanen er åbnet i Teams.', { exact: false }).waitFor();
    expect(await consent.getByRole('button').count()).toBe(0);
    expect(await violations(page, 'calendar, consent')).toEqual({ where: 'calendar, consent', violations: [] });
    await page.unroute('**/calendar/book');
  });

  test('a deleted meeting is listed to cancel; its cancellation file is METHOD:CANCEL and can be downloaded again', async () => {
    const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m2);
    expect((await lene.del(`${N()}/meetings/${m2}`, { 'If-Match': meeting.etag })).status).toBe(204);
    await page.reload();
    const cancelled = page.getByRole('region', { name: 'Slettede møder, der skal aflyses' });
    await cancelled.getByText('Netværksmøde 2 af 2 (14.04.2026 kl. 13:00)').waitFor();
    await row(page, 'Netværksmøde 1 af 1').getByText('Booket 04.03.2026').waitFor();
    await screenshot(page, 'tabs-calendar-cancellations');
    expect(await violations(page, 'calendar, cancellations')).toEqual({ where: 'calendar, cancellations', violations: [] });

    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/calendar/cancellations.ics')),
      page.waitForEvent('download'),
      cancelled.getByRole('button', { name: 'Hent aflysninger (.ics)' }).click(),
    ]);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(download.suggestedFilename()).toBe('Deleøkonomi i kommunen – aflysninger.ics');
    const calendar = await parsed(download);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect([calendar.getFirstPropertyValue('method'), event.component.getFirstPropertyValue('status'), event.sequence, event.summary]).toEqual(['CANCEL', 'CANCELLED', 1, 'Aflyst: Netværksmøde 2 af 2']);
    const again = await page.request.get(`${app.url}${N()}/calendar/cancellations.ics`, { headers: { 'X-Dev-User': 'lene' } });
    expect([again.status(), await again.text()]).toEqual([200, fs.readFileSync(await download.path(), 'utf8')]);
    await cancelled.getByRole('button', { name: 'Hent aflysninger (.ics)' }).waitFor();
  });

  test('in English, and not for participants', async () => {
    const english = await openTab(browser, app.url, planUrl('calendar'), 'lene', 'en-GB');
    await english.getByRole('heading', { level: 2, name: 'Calendar' }).waitFor();
    await english.getByTestId('calendar-mode').getByText('download the .ics files and send them to the participants', { exact: false }).waitFor();
    expect(await english.getByRole('rowheader', { name: 'Network meeting 1 of 1' }).innerText()).toBe('Network meeting 1 of 1\nNetværksmøde 1 af 1');
    expect(await cells(english, 'Network meeting 1 of 1')).toEqual(['17.03.2026 at 09:00–12:00', 'Booked 04.03.2026', '1 invited\nNo e-mail: Mette Madsen', 'Download .ics']);
    expect(await violations(english, 'calendar in English')).toEqual({ where: 'calendar in English', violations: [] });
    await english.context().close();

    const jens = await openTab(browser, app.url, planUrl('calendar'), 'jens');
    await jens.getByRole('heading', { level: 2, name: 'Tema' }).waitFor();
    expect(await jens.getByRole('tab', { name: 'Kalender' }).count()).toBe(0);
    await jens.context().close();
  });
});
