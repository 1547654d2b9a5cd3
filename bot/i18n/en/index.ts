import type { MessageKey } from '../da';
import { api } from './api';
import { domain } from './domain';
import { bot } from './bot';
import { cards } from './cards';
import { documents } from './documents';
import { tabs } from './tabs';
import { plan } from './plan';
import { invitations } from './invitations';

// The English message catalogue, one file per surface as in da/: every Danish key must exist here too,
// and no other (each surface's type checks its keys; this checks that no surface is left out).
export const en: Record<MessageKey, string> = { ...api, ...domain, ...bot, ...cards, ...documents, ...tabs, ...plan, ...invitations };
