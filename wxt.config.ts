import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { SHIPPED_PATHS, shipDataset } from './scripts/lib/ship-dataset';
import { ALL_SITES_PATTERN, CURATED_MATCH_PATTERNS } from './utils/sites';

// See docs/ARCHITECTURE.md for how the pieces fit together.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every name is imported explicitly (from '#imports' or its package) so its origin is visible.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    // No host permission at install: listed news sites come with the content script's matches;
    // any other site is asked for when the reader turns the lens on there (popup or options).
    // activeTab lets the popup read the address of the tab it was opened on.
    ...(browser === 'firefox'
      ? { permissions: ['storage', 'contextMenus', 'activeTab'], optional_permissions: [ALL_SITES_PATTERN] }
      : {
          permissions: ['storage', 'scripting', 'contextMenus', 'activeTab'],
          optional_host_permissions: [ALL_SITES_PATTERN],
        }),
    // The scout is an unlisted script (no WXT content-script context; see entrypoints/scout.ts),
    // so it is declared here. The lens is injected when the scout's page may mention something.
    content_scripts: [
      {
        matches: [...CURATED_MATCH_PATTERNS],
        js: ['scout.js'],
        css: ['content-scripts/highlights.css'],
        all_frames: true,
        // At the start, to wake the background early (entrypoints/scout.ts); it reads at DOMContentLoaded.
        run_at: 'document_start',
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next mention on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the card of the previous mention on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lens@china-russia-lens.dev',
              strict_min_version: '140.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // The card's top layer (popover) needs 114; highlights need 105.
          minimum_chrome_version: '114',
          // Messages are copied as Firefox copies them (structured clone), not through JSON: a
          // long page's text reaches the matcher in half the time (docs/BENCHMARKS.md). Chrome
          // before 148 ignores the key and uses JSON; every message is plain data either way.
          message_serialization: 'structured_clone',
        }),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  hooks: {
    // The dataset ships as data files, read by what needs them (utils/dataset/shipped-data.ts).
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...SHIPPED_PATHS);
    },
    'build:publicAssets': (wxt, files) => {
      files.push(...shipDataset(join(wxt.config.wxtDir, 'shipped-data')));
    },
  },
});
