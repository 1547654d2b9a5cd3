import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from '@i18n';
import { Button, Field, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { createApi, DEV_USER_KEY, ApiError, type Api } from './api';
import { guessLocale, hostOnce, type Host } from './host';
import { fluentTheme } from './theme';
import { AppContext, translator, useApp, type Me } from './AppContext';
import { loadCatalogue } from './i18n';
import { ME_KEY, takeEarly } from './early';

const useStyles = makeStyles({
  page: { minHeight: '100vh', padding: '16px 24px 48px', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1 },
  devBar: { display: 'flex', gap: '12px', alignItems: 'end', marginBottom: '16px', flexWrap: 'wrap' },
});

/** Every tab page: finds its host, theme and language, who the user is, then renders the page. */
/** `title`: the page's name in the message catalogue; the browser/Teams title follows the user's language. */
export function AppShell({ children, title }: { children: ReactNode; title: MessageKey }) {
  const [host, setHost] = useState<Host>();
  const [theme, setTheme] = useState<Host['theme']>('default');
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<Error>();
  const styles = useStyles();

  useEffect(() => {
    // Inside Teams the user's language is known only now: its catalogue first (already here when the guess was right).
    hostOnce().then((detected) => loadCatalogue(detected.locale).then(() => detected)).then((detected) => {
      setHost(detected);
      setTheme(detected.theme);
      detected.onThemeChange(setTheme);
      document.documentElement.lang = detected.locale;
      document.title = `Netværk — ${translator(detected.locale)(title)}`;
    }, setError);
  }, [title]);

  const api = useMemo(() => (host ? createApi({ locale: host.locale, getToken: host.getToken }) : undefined), [host]);
  // Before the host is known: the language mount.tsx loaded (so the spinner's label is in words).
  const t = useMemo(() => translator(host?.locale ?? guessLocale()), [host]);

  const loadMe = useCallback(async () => {
    if (!api) return;
    try {
      // The first time, the answer to the request the page asked for as its script started (./early.ts).
      setMe(await (takeEarly<Me>(ME_KEY) ?? api.get<Me>('/api/me')));
      setError(undefined);
    } catch (failure) {
      // Standalone without a chosen identity: start as the example network leader, changeable above.
      if (failure instanceof ApiError && failure.code === 'devIdentityRequired' && !localStorage.getItem(DEV_USER_KEY)) {
        localStorage.setItem(DEV_USER_KEY, 'lene');
        return loadMe();
      }
      setError(failure as Error);
    }
  }, [api]);
  useEffect(() => void loadMe(), [loadMe]);

  let body: ReactNode;
  if (error) {
    body = (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('tab.error.title')}</MessageBarTitle>
          {error.message}
        </MessageBarBody>
        <Button onClick={() => void loadMe()}>{t('tab.error.retry')}</Button>
      </MessageBar>
    );
  } else if (!host || !api || !me) {
    body = <Spinner label={t('tab.loading')} />;
  } else {
    body = (
      <AppContext.Provider value={{ host, api, locale: host.locale, me, theme, t }}>
        {me.devIdentities && <DevIdentityPicker onChange={loadMe} />}
        {children}
      </AppContext.Provider>
    );
  }
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={host?.locale ?? guessLocale()}>
      <div className={styles.page}>{body}</div>
    </FluentProvider>
  );
}

/** Standalone only: who you are, chosen explicitly (there is no Entra ID to ask). */
function DevIdentityPicker({ onChange }: { onChange: () => void }) {
  const { me, t } = useApp();
  const styles = useStyles();
  return (
    <div className={styles.devBar}>
      <Field label={t('tab.devIdentity.label')} hint={t('tab.devIdentity.help')}>
        <Select
          value={me.devIdentities!.find((d) => d.name === me.identity.name)?.key ?? ''}
          onChange={(_event, data) => {
            localStorage.setItem(DEV_USER_KEY, data.value);
            onChange();
          }}
        >
          {me.devIdentities!.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
