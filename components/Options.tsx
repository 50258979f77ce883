/**
 * The options page: what is highlighted and how, when cards open, the theme, and the sites the
 * lens runs on. Every change is saved at once and applies to open tabs live.
 */
import { useState } from 'preact/hooks';
import { browser } from '#imports';
import { resetSettings, saveSettings } from '../utils/browser/settings-store';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  type Category,
  COLOR_TONE,
  COLORS,
  MAX_HOVER_DELAY_MS,
  MIN_HOVER_DELAY_MS,
  type Settings,
} from '../utils/settings';
import { ALL_SITES_PATTERN, sitePattern } from '../utils/sites';
import { useSettings } from './use-settings';

function Choice<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} class="choice">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function SiteList({
  title,
  sites,
  empty,
  onRemove,
}: {
  title: string;
  sites: readonly string[];
  empty: string;
  onRemove: (site: string) => void;
}) {
  return (
    <div class="site-list">
      <h3>{title}</h3>
      {sites.length === 0 ? (
        <p class="muted-line">{empty}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="small" onClick={() => onRemove(site)} aria-label={`Remove ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Options() {
  const settings = useSettings();
  const [status, setStatus] = useState('');

  // Saved settings come back through `useSettings`, as they reach every other page.
  const update = (change: (current: Settings) => Settings) => {
    saveSettings(change).then(
      () => setStatus('Saved. Open pages use it now.'),
      (error: unknown) => setStatus(`Could not save: ${String(error)}`),
    );
  };
  const updateCategory = (category: Category, change: Partial<Settings['categories'][Category]>) =>
    update((s) => ({ ...s, categories: { ...s.categories, [category]: { ...s.categories[category], ...change } } }));
  const setAllSites = async (on: boolean) => {
    // The permission prompt needs the click's user gesture: nothing awaited before it.
    if (on && !(await browser.permissions.request({ origins: [ALL_SITES_PATTERN] }))) return;
    if (!on) await browser.permissions.remove({ origins: [ALL_SITES_PATTERN] }).catch(() => false);
    update((current) => ({ ...current, allSites: on }));
  };

  return (
    <main class="options">
      <h1>China–Russia Lens settings</h1>
      <p class="muted-line" role="status" aria-live="polite">
        {status || 'Changes are saved as you make them.'}
      </p>

      <section aria-labelledby="highlights">
        <h2 id="highlights">Highlights</h2>
        <table class="categories">
          <thead>
            <tr>
              <th scope="col">Show</th>
              <th scope="col">Colour</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((category) => {
              const current = settings.categories[category];
              return (
                <tr key={category}>
                  <td>
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={current.enabled}
                        onChange={(event) => updateCategory(category, { enabled: event.currentTarget.checked })}
                      />
                      {CATEGORY_LABEL[category]}
                    </label>
                  </td>
                  <td>
                    <fieldset class="swatches" aria-label={`Colour for ${CATEGORY_LABEL[category]}`}>
                      {COLORS.map((color) => (
                        <label key={color} class="swatch" title={color} style={{ background: COLOR_TONE[color] }}>
                          <input
                            type="radio"
                            name={`color-${category}`}
                            value={color}
                            aria-label={color}
                            checked={current.color === color}
                            onChange={() => updateCategory(category, { color })}
                          />
                        </label>
                      ))}
                    </fieldset>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Choice
          name="style"
          legend="Style"
          value={settings.style}
          options={[
            ['fill', 'Tinted background'],
            ['underline', 'Underline only'],
          ]}
          onChange={(style) => update((s) => ({ ...s, style }))}
        />
        <Choice
          name="mentions"
          legend="Mentions"
          value={settings.mentions}
          options={[
            ['all', 'Every mention'],
            ['first', 'Only the first mention of each name'],
          ]}
          onChange={(mentions) => update((s) => ({ ...s, mentions }))}
        />
      </section>

      <section aria-labelledby="cards">
        <h2 id="cards">Cards</h2>
        <Choice
          name="trigger"
          legend="Open a card"
          value={settings.trigger}
          options={[
            ['hover', 'When the pointer rests on a name'],
            ['hover-alt', 'When the pointer rests on a name with Alt held'],
            ['click', 'Only on click'],
          ]}
          onChange={(trigger) => update((s) => ({ ...s, trigger }))}
        />
        <label class="field">
          Delay before a card opens (ms)
          <input
            type="number"
            min={MIN_HOVER_DELAY_MS}
            max={MAX_HOVER_DELAY_MS}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(event) => {
              const value = Math.round(Number(event.currentTarget.value));
              if (value >= MIN_HOVER_DELAY_MS && value <= MAX_HOVER_DELAY_MS)
                update((s) => ({ ...s, hoverDelayMs: value }));
              else setStatus(`The delay must be between ${MIN_HOVER_DELAY_MS} and ${MAX_HOVER_DELAY_MS} ms.`);
            }}
          />
        </label>
        <Choice
          name="theme"
          legend="Theme"
          value={settings.theme}
          options={[
            ['auto', 'Match the page (cards) and the system (these pages)'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
          onChange={(theme) => update((s) => ({ ...s, theme }))}
        />
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites</h2>
        <p class="muted-line">
          The lens runs on a list of major news sites in English, Russian and Chinese without asking. Turn it on for any
          other site from the toolbar button while you are there.
        </p>
        <SiteList
          title="Turned off"
          sites={settings.disabledSites}
          empty="None: the lens runs on every listed site."
          onRemove={(site) =>
            update((s) => ({ ...s, disabledSites: s.disabledSites.filter((other) => other !== site) }))
          }
        />
        <SiteList
          title="Turned on by you"
          sites={settings.enabledSites}
          empty="None yet."
          onRemove={(site) => {
            void browser.permissions.remove({ origins: [sitePattern(site)] }).catch(() => false);
            update((s) => ({ ...s, enabledSites: s.enabledSites.filter((other) => other !== site) }));
          }}
        />
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.allSites}
            onChange={(event) => void setAllSites(event.currentTarget.checked)}
          />
          Run on every site (your browser asks for access to all sites)
        </label>
      </section>

      <section aria-labelledby="reset">
        <h2 id="reset">Reset</h2>
        <button
          type="button"
          onClick={() => {
            void resetSettings().then(() => setStatus('Back to the defaults.'));
          }}
        >
          Reset to defaults
        </button>
      </section>
    </main>
  );
}
