import { app, authentication } from '@microsoft/teams-js';

// The consent popup Teams opens from "Book serien" (authentication.authenticate): first visit sends the
// leader to Entra ID to grant Calendars.ReadWrite; Entra ID sends them back here, and the page tells
// Teams how it went. The redirect URI <origin>/tabs/consent.html must be registered on the Entra app.

const CALENDAR_SCOPE = 'https://graph.microsoft.com/Calendars.ReadWrite';

/** The page speaks both languages (it cannot know the user's yet); the English half is marked as English. */
const show = (danish: string, english?: string) => {
  const status = document.getElementById('status');
  if (!status) return;
  status.replaceChildren(danish);
  if (!english) return;
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = english;
  status.append(' / ', span);
};

async function main() {
  // Outside Teams initialize fails, and getContext would then never settle: ask only inside Teams.
  const inTeams = await app.initialize().then(() => true, () => false);
  const answer = new URLSearchParams(window.location.hash.slice(1));
  if (answer.has('error')) {
    show(answer.get('error_description') ?? answer.get('error') ?? '');
    if (inTeams) authentication.notifyFailure(answer.get('error_description') ?? answer.get('error') ?? 'consent failed');
    return;
  }
  if (answer.has('id_token')) {
    show('Tak — tilladelsen er givet.', 'Thank you — permission granted.');
    if (inTeams) authentication.notifySuccess();
    return;
  }
  const response = await fetch('/api/auth/settings');
  if (!response.ok) {
    show('Netværk er ikke sat op med Entra ID her.', 'Netværk is not set up with Entra ID here.');
    if (inTeams) authentication.notifyFailure('not configured');
    return;
  }
  const { clientId, tenantId } = (await response.json()) as { clientId: string; tenantId: string };
  const context = inTeams ? await app.getContext().catch(() => undefined) : undefined;
  const authorize = new URL(`https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/authorize`);
  const parameters: Record<string, string> = {
    client_id: clientId,
    response_type: 'id_token',
    response_mode: 'fragment',
    scope: `openid profile ${CALENDAR_SCOPE}`,
    redirect_uri: `${window.location.origin}${window.location.pathname}`,
    nonce: crypto.randomUUID(),
    prompt: 'consent',
    ...(context?.user?.loginHint ? { login_hint: context.user.loginHint } : {}),
  };
  for (const [name, value] of Object.entries(parameters)) authorize.searchParams.set(name, value);
  window.location.assign(authorize.href);
}

void main();
