import './noEval';
// Second: the catalogue's download and the page's first requests start while the rest of its script is still
// being evaluated (./early.ts).
import './i18n';
import { apiKnown } from './early';
import { createApi } from './api';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MessageKey } from '@i18n';
import { AppShell } from './AppShell';
import { guessLocale, hostOnce } from './host';
import { loadCatalogue } from './i18n';

/**
 * Renders the page once the catalogue of its probable language is here (one language per page load:
 * the standalone page knows it at once; inside Teams AppShell switches if Teams' locale says otherwise).
 * Inside Teams the page's early requests (./early.ts) start as soon as the host is known, before React renders.
 */
export function mount(page: ReactNode, title: MessageKey): void {
  const root = document.getElementById('root')!;
  hostOnce().then((host) => apiKnown(createApi({ locale: host.locale, getToken: host.getToken })), () => undefined);
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
