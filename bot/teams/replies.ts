import { t, type Locale } from '../i18n';

// What the bot says in chat. Plain Teams markdown for now; adaptive cards replace these later.

export const welcomeText = (locale: Locale) => t(locale, 'bot.welcome');

export const helpText = (locale: Locale) =>
  [`**${t(locale, 'bot.help.title')}**`, t(locale, 'bot.help.body'), t(locale, 'bot.help.commands')].join('\n\n');


export const unknownText = (locale: Locale) => `${t(locale, 'bot.unknown')}\n\n${helpText(locale)}`;
