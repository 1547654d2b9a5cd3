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
    // Every browser Teams runs in preloads modules; the polyfill would be the first thing each page evaluates.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Fluent UI marks its modules 'use client' (for React Server Components); meaningless in a tab.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // A page's early requests (tabs/src/shell/early.ts, the plan's and the delivery page's early.ts) in chunks of
      // their own, with no React or Fluent in them: a chunk runs only after every chunk it imports, so in a shared
      // chunk they would start only once the whole UI's code had been evaluated.
      output: {
        codeSplitting: {
          groups: [
            // Small and pure: the requests, the catalogue's loader, what a link in the address points at.
            {
              name: 'early',
              test: /tabs[\\/]src[\\/](shell[\\/](early|api|networkApi|i18n|noEval)|plan[\\/]linkTarget|meeting[\\/]view)\.ts$|bot[\\/]i18n[\\/]format\.ts$|bot[\\/]domain[\\/](deepLink|limits)\.ts$|node_modules[\\/](intl-messageformat|@formatjs)[\\/]/,
              priority: 20,
            },
            // Each page's own start, with what only that page uses: another page importing it would run it.
            { name: 'planStart', test: /tabs[\\/]src[\\/]plan[\\/](early|opening|sectionCode)\.ts$/, priority: 10 },
            { name: 'deliveryStart', test: /tabs[\\/]src[\\/]delivery[\\/]early\.ts$/, priority: 10 },
          ],
        },
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
