import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The tab pages: one entry per page Teams (or a browser) opens, built into dist/tabs and served under /tabs/.
export default defineConfig({
  root: resolve(import.meta.dirname, 'tabs'),
  base: '/tabs/',
  publicDir: false,
  // The server's domain model and message catalogues, by name (the same paths as tabs/tsconfig.json).
  resolve: {
    alias: {
      '@domain': resolve(import.meta.dirname, 'bot/domain'),
      '@i18n': resolve(import.meta.dirname, 'bot/i18n'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/tabs'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Fluent UI marks its modules 'use client' (for React Server Components); meaningless in a tab.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        index: resolve(import.meta.dirname, 'tabs/index.html'),
        config: resolve(import.meta.dirname, 'tabs/config.html'),
        plan: resolve(import.meta.dirname, 'tabs/plan.html'),
        delivery: resolve(import.meta.dirname, 'tabs/delivery.html'),
        personal: resolve(import.meta.dirname, 'tabs/personal.html'),
        consent: resolve(import.meta.dirname, 'tabs/consent.html'),
      },
    },
  },
});
