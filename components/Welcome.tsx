/**
 * The first-run page: the extension has no site access at install, and this is where the reader
 * grants the listed news sites, in one click (the browser confirms). What it says here is what
 * the manifest asks for, the README and the store description say.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { CURATED_MATCH_PATTERNS, CURATED_NEWS_DOMAINS } from '../utils/sites';

export function Welcome() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void browser.permissions.contains({ origins: [...CURATED_MATCH_PATTERNS] }).then(setGranted);
  }, []);
  const grant = async () => {
    // The permission prompt needs the click's user gesture: nothing awaited before it.
    const ok = await browser.permissions.request({ origins: [...CURATED_MATCH_PATTERNS] });
    setGranted(ok);
    setStatus(ok ? 'Done: open an article on one of these sites.' : 'Not allowed: nothing changed.');
  };
  return (
    <main class="options">
      <h1>China–Russia Lens</h1>
      <p>
        The lens has <strong>no access to any website</strong> until you allow it. It reads the pages of the sites you
        allow on your computer, and sends nothing anywhere.
      </p>
      <section aria-labelledby="listed">
        <h2 id="listed">{CURATED_NEWS_DOMAINS.length} listed news sites</h2>
        <p class="muted-line">{CURATED_NEWS_DOMAINS.join(', ')}</p>
        {granted ? (
          <p role="status">The lens is on for these sites.</p>
        ) : (
          <button type="button" onClick={() => void grant()} disabled={granted === undefined}>
            Allow the lens on these {CURATED_NEWS_DOMAINS.length} sites
          </button>
        )}
        <p class="muted-line" role="status" aria-live="polite">
          {status}
        </p>
      </section>
      <section aria-labelledby="others">
        <h2 id="others">Any other site</h2>
        <p>
          Open the toolbar button on that site and switch the lens on there; your browser asks you first. The settings
          can also run it on every site.
        </p>
      </section>
    </main>
  );
}
