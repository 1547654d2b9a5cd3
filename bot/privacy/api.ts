import * as schemas from '../domain/schemas';
import { toStoreError } from '../storage/errors';
import { erasePerson, ErasureBlocked, exportPerson, type PrivacyDeps } from './privacyService';
import type { DataSubject } from './person';
import { guarded, parseBody, type Handler, type RequestContext } from '../api/context';
import { ApiError, forbidden } from '../api/errors';
import { attachment } from '../api/download';

// Data-protection requests (GDPR art. 15, 17, 20). Anyone may download their own data; exporting or
// erasing someone else takes the Entra app role PrivacyOfficer, checked here on the server.

export const PRIVACY_OFFICER_ROLE = 'PrivacyOfficer';

const depsOf = (ctx: RequestContext): PrivacyDeps => ({ ...ctx.services });
// Conversation and job rows come from the SDK as they are; a storage outage must still be a clear 503.
const run = <T>(work: () => Promise<T>) => guarded(() => work().catch((error: unknown) => Promise.reject(toStoreError(error))));

function requireOfficer(ctx: RequestContext): void {
  if (!ctx.identity.roles?.includes(PRIVACY_OFFICER_ROLE)) throw forbidden('api.privacyOfficerOnly');
}

function download(data: unknown, name: string) {
  return {
    body: JSON.stringify(data, null, 2),
    contentType: 'application/json; charset=utf-8',
    headers: { 'Content-Disposition': attachment(name, 'json') },
  };
}

/** GET /api/me/export: everything stored about the caller, as a JSON download. */
export const exportMyData: Handler = async (ctx) => {
  const subject: DataSubject = { userId: ctx.identity.userId, email: ctx.identity.email };
  return download(await run(() => exportPerson(depsOf(ctx), subject)), 'netvaerk-mine-data');
};

/** POST /api/privacy/export { userId | email } */
export const exportPersonData: Handler = async (ctx) => {
  requireOfficer(ctx);
  const subject = parseBody(schemas.dataSubjectSchema, ctx.body);
  return download(await run(() => exportPerson(depsOf(ctx), subject)), `netvaerk-persondata-${subject.email ?? subject.userId}`);
};

/** POST /api/privacy/erase { userId | email }: refused as a whole while the person leads an undelivered network. */
export const erasePersonData: Handler = async (ctx) => {
  requireOfficer(ctx);
  const subject = parseBody(schemas.dataSubjectSchema, ctx.body);
  try {
    const report = await run(() => erasePerson(depsOf(ctx), subject));
    return { body: report };
  } catch (error) {
    if (!(error instanceof ErasureBlocked)) throw error;
    const networks = error.networks.map((network) => `"${network.name}"`).join(', ');
    throw new ApiError(409, 'erasureBlocked', 'api.erasureBlocked', [], { networks });
  }
};
