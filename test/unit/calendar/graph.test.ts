import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { transactionIdOf } from '../../../bot/calendar/book';
import { CalendarError, MailboxGates, toCalendarError } from '../../../bot/calendar/graph';
import { createOboTokenProvider, oboError } from '../../../bot/calendar/obo';

// The small pure parts around Graph: error mapping (Graph's and MSAL's), the per-mailbox gate, and
// the transactionId that makes a repeated create return the same event.

describe('MSAL failures', () => {
  it('interaction or consent required is consentRequired', () => {
    const cases = [
      new InteractionRequiredAuthError('interaction_required', 'correlation-1', 'AADSTS65001: The user or administrator has not consented.'),
      new ServerError('invalid_grant', 'correlation-1', 'AADSTS65001: The user or administrator has not consented to use the application.', 'consent_required'),
      new ServerError('invalid_grant', 'correlation-1', 'AADSTS65001: not consented'),
    ];
    for (const error of cases) expect(oboError(error)).toMatchObject({ status: 401, code: 'consentRequired' });
  });

  it('anything else is the token service being unavailable', () => {
    expect(oboError(new ServerError('temporarily_unavailable', 'correlation-1', 'AADSTS50196: loop detected'))).toMatchObject({ status: 503, code: 'unavailable' });
    expect(oboError(new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'))).toMatchObject({ code: 'unavailable' });
  });

  it('without an SSO token there is nobody to act on behalf of', async () => {
    const tokens = createOboTokenProvider({ clientId: '11111111-1111-1111-1111-111111111111', tenantId: '22222222-2222-2222-2222-222222222222', clientSecret: 's' });
    await expect(tokens({ userId: 'u1' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('Graph failures', () => {
  const graphError = (status: number, headers: Record<string, string> = {}) => {
    const error = new GraphError(status, 'planned');
    error.code = 'SomeCode';
    error.headers = new Headers(headers);
    return error;
  };

  it('maps status to a code, and keeps Retry-After in milliseconds', () => {
    expect(toCalendarError(graphError(429, { 'retry-after': '7' }))).toMatchObject({ status: 429, code: 'throttled', retryAfterMs: 7000 });
    expect(toCalendarError(graphError(404))).toMatchObject({ code: 'notFound' });
    expect(toCalendarError(graphError(403))).toMatchObject({ code: 'forbidden' });
    expect(toCalendarError(graphError(400))).toMatchObject({ status: 400, code: 'rejected', message: 'SomeCode: planned' });
    expect(toCalendarError(graphError(504))).toMatchObject({ status: 504, code: 'unavailable' });
    expect(toCalendarError(graphError(-1))).toMatchObject({ status: 503, code: 'unavailable' });
    const own = new CalendarError(401, 'consentRequired', 'x');
    expect(toCalendarError(own)).toBe(own);
  });
});

describe('MailboxGates', () => {
  it('lets at most `limit` calls run at once per mailbox; other mailboxes are not held up', async () => {
    const gates = new MailboxGates(4);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        most = Math.max(most, ++running);
        releases.push(() => {
          running--;
          resolve();
        });
      });
    const all = Array.from({ length: 10 }, () => gates.run('lene', work));
    let other = false;
    const elsewhere = gates.run('omar', async () => (other = true));
    await elsewhere;
    expect(other).toBe(true);
    while (releases.length || running) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    await Promise.all(all);
    expect(most).toBe(4);
  });

  it('a failing call frees its slot', async () => {
    const gates = new MailboxGates(1);
    await expect(gates.run('lene', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gates.run('lene', async () => 'next')).resolves.toBe('next');
  });
});

describe('transactionIdOf', () => {
  it('is GUID-shaped, the same for the same meeting, different for another', () => {
    const id = transactionIdOf('network-1', 'meeting-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(transactionIdOf('network-1', 'meeting-1')).toBe(id);
    expect(transactionIdOf('network-1', 'meeting-2')).not.toBe(id);
    expect(transactionIdOf('network-1', 'meeting-1', 'lost-event')).not.toBe(id);
  });
});
