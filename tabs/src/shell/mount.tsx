import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './AppShell';

export function mount(page: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppShell>{page}</AppShell>
    </StrictMode>,
  );
}
