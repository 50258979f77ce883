/**
 * The toolbar popup: the site switch, search over the whole dataset with entity, deal and figure
 * views (Back, Escape or Alt+← return to the results), what the tab mentions (following the
 * switch), and the keyboard shortcuts. Opened by the context menu's "Look up" too, as a window
 * with the selection (`?q=`) and the tab it came from (`?tab=`).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { saveSettings } from '../utils/browser/settings-store';
import { readSearchData } from '../utils/browser/shipped-data';
import type { CardData, DealDetail as DealDetailData } from '../utils/dataset/card-data';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import { type PageMentions, parseMessage, sendRequest } from '../utils/messages';
import type { SearchData } from '../utils/search/search-data';
import type { SearchHit, SearchIndex } from '../utils/search/search-index';
import { siteOf } from '../utils/settings';
import { isListedSite, sitePattern, siteState } from '../utils/sites';
import { DealDetail } from './DealDetail';
import { EntityCard } from './EntityCard';
import { FigureView } from './FigureView';
import { PageMentionsList } from './PageMentionsList';
import { optionId, orderedHits, RESULTS_ID, SearchResults } from './SearchResults';
import { ShortcutsList } from './ShortcutsList';
import { SiteSwitch } from './SiteSwitch';
import { useUiLocale } from './use-locale';
import { useSettings } from './use-settings';

type View =
  | { kind: 'entity'; id: string }
  | { kind: 'deal'; id: string }
  | { kind: 'figure'; id: string; series: number };
type PageState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; page: PageMentions };
interface TargetTab {
  readonly id: number;
  readonly host?: string;
}

const HEADING_ID = 'detail-heading';
const params = new URLSearchParams(location.search);
/**
 * Once the popup has painted: a task after its first animation frame (or after 100 ms, should the
 * page be hidden and paint nothing).
 */
const afterFirstPaint = new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
});
// The search data (1.7 MB of JSON) and fuse.js with the index code (a chunk of its own) are read
// once the popup has painted: read from the start, their parsing fell before the first paint and
// delayed it by ~20 ms. Results follow as soon as both are ready (docs/BENCHMARKS.md).
const search: Promise<{ data: SearchData; index: SearchIndex }> = afterFirstPaint
  .then(() => Promise.all([readSearchData(), import('../utils/search/search-index')]))
  .then(([data, { SearchIndex }]) => {
    const index = new SearchIndex(data);
    performance.mark('lens-search-ready');
    return { data, index };
  });

/** A card or deal view comes from the background, which holds the records. */
const toBackground = (message: object) => browser.runtime.sendMessage(message);
function viewData(view: View, locale: UiLocale): Promise<CardData | DealDetailData | null> {
  // A figure's view is drawn from the card of the entity that publishes it.
  const asked =
    view.kind === 'deal'
      ? sendRequest(toBackground, 'get-deal', { id: view.id, locale })
      : sendRequest(toBackground, 'get-card', { id: view.id, locale });
  return asked.catch(() => null);
}

/** The entity, deal or figure the view shows, once the background sent its data. */
function Detail({
  view,
  locale,
  mentionCount,
  open,
  back,
}: {
  view: View;
  locale: UiLocale;
  mentionCount: number | undefined;
  open: (next: View) => void;
  back: () => void;
}) {
  const [loaded, setLoaded] = useState<{ view: View; card: CardData | DealDetailData | null }>();
  useEffect(() => {
    let current = true;
    void viewData(view, locale).then((card) => {
      if (current) setLoaded({ view, card });
    });
    return () => {
      current = false;
    };
  }, [view, locale]);
  if (loaded?.view !== view) return <p class="muted-line">{t(locale, 'card.loading')}</p>;
  if (!loaded.card) return <p class="muted-line">{t(locale, 'popup.notInDataset')}</p>;
  const onSelectEntity = (id: string) => open({ kind: 'entity', id });
  if (view.kind === 'figure' && 'entity' in loaded.card) {
    return (
      <FigureView
        card={loaded.card}
        series={view.series}
        locale={locale}
        headingId={HEADING_ID}
        onSelectEntity={onSelectEntity}
        onBack={back}
      />
    );
  }
  return 'entity' in loaded.card ? (
    <EntityCard
      card={loaded.card}
      headingId={HEADING_ID}
      mentionCount={mentionCount}
      onSelectEntity={onSelectEntity}
      onBack={back}
    />
  ) : (
    <DealDetail detail={loaded.card} headingId={HEADING_ID} onSelectEntity={onSelectEntity} onBack={back} />
  );
}

/** The tab the popup is about: the one it was opened for, or the active one. */
async function targetTab(): Promise<TargetTab | undefined> {
  const fromUrl = Number(params.get('tab'));
  const tab =
    Number.isInteger(fromUrl) && params.has('tab')
      ? await browser.tabs.get(fromUrl)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, host: siteOf(tab.url) };
}

async function askTab(tab: TargetTab): Promise<PageState> {
  try {
    const page = await sendRequest(
      (message) => browser.tabs.sendMessage(tab.id, message, { frameId: 0 }),
      'get-page-mentions',
      {},
    );
    return page ? { status: 'ready', page } : { status: 'unavailable' };
  } catch {
    // No content script in this tab: a site the lens is not on, or a browser page.
    return { status: 'unavailable' };
  }
}

export function Popup() {
  const [ready, setReady] = useState<{ data: SearchData; index: SearchIndex }>();
  useEffect(() => {
    void search.then(setReady);
  }, []);
  const { data, index } = ready ?? {};
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [active, setActive] = useState(0);
  const [history, setHistory] = useState<View[]>([]);
  const [tab, setTab] = useState<TargetTab>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const settings = useSettings();
  const locale = useUiLocale(settings);
  const [busy, setBusy] = useState(false);
  /** Does the extension hold the permission for the tab's site (listed sites too need granting)? */
  const [access, setAccess] = useState(false);
  const hits = useMemo(() => (index ? orderedHits(index.search(query)).flat() : []), [index, query]);
  const view = history[history.length - 1];
  const searchBox = useRef<HTMLInputElement>(null);
  /** Is the lens meant to run on the tab's site? When not, what the page once named is stale. */
  const lensOn = tab?.host !== undefined && access && siteState(tab.host, settings) === 'on';

  useEffect(() => {
    targetTab().then(
      async (found) => {
        const state = found ? await askTab(found) : { status: 'unavailable' as const };
        // The tab's URL needs a host permission (or activeTab); the lens in the page knows it anyway.
        const host = found?.host ?? (state.status === 'ready' ? siteOf(state.page.url) : undefined);
        // Known before the switch shows, so it never shows the wrong state first.
        setAccess(host ? await browser.permissions.contains({ origins: [sitePattern(host)] }) : false);
        setTab(found && { ...found, host });
        setPage(state);
      },
      () => setPage({ status: 'unavailable' }),
    );
  }, []);
  // The lens tells the background when the page's mentions change (for the badge); the popup
  // hears it too, so "On this page" fills in as the lens finishes a scan, after the switch too.
  useEffect(() => {
    if (!tab) return;
    const onMessage = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number; id?: string }) => {
      if (sender.id !== browser.runtime.id || sender.tab?.id !== tab.id || sender.frameId !== 0) return;
      if (parseMessage(raw, ['page-mentions-changed'])) void askTab(tab).then(setPage);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tab]);

  const open = (next: View) => setHistory((views) => [...views, next]);
  /** One view back; from the first, to the results (or the start), with the search box focused. */
  const back = () => {
    setHistory((views) => views.slice(0, -1));
    if (history.length <= 1) searchBox.current?.focus();
  };
  // Escape and Alt+← go back from a view, wherever the focus is (the search box's own Escape
  // clears the query when no view is open).
  useEffect(() => {
    if (!view) return;
    const onKey = (event: KeyboardEvent) => {
      const wantsBack = (event.key === 'Escape' && !event.altKey) || (event.key === 'ArrowLeft' && event.altKey);
      if (!wantsBack || event.defaultPrevented) return;
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  const openHit = (hit: SearchHit) => {
    if (hit.kind === 'entity') open({ kind: 'entity', id: hit.entity.id });
    else if (hit.kind === 'deal') open({ kind: 'deal', id: hit.deal.id });
    else open({ kind: 'figure', id: hit.figure.entity, series: hit.figure.series });
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      openHit(hits[active] as SearchHit);
    } else if (event.key === 'Escape' && query && !view) {
      event.preventDefault();
      setQuery('');
    }
  };
  const reveal = async (id: string) => {
    if (!tab) return;
    const tabId = tab.id;
    await sendRequest((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }), 'reveal-mention', {
      id,
    }).catch(() => undefined);
    await browser.tabs.update(tab.id, { active: true }).catch(() => undefined);
    window.close();
  };
  const switchSite = async (on: boolean) => {
    const host = tab?.host;
    if (!tab || !host) return;
    setBusy(true);
    try {
      if (on && !settings.allSites) {
        // Must run in the click's user gesture: nothing awaited before it. A listed site is
        // asked for too: its access is granted on the first-run page, and may not have been.
        const granted = await browser.permissions.request({ origins: [sitePattern(host)] });
        if (!granted) return;
        setAccess(true);
      }
      await saveSettings((current) => ({
        ...current,
        disabledSites: on ? current.disabledSites.filter((site) => site !== host) : [...current.disabledSites, host],
        enabledSites:
          on && !(isListedSite(host) && access) ? [...new Set([...current.enabledSites, host])] : current.enabledSites,
      }));
      // The open page gets the lens now: a lens already there ignores the second copy and
      // follows the settings; a scout alone (the lens was off) hands over to it.
      if (on) {
        await sendRequest((message) => browser.runtime.sendMessage(message), 'start-lens-in-tab', { tabId: tab.id });
        setPage(await askTab(tab));
      }
    } finally {
      setBusy(false);
    }
  };

  const searching = query.trim() !== '';
  const detailId = 'detail';

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t(locale, 'app.name')}</h1>
        <p class="dataset-line">
          {data
            ? t(locale, 'popup.datasetLine', {
                entities: data.entities.length,
                deals: data.deals.length,
                date: data.dataAsOf,
              })
            : ' '}
        </p>
      </header>
      {tab?.host && (
        <SiteSwitch
          host={tab.host}
          state={access ? siteState(tab.host, settings) : 'not-enabled'}
          locale={locale}
          busy={busy}
          onChange={(on) => void switchSite(on)}
        />
      )}
      <input
        class="search"
        type="search"
        role="combobox"
        ref={searchBox}
        aria-expanded={searching && !view && hits.length > 0}
        aria-controls={view ? detailId : RESULTS_ID}
        aria-activedescendant={searching && !view && hits[active] ? optionId(hits[active] as SearchHit) : undefined}
        aria-label={t(locale, 'popup.searchLabel')}
        placeholder={t(locale, 'popup.searchPlaceholder')}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
          // Typing starts a new search: the results replace any open view.
          setHistory([]);
        }}
        onKeyDown={onSearchKey}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing should start at once
        autoFocus
      />
      {searching && !view && (
        <SearchResults hits={hits} query={query} active={active} locale={locale} onOpen={openHit} />
      )}
      {view && (
        <div class="detail" id={detailId}>
          <Detail
            view={view}
            locale={locale}
            mentionCount={
              page.status === 'ready' ? page.page.mentions.find((mention) => mention.id === view.id)?.count : undefined
            }
            open={open}
            back={back}
          />
        </div>
      )}
      {!searching && !view && (
        <>
          <section aria-labelledby="on-this-page">
            <h2 id="on-this-page" class="section-title">
              {t(locale, 'popup.onThisPage')}
            </h2>
            {page.status === 'loading' && <p class="muted-line">{t(locale, 'popup.readingPage')}</p>}
            {page.status === 'unavailable' && <p class="muted-line">{t(locale, 'popup.notRunning')}</p>}
            {page.status === 'ready' && !lensOn && <p class="muted-line">{t(locale, 'popup.lensOffHere')}</p>}
            {page.status === 'ready' && lensOn && data && (
              <PageMentionsList page={page.page} data={data} locale={locale} onReveal={(id) => void reveal(id)} />
            )}
          </section>
          <ShortcutsList locale={locale} />
        </>
      )}
      <footer class="popup-footer">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
          {t(locale, 'popup.settings')}
        </a>
        {data && <span>{t(locale, 'popup.dataset', { version: data.version })}</span>}
      </footer>
    </main>
  );
}
