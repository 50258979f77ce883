/**
 * Where the content scripts run. The scout runs on every page of the listed sites and of the
 * sites the reader enabled: registered at run time for the hosts whose permission was
 * granted (Chromium: `scripting`, which persists; Firefox MV2: `contentScripts`, which lasts
 * while the background does, so it is redone at every start). The lens is injected into a frame
 * when its scout finds mentions there, and at once into the tab where the reader switched the
 * lens on.
 */
import { browser } from '#imports';
import { highlightRules } from '../highlight-names';
import type { Settings } from '../settings';
import { ALL_SITES_PATTERN, CURATED_MATCH_PATTERNS, sitePattern } from '../sites';
import { highlightNames } from './highlight-names-store';

const SCRIPT_ID = 'china-russia-lens-sites';
const SCOUT_JS = '/scout.js';
const LENS_JS = '/lens.js';
const CARD_JS = '/card.js';

/** Firefox's `contentScripts` (MV2), which WXT's browser type does not declare. */
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    js: { file: string }[];
    css: { code: string }[];
    allFrames: boolean;
    runAt: 'document_start';
  }): Promise<{ unregister(): Promise<void> }>;
}

let firefoxRegistration: { unregister(): Promise<void> } | undefined;

/**
 * Match patterns the lens may run on and holds the permission for: the listed news sites the
 * reader granted (on the first-run page), the sites they enabled, or every site.
 */
async function grantedPatterns(settings: Settings): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  if (settings.allSites && granted.has(ALL_SITES_PATTERN)) return [ALL_SITES_PATTERN];
  const listed = CURATED_MATCH_PATTERNS.filter((pattern) => granted.has(pattern));
  const enabled: string[] = [];
  for (const pattern of settings.enabledSites.map(sitePattern)) {
    if (await browser.permissions.contains({ origins: [pattern] })) enabled.push(pattern);
  }
  return [...new Set([...listed, ...enabled])];
}

/** Has the reader granted the listed news sites (all of them, as the first-run page asks)? */
export async function listedSitesGranted(): Promise<boolean> {
  return browser.permissions.contains({ origins: [...CURATED_MATCH_PATTERNS] });
}

let syncing = Promise.resolve();

/**
 * Registers the scripts the settings ask for. Calls run one after another: a change arriving
 * while the start-up registration is under way must not race it (duplicate script ids).
 */
export function syncSiteScripts(settings: Settings): Promise<void> {
  syncing = syncing
    .then(() => register(settings))
    .catch((error: unknown) => {
      console.error('China–Russia Lens: site scripts', error);
    });
  return syncing;
}

async function register(settings: Settings): Promise<void> {
  const matches = await grantedPatterns(settings);
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    // Chromium keeps registrations across worker starts: most starts find them as they should be.
    const same = (a: readonly string[] = [], b: readonly string[]) =>
      a.length === b.length && a.every((x) => b.includes(x));
    const [current] = existing;
    if (current && same(current.matches, matches) && current.runAt === 'document_start') return;
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (matches.length === 0) return;
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        js: [SCOUT_JS],
        allFrames: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
    return;
  }
  await firefoxRegistration?.unregister();
  firefoxRegistration = undefined;
  if (matches.length === 0) return;
  const contentScripts = (browser as unknown as { contentScripts: FirefoxContentScripts }).contentScripts;
  firefoxRegistration = await contentScripts.register({
    matches,
    js: [{ file: SCOUT_JS }],
    // The lens's highlight rules come with the scout, before the page is first styled: inserted
    // when the lens starts, they restyled the whole page (~60 ms on a long one, BENCHMARKS.md).
    css: [{ code: await highlightCss() }],
    allFrames: true,
    runAt: 'document_start',
  });
}

/**
 * The highlight rules for this install's names, as a stylesheet the browser inserts: the page
 * cannot see, remove or block it (a `<style>` a content script adds is blocked by a strict page
 * CSP in Firefox, w3c/webextensions#337), and no file with fixed names ships.
 */
async function highlightCss(): Promise<string> {
  return highlightRules(await highlightNames());
}

/** Starts the lens in an open tab (its frames too) without reloading the page. */
export async function startLensInTab(tabId: number): Promise<void> {
  const css = await highlightCss();
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.executeScript) {
    await scripting.insertCSS({ target: { tabId, allFrames: true }, css });
    await scripting.executeScript({ target: { tabId, allFrames: true }, files: [LENS_JS] });
    return;
  }
  await browser.tabs.insertCSS(tabId, { code: css, allFrames: true });
  await browser.tabs.executeScript(tabId, { file: LENS_JS, allFrames: true });
}

/**
 * Runs one of our scripts in one frame of a tab: the lens (with its highlight rules) where the
 * scout saw text that may mention something, the card's code at the lens's first hover.
 */
export async function runInFrame(tabId: number, frameId: number, script: 'lens' | 'card'): Promise<void> {
  const file = script === 'lens' ? LENS_JS : CARD_JS;
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.executeScript) {
    const target = { tabId, frameIds: [frameId] };
    const run = scripting.executeScript({ target, files: [file] });
    // Chromium registers scripts with files only, and the rules name this install's highlights.
    // Inserted while the lens starts: a highlight with no rule paints nothing meanwhile.
    if (script === 'lens') await Promise.all([run, highlightCss().then((css) => scripting.insertCSS({ target, css }))]);
    else await run;
    return;
  }
  // Firefox: the frame's scout came with the highlight rules (`register`).
  await browser.tabs.executeScript(tabId, { file, frameId });
}
