import { createContext, useContext } from 'react';
import { t as translate, type Locale, type MessageKey, type MessageParams } from '@i18n';
import type { Api } from './api';
import type { Host, HostTheme } from './host';

export interface Me {
  identity: { userId: string; name: string; email?: string; mode: 'development' | 'teams'; roles?: string[] };
  devIdentities?: { key: string; name: string; persona: string }[];
}

export interface AppContextValue {
  host: Host;
  api: Api;
  locale: Locale;
  me: Me;
  /** The theme now (Teams may switch it while the tab is open). */
  theme: HostTheme;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppShell>');
  return value;
}

export const translator = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
