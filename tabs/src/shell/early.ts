import { createApi, type Api } from './api';
import { guessLocale } from './i18n';
import { networkApi, type PlanParts, type PlanView } from './networkApi';

// A page's first requests — who the user is, and the page's own data — start as soon as its script does, beside
// the catalogue and the page's code, not one after another behind React's first renders. A standalone page can ask
// at once (the development identity); inside Teams (a framed page) the API is known only when Teams has answered,
// and mount.tsx hands it over then. The page takes each answer once, on its first load; later loads ask again.

type Ask = (api: Api) => void;

const framed = window.top !== window.self;
let known: Api | undefined = framed ? undefined : createApi({ locale: guessLocale() });
// In a frame (Teams), the Teams library is needed before anything can be asked (./host.ts): its download starts now.
if (framed) import('./teams').catch(() => undefined);
const waiting: Ask[] = [];
const answers = new Map<string, Promise<unknown>>();

/** Runs `ask` with the page's API client: now if it is known, else when the host has answered. */
export function whenApi(ask: Ask): void {
  if (known) ask(known);
  else waiting.push(ask);
}

/** The host has answered (mount.tsx): the framed page's early requests start now. A standalone page already asked. */
export function apiKnown(api: Api): void {
  if (known) return;
  known = api;
  waiting.splice(0).forEach((ask) => ask(api));
}

/** Asks now, once per key; a failure waits for the page (which asks again). */
export function askEarly<T>(key: string, request: () => Promise<T>): void {
  if (answers.has(key)) return;
  const answer = request();
  answer.catch(() => undefined);
  answers.set(key, answer);
}

/** The early answer for `key`, once: undefined when none was asked or it was taken already. */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const answer = answers.get(key) as Promise<T> | undefined;
  answers.delete(key);
  return answer;
}

export const ME_KEY = 'me';

// Every page needs to know who the user is before it shows anything.
whenApi((api) => askEarly(ME_KEY, () => api.get('/api/me')));

const planKey = (networkId: string, parts: PlanParts) => `plan:${networkId}:${parts}`;

/** The plan and delivery pages' own request: the plan of the network the address names (?networkId=). */
export function askPlanEarly(parts: PlanParts): void {
  const networkId = new URLSearchParams(window.location.search).get('networkId');
  if (networkId) whenApi((api) => askEarly(planKey(networkId, parts), () => networkApi(api, networkId).get(parts)));
}

/** usePlan's first load: the early answer for this network and parts, if one was asked. */
export const takePlanEarly = (networkId: string, parts: PlanParts) => takeEarly<PlanView>(planKey(networkId, parts));
