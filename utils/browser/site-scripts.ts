/**
 * Where the content scripts run. The scout runs on every page of the listed sites (manifest) and
 * of the sites the reader enabled: registered at run time for the hosts whose permission was
 * granted (Chromium: `scripting`, which persists; Firefox MV2: `contentScripts`, which lasts
 * while the background does, so it is redone at every start). The lens is injected into a frame
 * when its scout finds mentions there, and at once into the tab where the reader switched the
 * lens on.
 */
import { browser } from '#imports';
import type { Settings } from '../settings';
import { ALL_SITES_PATTERN, CURATED_MATCH_PATTERNS, sitePattern } from '../sites';

const SCRIPT_ID = 'china-russia-lens-sites';
const SCOUT_JS = '/scout.js';
/** The highlight rules, injected with the scout. */
const HIGHLIGHTS_CSS = '/content-scripts/highlights.css';
const LENS_JS = '/content-scripts/lens.js';
const CARD_JS = '/content-scripts/card.js';

/** Firefox's `contentScripts` (MV2), which WXT's browser type does not declare. */
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    excludeMatches: string[];
    js: { file: string }[];
    css: { file: string }[];
    allFrames: boolean;
    runAt: 'document_start';
  }): Promise<{ unregister(): Promise<void> }>;
}

let firefoxRegistration: { unregister(): Promise<void> } | undefined;

/** Match patterns the reader enabled and still holds the permission for. */
async function grantedPatterns(settings: Settings): Promise<string[]> {
  const wanted = settings.allSites ? [ALL_SITES_PATTERN] : settings.enabledSites.map(sitePattern);
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  return granted;
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
  // Listed sites have the manifest's script already: never a second one there.
  const excludeMatches = [...CURATED_MATCH_PATTERNS];
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    // Chromium keeps registrations across worker starts: most starts find them as they should be.
    const same = (a: readonly string[] = [], b: readonly string[]) =>
      a.length === b.length && a.every((x) => b.includes(x));
    const [current] = existing;
    if (
      current &&
      same(current.matches, matches) &&
      same(current.excludeMatches, excludeMatches) &&
      current.runAt === 'document_start'
    )
      return;
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (matches.length === 0) return;
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        excludeMatches,
        js: [SCOUT_JS],
        css: [HIGHLIGHTS_CSS],
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
    excludeMatches,
    js: [{ file: SCOUT_JS }],
    css: [{ file: HIGHLIGHTS_CSS }],
    allFrames: true,
    runAt: 'document_start',
  });
}

/** Starts the lens in an open tab (its frames too) without reloading the page. */
export async function startLensInTab(tabId: number): Promise<void> {
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.executeScript) {
    await scripting.insertCSS({ target: { tabId, allFrames: true }, files: [HIGHLIGHTS_CSS] });
    await scripting.executeScript({ target: { tabId, allFrames: true }, files: [LENS_JS] });
    return;
  }
  await browser.tabs.insertCSS(tabId, { file: HIGHLIGHTS_CSS, allFrames: true });
  await browser.tabs.executeScript(tabId, { file: LENS_JS, allFrames: true });
}

/**
 * Runs one of our scripts in one frame of a tab: the lens where the scout saw text that may
 * mention something (the scout's stylesheet is there already), the card's code at the lens's
 * first hover.
 */
export async function runInFrame(tabId: number, frameId: number, script: 'lens' | 'card'): Promise<void> {
  const file = script === 'lens' ? LENS_JS : CARD_JS;
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.executeScript) {
    await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return;
  }
  await browser.tabs.executeScript(tabId, { file, frameId });
}
