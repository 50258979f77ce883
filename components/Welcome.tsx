/**
 * The first-run page: the extension has no site access at install, and this is where the reader
 * grants the listed news sites, in one click (the browser confirms). What it says here is what
 * the manifest asks for, the README and the store description say.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { MessageKey } from '../utils/i18n/t';
import { t } from '../utils/i18n/t';
import { CURATED_MATCH_PATTERNS, CURATED_NEWS_DOMAINS } from '../utils/sites';
import { useUiLocale } from './use-locale';
import { useSettings } from './use-settings';

export function Welcome() {
  const settings = useSettings();
  const locale = useUiLocale(settings);
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState<MessageKey | undefined>(undefined);
  useEffect(() => {
    void browser.permissions.contains({ origins: [...CURATED_MATCH_PATTERNS] }).then(setGranted);
  }, []);
  const grant = async () => {
    // The permission prompt needs the click's user gesture: nothing awaited before it.
    const ok = await browser.permissions.request({ origins: [...CURATED_MATCH_PATTERNS] });
    setGranted(ok);
    setStatus(ok ? 'welcome.done' : 'welcome.notAllowed');
  };
  const count = CURATED_NEWS_DOMAINS.length;
  return (
    <main class="options">
      <h1>{t(locale, 'app.name')}</h1>
      <p>
        <strong>{t(locale, 'welcome.intro')}</strong> {t(locale, 'welcome.introMore')}
      </p>
      <section aria-labelledby="listed">
        <h2 id="listed">{t(locale, 'welcome.listed', { count })}</h2>
        <p class="muted-line">{CURATED_NEWS_DOMAINS.join(', ')}</p>
        {granted ? (
          <p role="status">{t(locale, 'welcome.isOn')}</p>
        ) : (
          <button type="button" onClick={() => void grant()} disabled={granted === undefined}>
            {t(locale, 'welcome.allow', { count })}
          </button>
        )}
        <p class="muted-line" role="status" aria-live="polite">
          {status && t(locale, status)}
        </p>
      </section>
      <section aria-labelledby="others">
        <h2 id="others">{t(locale, 'welcome.others')}</h2>
        <p>{t(locale, 'welcome.othersText')}</p>
      </section>
    </main>
  );
}
