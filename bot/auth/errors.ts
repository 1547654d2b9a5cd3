import type { MessageKey } from '../i18n/da';

export type AuthErrorCode = 'unauthenticated' | 'invalidToken' | 'devIdentityRequired';

const defaultMessageKeys: Record<AuthErrorCode, MessageKey> = {
  unauthenticated: 'api.unauthenticated',
  invalidToken: 'api.invalidToken',
  devIdentityRequired: 'api.devIdentityRequired',
};

/** A 401. `reason` is for the log only; the user sees `messageKey` translated. */
export class AuthError extends Error {
  readonly status = 401;
  readonly messageKey: MessageKey;

  constructor(
    readonly code: AuthErrorCode,
    readonly reason?: string,
    messageKey?: MessageKey,
  ) {
    super(code);
    this.name = 'AuthError';
    this.messageKey = messageKey ?? defaultMessageKeys[code];
  }
}
