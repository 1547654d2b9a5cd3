import { api } from './api';
import { domain } from './domain';
import { bot } from './bot';
import { cards } from './cards';
import { documents } from './documents';
import { tabs } from './tabs';
import { plan } from './plan';
import { invitations } from './invitations';

// The Danish message catalogue: the default language of the app, one file per surface. Each English
// surface (en/*.ts) has exactly the keys of its Danish one, and no key is in two surfaces: the types check both.

export const da = { ...api, ...domain, ...bot, ...cards, ...documents, ...tabs, ...plan, ...invitations };

export type MessageKey = keyof typeof da;

type Surfaces = [typeof api, typeof domain, typeof bot, typeof cards, typeof documents, typeof tabs, typeof plan, typeof invitations];
type KeysOf<T> = T extends object ? keyof T : never;
/** The keys two surfaces both have: spread together, one text would silently win. */
type InTwoSurfaces<T extends readonly object[]> = T extends readonly [infer First, ...infer Rest extends readonly object[]]
  ? Extract<keyof First, KeysOf<Rest[number]>> | InTwoSurfaces<Rest>
  : never;
// A key in two surfaces makes this a type error that names it.
const noKeyInTwoSurfaces: [InTwoSurfaces<Surfaces>] extends [never] ? true : { keyInTwoSurfaces: InTwoSurfaces<Surfaces> } = true;
void noKeyInTwoSurfaces;
