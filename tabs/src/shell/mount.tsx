import './noEval';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MessageKey } from '@i18n';
import { AppShell } from './AppShell';

export function mount(page: ReactNode, title: MessageKey): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppShell title={title}>{page}</AppShell>
    </StrictMode>,
  );
}
