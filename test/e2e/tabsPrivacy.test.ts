import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { launchChromium, openTab, screenshot, wcagViolations } from '../support/chromium';

// "Mine netværk" in headless Chromium: a participant downloads their own data; the privacy officer erases them.

jest.setTimeout(60_000);

const JENS = findDevIdentity('jens')!;
const PRIVATE = 'Min egen tanke om frivillige';

let app: App;
let browser: Browser;
let networkId: string;

beforeAll(async () => {
  app = await startTestApp('tabsprivacy', { env: { SCHEDULER: 'off' } });
  browser = await launchChromium();
  const lene = clientFor(app, 'lene');
  networkId = (await lene.post('/api/networks', { name: 'Frivillighed', type: 'welfare', theme: 'Frivillige i ældreplejen', startDate: '2027-01-04' })).body.id;
  await lene.post(`/api/networks/${networkId}/participants`, { name: JENS.name, kind: 'core', role: 'employee', unit: 'ØS', userId: JENS.userId, email: JENS.email, competenceAreas: [] });
  const meetingId = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Start', date: '2027-01-20', start: '09:00' })).body.id;
  const saved = await clientFor(app, 'jens').put(`/api/networks/${networkId}/meetings/${meetingId}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: PRIVATE }], shared: false });
  expect(saved.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a participant downloads everything stored about them from My networks', async () => {
  const page = await openTab(browser, app.url, '/tabs/index.html', 'jens');
  await page.getByRole('heading', { level: 2, name: 'Dine data' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Databeskyttelse' }).count()).toBe(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent mine data' }).click()]);
  expect(download.suggestedFilename()).toBe('netvaerk-mine-data.json');
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(data.networks[0]).toMatchObject({ networkName: 'Frivillighed', roles: ['participant'] });
  expect(JSON.stringify(data.networks[0].reflections)).toContain(PRIVATE);
  await page.getByText('Hentet: netvaerk-mine-data.json').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  expect(await page.title()).toBe('Netværk — Mine netværk');
  await page.close();

  // In English the section, and the page's title (WCAG 2.4.2), follow the user's language.
  const english = await openTab(browser, app.url, '/tabs/index.html', 'jens', 'en-GB');
  await english.getByRole('button', { name: 'Download my data' }).waitFor();
  expect(await english.title()).toBe('Netværk — My networks');
  await english.close();
});

test('the privacy officer erases a person after confirming, and the plan shows them anonymised', async () => {
  const page = await openTab(browser, app.url, '/tabs/index.html', 'dorthe');
  await page.getByRole('heading', { level: 2, name: 'Databeskyttelse' }).waitFor();
  await page.getByLabel('Personens e-mail eller Entra-id').fill(JENS.email);
  await page.getByRole('button', { name: 'Slet person …' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Slet ${JENS.email} fra Netværk?` });
  await dialog.waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await screenshot(page, 'tabs-privacy-erase-confirm');
  await dialog.getByRole('button', { name: 'Slet personen' }).click();
  await page.getByText(`${JENS.email} er slettet: 1 netværk ændret, 1 privat refleksion og 0 planlagte beskeder slettet.`).waitFor();

  const plan = (await clientFor(app, 'lene').get(`/api/networks/${networkId}`)).body;
  expect(plan.participants.map((p: { name: string }) => p.name)).toEqual(['Slettet person']);
  expect(JSON.stringify(plan)).not.toContain(JENS.email);
  await page.close();
});

test('the delivery tab says when the network’s data is deleted, and the leader can change the months', async () => {
  const page = await openTab(browser, app.url, `/tabs/delivery.html?networkId=${networkId}`, 'lene');
  const section = page.getByRole('region', { name: 'Opbevaring af netværkets data' });
  await section.getByText('Netværkets data slettes automatisk 04.07.2028 — 12 måneder efter slutdatoen').waitFor();
  const months = section.getByLabel('Måneder efter afleveringen');
  await months.fill('3');
  await months.press('Tab');
  await section.getByRole('button', { name: 'Gem opbevaring' }).click();
  await section.getByText('Gemt: data slettes 3 måneder efter afleveringen.').waitFor();
  await section.getByText('Netværkets data slettes automatisk 04.10.2027 — 3 måneder efter slutdatoen').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.close();

});
