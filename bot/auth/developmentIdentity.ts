import { AuthError } from './errors';
import { findDevIdentity } from './devIdentities';
import { header, type RequestHeaders } from './headers';
import type { Identity } from './identity';

const CUSTOM_ID = /^[a-z0-9-]{3,64}$/;
const MAX_NAME_LENGTH = 100;

/** Local only: the caller names who they are; nothing is verified, so nothing is guessed either. */
export function developmentIdentity(headers: RequestHeaders): Identity {
  const id = header(headers, 'x-dev-user')?.trim();
  if (!id) throw new AuthError('devIdentityRequired', 'no X-Dev-User header');

  const known = findDevIdentity(id);
  if (known) return { userId: known.userId, name: known.name, email: known.email, mode: 'development', ...(known.roles ? { roles: [...known.roles] } : {}) };

  const name = customName(header(headers, 'x-dev-user-name'));
  if (!CUSTOM_ID.test(id) || !name) {
    throw new AuthError('devIdentityRequired', `unusable X-Dev-User ${JSON.stringify(id.slice(0, 80))}`, 'auth.devIdentityInvalid');
  }
  return { userId: id, name, mode: 'development' };
}

// Header values travel as latin1, so a name like "Søren" arrives percent-encoded (encodeURIComponent).
function customName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(raw).trim();
  } catch {
    return undefined;
  }
  const usable = name.length > 0 && name.length <= MAX_NAME_LENGTH && !/\p{Cc}/u.test(name);
  return usable ? name : undefined;
}
