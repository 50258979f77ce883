import data from 'virtual:lens-data';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { PageMentions } from '../utils/messages';
import { SearchIndex } from '../utils/search/search-index';
import { SearchResults } from './SearchResults';

type PageState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; page: PageMentions };

async function askActiveTab(): Promise<PageState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { status: 'unavailable' };
  try {
    const page = (await browser.tabs.sendMessage(tab.id, { type: 'get-page-mentions' })) as PageMentions;
    return { status: 'ready', page };
  } catch {
    // No content script in this tab: a site the lens is not enabled on, or a browser page.
    return { status: 'unavailable' };
  }
}

export function Popup() {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const index = useMemo(() => new SearchIndex(data), []);
  const hits = useMemo(() => index.search(query), [index, query]);
  useEffect(() => {
    askActiveTab().then(setPage, () => setPage({ status: 'unavailable' }));
  }, []);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>China–Russia Lens</h1>
        <p class="dataset-line">
          {data.entities.length} entities · {data.deals.length} deals · data to {data.dataAsOf}
        </p>
      </header>
      <input
        class="search"
        type="search"
        aria-label="Search people, firms, projects and deals"
        placeholder="Search: Gazprom, Сила Сибири, 中石油…"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing should start at once
        autoFocus
      />
      <SearchResults hits={hits} query={query} />
      <section aria-labelledby="on-this-page" hidden={query.trim() !== ''}>
        <h2 id="on-this-page">On this page</h2>
        {page.status === 'loading' && <p>Reading the page…</p>}
        {page.status === 'unavailable' && <p>The lens is not running on this page.</p>}
        {page.status === 'ready' && (
          <p data-testid="page-mentions">
            {page.page.mentions.length === 0
              ? 'No known names found on this page.'
              : `${page.page.mentions.length} known names on this page.`}
          </p>
        )}
      </section>
      <footer class="popup-footer">Dataset {data.version}</footer>
    </main>
  );
}
