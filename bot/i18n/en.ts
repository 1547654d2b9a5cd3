import type { MessageKey } from './da';

// The English message catalogue: every Danish key must exist here too (the type checks it).
export const en: Record<MessageKey, string> = {
  'api.badJson': 'The request is not valid JSON.',
  'api.tooLarge': 'The request is too large (at most {limit} bytes).',
  'api.invalidInput': 'Some fields are not filled in correctly.',
  'api.notFound': 'It does not exist (or has been deleted).',
  'api.networkNotFound': 'The network does not exist.',
  'api.forbidden': 'You do not have access to this.',
  'api.forbiddenEdit': 'Only the network leader and the co-driver can change the plan.',
  'api.unauthenticated': 'You are not signed in.',
  'api.devIdentityRequired': 'Choose a development identity (header X-Dev-User) — no Entra ID is configured.',
  'api.invalidToken': 'Your sign-in could not be verified. Reload the tab and try again.',
  'api.conflict': 'Someone else changed this after you loaded it. Reload to see the latest version — your text is not lost.',
  'api.alreadyExists': 'It already exists.',
  'api.ifMatchRequired': 'The version (If-Match) is missing. Reload and try again.',
  'api.storageUnavailable': 'Storage is not responding right now. Nothing was saved — try again shortly.',
  'api.internal': 'Something unexpected went wrong. Try again.',
  'api.unsupportedMediaType': 'The request must be JSON (Content-Type: application/json).',
  'bot.welcome': 'Hi! I am Netværk. I help network leaders and participants plan network meetings, send agendas, collect reflections and ideas and hand the delivery to Chefforum. Type "help" to see what I can do.',
  'bot.help.title': 'Netværk — what I can do',
  'bot.help.body': 'Netværk keeps your network in Teams: the theme, participants and meetings in the "Plan" tab, agendas before each meeting, reflection questions after the meetings, the idea parking lot and the delivery to Chefforum.',
  'bot.help.commands': 'Commands: "help" · "next meeting" · "ideas" · "my reflections"',
  'bot.help.comingSoon': 'Agendas, reflections and ideas arrive as cards in the chat once the network is planned in the tab.',
  'bot.unknown': 'I did not quite get that. Type "help" to see what I can do.',
  // validation (domain) — keys 'validation.*'
  // advice (domain) — keys 'advice.*'
  // phases and labels (domain) — keys 'phase.*', 'label.*'
  // auth — keys 'auth.*'
  // more bot — keys 'bot.*'
};
