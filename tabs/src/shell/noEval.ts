import { z } from 'zod';

// The tab pages' Content-Security-Policy forbids eval. Zod would probe for it (new Function) to compile
// fast parsers, and the browser reports each probe as a violation; the plain parsers are fast enough here.
z.config({ jitless: true });
