/**
 * The extension's keyboard shortcuts as the browser has bound them (a default the browser
 * refused shows as "not set"), and where the reader changes them.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';

interface Command {
  readonly name?: string;
  readonly description?: string;
  readonly shortcut?: string;
}

/** Chromium's page for every extension's shortcuts; Firefox has no address for its own. */
const CHROMIUM_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

export function ShortcutsList({ locale }: { locale: UiLocale }) {
  const [commands, setCommands] = useState<readonly Command[]>();
  useEffect(() => {
    browser.commands.getAll().then(setCommands, () => setCommands([]));
  }, []);
  // Commands without a description are the browser's own (the toolbar button's "_execute_…").
  const listed = commands?.filter((command) => command.description);
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" class="section-title">
        {t(locale, 'popup.shortcuts')}
      </h2>
      {listed && listed.length === 0 && <p class="muted-line">{t(locale, 'popup.shortcutsNone')}</p>}
      {listed && listed.length > 0 && (
        <>
          <p class="muted-line">{t(locale, 'popup.shortcutsIntro')}</p>
          <dl class="shortcut-list">
            {listed.map((command) => (
              <div key={command.name}>
                <dt>
                  {command.shortcut ? <kbd>{command.shortcut}</kbd> : <em>{t(locale, 'popup.shortcutUnset')}</em>}
                </dt>
                <dd>{command.description}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {import.meta.env.FIREFOX ? (
        <p class="muted-line">{t(locale, 'popup.shortcutsFirefox')}</p>
      ) : (
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.tabs.create({ url: CHROMIUM_SHORTCUTS_PAGE })}
        >
          {t(locale, 'popup.shortcutsChange')}
        </button>
      )}
    </section>
  );
}
