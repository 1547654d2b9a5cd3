// The tab pages' Content-Security-Policy forbids eval. Zod would probe for it (new Function) to compile
// fast parsers, and the browser reports each probe as a violation; the plain parsers are fast enough here.
// Set through zod's global configuration object (what `z.config({ jitless: true })` writes to; zod keeps
// an object already there), so that the first download need not include zod: only the sections that
// validate a form load it, later.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
