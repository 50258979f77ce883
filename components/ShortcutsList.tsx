/**
 * The extension's keyboard shortcuts as the browser has bound them (a default the browser
 * refused shows as "not set"), and where the reader changes them.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { POPUP_TEXT } from './popup-strings';

interface Command {
  readonly name?: string;
  readonly description?: string;
  readonly shortcut?: string;
}

/** Chromium's page for every extension's shortcuts; Firefox has no address for its own. */
const CHROMIUM_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

export function ShortcutsList() {
  const [commands, setCommands] = useState<readonly Command[]>();
  useEffect(() => {
    browser.commands.getAll().then(setCommands, () => setCommands([]));
  }, []);
  // Commands without a description are the browser's own (the toolbar button's "_execute_…").
  const listed = commands?.filter((command) => command.description);
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" class="section-title">
        {POPUP_TEXT.shortcuts}
      </h2>
      {listed && listed.length === 0 && <p class="muted-line">{POPUP_TEXT.shortcutsNone}</p>}
      {listed && listed.length > 0 && (
        <>
          <p class="muted-line">{POPUP_TEXT.shortcutsIntro}</p>
          <dl class="shortcut-list">
            {listed.map((command) => (
              <div key={command.name}>
                <dt>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <em>{POPUP_TEXT.shortcutUnset}</em>}</dt>
                <dd>{command.description}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {import.meta.env.FIREFOX ? (
        <p class="muted-line">{POPUP_TEXT.shortcutsFirefox}</p>
      ) : (
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.tabs.create({ url: CHROMIUM_SHORTCUTS_PAGE })}
        >
          {POPUP_TEXT.shortcutsChange}
        </button>
      )}
    </section>
  );
}
