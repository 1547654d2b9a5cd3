import './noEval';
// Second: the catalogue's download starts while the rest of the page's script is still being evaluated.
import './i18n';
import { createApi, type Api } from './api';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MessageKey } from '@i18n';
import { AppShell } from './AppShell';
import { guessLocale, hostOnce } from './host';
import { loadCatalogue } from './i18n';

/**
 * Renders the page once the catalogue of its probable language is here (one language per page load:
 * the standalone page knows it at once; inside Teams AppShell switches if Teams' locale says otherwise).
 * `onApi` starts the page's own request as soon as the host is known, beside the catalogue and before React
 * renders anything (the large network's plan is a quarter of a second on the server).
 */
export function mount(page: ReactNode, title: MessageKey, onApi?: (api: Api) => void): void {
  const root = document.getElementById('root')!;
  if (onApi) hostOnce().then((host) => onApi(createApi({ locale: host.locale, getToken: host.getToken })), () => undefined);
  loadCatalogue(guessLocale()).then(
    () =>
      createRoot(root).render(
        <StrictMode>
          <AppShell title={title}>
            {page}
          </AppShell>
        </StrictMode>,
      ),
    () => {
      // No catalogue, no words from it: the page says so in both languages (it cannot know which one is read).
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.append('Siden kunne ikke indlæses – genindlæs siden. ');
      const english = document.createElement('span');
      english.lang = 'en';
      english.textContent = 'The page could not be loaded – reload the page.';
      message.append(english);
      root.replaceChildren(message);
    },
  );
}
