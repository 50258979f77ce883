import data from 'virtual:lens-data';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { PageMentions } from '../utils/messages';

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
      <section aria-labelledby="on-this-page">
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
