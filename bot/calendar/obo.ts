import { ConfidentialClientApplication, InteractionRequiredAuthError, type AuthError } from '@azure/msal-node';
import { CalendarError } from './graph';

// Delegated access to the leader's own calendar: the tab's Teams SSO token is exchanged on-behalf-of
// for a Graph token with Calendars.ReadWrite. MSAL caches the tokens per assertion.

export const GRAPH_CALENDAR_SCOPES = ['https://graph.microsoft.com/Calendars.ReadWrite'];

/** Who the calendar belongs to: the caller and the SSO token their request carried. */
export interface CalendarCaller {
  userId: string;
  ssoToken?: string;
}

/** A Graph access token for the caller's own mailbox; throws a CalendarError. Tests inject their own. */
export type GraphTokenProvider = (caller: CalendarCaller) => Promise<string>;

export interface OboSettings {
  clientId: string;
  tenantId: string;
  clientSecret: string;
  /** Default https://login.microsoftonline.com/{tenantId} */
  authority?: string;
}

const CONSENT_CODES = ['interaction_required', 'consent_required'];

/** MSAL's failures in the app's terms: consent (or a fresh sign-in) needed, or the token service failing. */
export function oboError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  const auth = error as Partial<AuthError> | undefined;
  const text = `${auth?.errorCode ?? ''} ${auth?.subError ?? ''} ${auth?.errorMessage ?? (error instanceof Error ? error.message : '')}`;
  const consent =
    error instanceof InteractionRequiredAuthError ||
    auth?.name === 'InteractionRequiredAuthError' ||
    CONSENT_CODES.some((code) => auth?.errorCode === code || auth?.subError === code) ||
    // AADSTS65001: the user or administrator has not consented to use the application.
    /AADSTS65001/.test(text);
  if (consent) return new CalendarError(401, 'consentRequired', text.trim() || 'consent required');
  return new CalendarError(503, 'unavailable', `on-behalf-of failed: ${text.trim() || String(error)}`);
}

export function createOboTokenProvider(settings: OboSettings): GraphTokenProvider {
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority: settings.authority ?? `https://login.microsoftonline.com/${settings.tenantId}`,
    },
  });
  return async (caller) => {
    if (!caller.ssoToken) throw new CalendarError(401, 'unauthenticated', 'no Teams SSO token to act on behalf of');
    try {
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: caller.ssoToken, scopes: GRAPH_CALENDAR_SCOPES });
      if (!result?.accessToken) throw new CalendarError(503, 'unavailable', 'on-behalf-of returned no access token');
      return result.accessToken;
    } catch (error) {
      throw oboError(error);
    }
  };
}
