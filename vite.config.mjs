import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const SERVER_I18N = resolve(import.meta.dirname, 'bot/i18n/index.ts');
const TABS_I18N = resolve(import.meta.dirname, 'tabs/src/shell/i18n.ts');

/**
 * One language per page load: bot/i18n/index.ts holds both catalogues (the server needs them); every import
 * of it in the tab pages (`@i18n` in tab code, `../i18n` in the domain code they share) gets
 * tabs/src/shell/i18n.ts instead — the same `t` and `pickLocale`, with the page's catalogue loaded on demand.
 */
const oneLanguagePerPage = {
  name: 'netvaerk-one-language-per-page',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || importer === TABS_I18N || !/i18n(\/index(\.ts)?)?$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === SERVER_I18N ? TABS_I18N : null;
  },
};

// The tab pages: one entry per page Teams (or a browser) opens, built into dist/tabs and served under /tabs/.
// Each page downloads only what its first view needs: the plan's sections are loaded on demand
// (tabs/src/plan/PlanPage.tsx), the catalogue of one language (above), the adaptive-card renderer only
// for the agenda's preview. test/unit/tabsBundleSize.test.ts holds the first page to its budget.
export default defineConfig({
  plugins: [oneLanguagePerPage],
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
