import type { app } from '@microsoft/teams-js';
import { pickLocale, type Locale } from '@i18n';
import { guessLocale } from './i18n';

// Where the page runs: inside Teams (SSO, Teams theme and locale) or standalone in a browser
// (development identity, ?locale= and ?theme= for trying things out).

export type HostTheme = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  locale: Locale;
  theme: HostTheme;
  context?: app.Context;
  /** In Teams, the sub-entity id a deep link opened the tab with (page.subPageId): where in the page to open. */
  subPageId?: string;
  getToken?: () => Promise<string>;
  onThemeChange(listener: (theme: HostTheme) => void): void;
}

const asTheme = (value?: string | null): HostTheme => (value === 'dark' || value === 'contrast' ? value : 'default');

// A framed page whose parent never answers would wait 60 s; no page should.
const TEAMS_INIT_TIMEOUT_MS = 3000;

type TeamsJs = typeof import('./teams');

/**
 * The Teams library, once Teams has answered; undefined for a page that is not in a frame (a browser: the library is
 * then never downloaded or evaluated, a tenth of a second on a slow laptop) or whose parent does not answer.
 */
async function initializeTeams(): Promise<TeamsJs | undefined> {
  if (window.top === window.self) return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), TEAMS_INIT_TIMEOUT_MS));
  const teams = import('./teams').then((library) => library.app.initialize().then(() => library, () => undefined));
  return Promise.race([teams.catch(() => undefined), timeout]);
}

export { guessLocale };

let detecting: Promise<Host> | undefined;

/** The host, asked once per page: mount.tsx asks before React renders (to start the page's request), AppShell after. */
export function hostOnce(): Promise<Host> {
  return (detecting ??= detectHost());
}

async function detectHost(): Promise<Host> {
  const params = new URLSearchParams(window.location.search);
  const teams = await initializeTeams();
  if (teams) {
    const { app, authentication } = teams;
    const context = await app.getContext();
    return {
      inTeams: true,
      locale: pickLocale(context.app.locale),
      theme: asTheme(context.app.theme),
      context,
      subPageId: context.page.subPageId || undefined,
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(asTheme(theme))),
    };
  }
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return {
    inTeams: false,
    locale: guessLocale(),
    theme: params.has('theme') ? asTheme(params.get('theme')) : prefersDark ? 'dark' : 'default',
    onThemeChange: () => undefined,
  };
}
