import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { startTestApp, teamsModeEnv } from '../support/testApp';
import { launchChromium, wcagViolations } from '../support/chromium';

// The consent popup "Book serien" opens in Teams: it sends the leader to Entra ID for Calendars.ReadWrite
// and reports back. Entra ID is out of reach here, so its address is intercepted and checked.

const CLIENT_ID = '7d0c0000-0000-4000-8000-0000000000c1';
const TENANT = '5e1f0000-0000-4000-8000-0000000000e1';

let browser: Browser;
let teamsApp: App;
let localApp: App;

beforeAll(async () => {
  [browser, teamsApp, localApp] = await Promise.all([
    launchChromium(),
    startTestApp('consent', { env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }, { SCHEDULER: 'off' }) }),
    startTestApp('consentlocal', { env: { SCHEDULER: 'off' } }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([browser?.close(), teamsApp?.stop(), localApp?.stop()]);
});

test('the popup asks Entra ID for the calendar permission, with the app and a way back here', async () => {
  const page = await browser.newPage();
  let authorize: URL | undefined;
  await page.route('https://login.microsoftonline.com/**', async (route) => {
    authorize = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<html lang="en"><title>Sign in</title><main>Sign in</main></html>' });
  });
  await page.goto(`${teamsApp.url}/tabs/consent.html`);
  await page.waitForURL(/login\.microsoftonline\.com/, { timeout: 15_000 });

  expect(authorize!.pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
  expect(authorize!.searchParams.get('client_id')).toBe(CLIENT_ID);
  expect(authorize!.searchParams.get('scope')).toContain('https://graph.microsoft.com/Calendars.ReadWrite');
  expect(authorize!.searchParams.get('prompt')).toBe('consent');
  expect(authorize!.searchParams.get('redirect_uri')).toBe(`${teamsApp.url}/tabs/consent.html`);
  await page.close();
}, 30_000);

test('coming back with the permission or a refusal says so', async () => {
  const granted = await (await browser.newContext()).newPage();
  await granted.goto(`${teamsApp.url}/tabs/consent.html#id_token=x.y.z&state=1`);
  await granted.getByText('Tak — tilladelsen er givet.', { exact: false }).waitFor({ timeout: 10_000 });
  expect(await wcagViolations(granted)).toEqual([]);
  const refused = await browser.newPage();
  // A hash change alone does not load the page again: a fresh page, as the popup would be.
  await refused.goto(`${teamsApp.url}/tabs/consent.html#error=access_denied&error_description=The%20user%20declined`);
  await refused.getByText('The user declined').waitFor({ timeout: 10_000 });
  await Promise.all([granted.close(), refused.close()]);
}, 30_000);

test('without Entra ID (local mode) the page says it is not set up', async () => {
  const settings = await fetch(`${localApp.url}/api/auth/settings`);
  expect(settings.status).toBe(404);
  const page = await browser.newPage();
  await page.goto(`${localApp.url}/tabs/consent.html`);
  await page.getByText('Netværk er ikke sat op med Entra ID her.', { exact: false }).waitFor();
  await page.close();
}, 30_000);
