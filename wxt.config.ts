import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { SHIPPED_PATHS, shipDataset } from './scripts/lib/ship-dataset';
import { manifestCommands } from './utils/commands';
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
    // No host permission at install: the listed news sites are optional, granted in one click
    // on the first-run page (entrypoints/welcome/); any other site when the reader turns the
    // lens on there (popup or options). The scout is registered at run time for granted sites
    // (utils/browser/site-scripts.ts). activeTab lets the popup read the address of its tab.
    ...(browser === 'firefox'
      ? {
          permissions: ['storage', 'contextMenus', 'activeTab'],
          optional_permissions: [...CURATED_MATCH_PATTERNS, ALL_SITES_PATTERN],
        }
      : {
          permissions: ['storage', 'scripting', 'contextMenus', 'activeTab'],
          optional_host_permissions: [...CURATED_MATCH_PATTERNS, ALL_SITES_PATTERN],
        }),
    // The keys and what each does: utils/commands.ts.
    commands: manifestCommands(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lens@china-russia-lens.dev',
              strict_min_version: '140.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from 142 (addons-linter).
            gecko_android: { strict_min_version: '142.0' },
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
