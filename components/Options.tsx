/**
 * The options page: what is highlighted and how, when cards open, the theme, and the sites the
 * lens runs on. Every change is saved at once and applies to open tabs live.
 */
import { useState } from 'preact/hooks';
import { browser } from '#imports';
import { resetSettings, saveSettings } from '../utils/browser/settings-store';
import { LANGUAGE_CHOICES } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import {
  CATEGORIES,
  type Category,
  COLOR_TONE,
  COLORS,
  MAX_HOVER_DELAY_MS,
  MIN_HOVER_DELAY_MS,
  type Settings,
} from '../utils/settings';
import { ALL_SITES_PATTERN, sitePattern } from '../utils/sites';
import { useUiLocale } from './use-locale';
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

/** A list of names with one button each (sites to remove, muted entities to mark again). */
function RemovableList({
  title,
  items,
  empty,
  buttonText,
  buttonLabel,
  onRemove,
}: {
  title: string;
  items: readonly { readonly key: string; readonly label: string }[];
  empty: string;
  buttonText: string;
  buttonLabel: (label: string) => string;
  onRemove: (key: string) => void;
}) {
  return (
    <div class="site-list">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p class="muted-line">{empty}</p>
      ) : (
        <ul>
          {items.map(({ key, label }) => (
            <li key={key}>
              <span>{label}</span>
              <button type="button" class="small" onClick={() => onRemove(key)} aria-label={buttonLabel(label)}>
                {buttonText}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const siteItems = (sites: readonly string[]) => sites.map((site) => ({ key: site, label: site }));

export function Options() {
  const settings = useSettings();
  const locale = useUiLocale(settings);
  const [status, setStatus] = useState('');

  // Saved settings come back through `useSettings`, as they reach every other page.
  const update = (change: (current: Settings) => Settings) => {
    saveSettings(change).then(
      () => setStatus(t(locale, 'options.saved')),
      (error: unknown) => setStatus(t(locale, 'options.saveFailed', { error: String(error) })),
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
      <h1>{t(locale, 'options.title')}</h1>
      <p class="muted-line" role="status" aria-live="polite">
        {status || t(locale, 'options.autosave')}
      </p>

      <section aria-labelledby="highlights">
        <h2 id="highlights">{t(locale, 'options.highlights')}</h2>
        <table class="categories">
          <thead>
            <tr>
              <th scope="col">{t(locale, 'options.show')}</th>
              <th scope="col">{t(locale, 'options.colour')}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((category) => {
              const current = settings.categories[category];
              const label = t(locale, `category.${category}`);
              return (
                <tr key={category}>
                  <td>
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={current.enabled}
                        onChange={(event) => updateCategory(category, { enabled: event.currentTarget.checked })}
                      />
                      {label}
                    </label>
                  </td>
                  <td>
                    <fieldset class="swatches" aria-label={t(locale, 'options.colourFor', { category: label })}>
                      {COLORS.map((color) => (
                        <label
                          key={color}
                          class="swatch"
                          title={t(locale, `color.${color}`)}
                          style={{ background: COLOR_TONE[color] }}
                        >
                          <input
                            type="radio"
                            name={`color-${category}`}
                            value={color}
                            aria-label={t(locale, `color.${color}`)}
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
          legend={t(locale, 'options.style')}
          value={settings.style}
          options={[
            ['fill', t(locale, 'options.styleFill')],
            ['underline', t(locale, 'options.styleUnderline')],
          ]}
          onChange={(style) => update((s) => ({ ...s, style }))}
        />
        <Choice
          name="mentions"
          legend={t(locale, 'options.mentions')}
          value={settings.mentions}
          options={[
            ['all', t(locale, 'options.mentionsAll')],
            ['first', t(locale, 'options.mentionsFirst')],
          ]}
          onChange={(mentions) => update((s) => ({ ...s, mentions }))}
        />
      </section>

      <section aria-labelledby="cards">
        <h2 id="cards">{t(locale, 'options.cards')}</h2>
        <Choice
          name="trigger"
          legend={t(locale, 'options.trigger')}
          value={settings.trigger}
          options={[
            ['hover', t(locale, 'options.triggerHover')],
            ['hover-alt', t(locale, 'options.triggerAlt')],
            ['click', t(locale, 'options.triggerClick')],
          ]}
          onChange={(trigger) => update((s) => ({ ...s, trigger }))}
        />
        <label class="field">
          {t(locale, 'options.delay')}
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
              else setStatus(t(locale, 'options.delayRange', { min: MIN_HOVER_DELAY_MS, max: MAX_HOVER_DELAY_MS }));
            }}
          />
        </label>
        <Choice
          name="theme"
          legend={t(locale, 'options.theme')}
          value={settings.theme}
          options={[
            ['auto', t(locale, 'options.themeAuto')],
            ['light', t(locale, 'options.themeLight')],
            ['dark', t(locale, 'options.themeDark')],
          ]}
          onChange={(theme) => update((s) => ({ ...s, theme }))}
        />
        <Choice
          name="language"
          legend={t(locale, 'options.language')}
          value={settings.language}
          options={LANGUAGE_CHOICES.map((choice) => [
            choice,
            choice === 'auto' ? t(locale, 'options.languageAuto') : t(locale, `lang.${choice}`),
          ])}
          onChange={(language) => update((s) => ({ ...s, language }))}
        />
        <RemovableList
          title={t(locale, 'options.muted')}
          items={settings.mutedEntities.map(({ id, name }) => ({ key: id, label: name }))}
          empty={t(locale, 'options.mutedEmpty')}
          buttonText={t(locale, 'options.unmute')}
          buttonLabel={(name) => t(locale, 'options.unmuteLabel', { name })}
          onRemove={(id) =>
            update((s) => ({ ...s, mutedEntities: s.mutedEntities.filter((muted) => muted.id !== id) }))
          }
        />
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">{t(locale, 'options.sites')}</h2>
        <p class="muted-line">{t(locale, 'options.sitesIntro')}</p>
        <RemovableList
          title={t(locale, 'options.turnedOff')}
          items={siteItems(settings.disabledSites)}
          empty={t(locale, 'options.turnedOffEmpty')}
          buttonText={t(locale, 'options.remove')}
          buttonLabel={(site) => t(locale, 'options.removeLabel', { site })}
          onRemove={(site) =>
            update((s) => ({ ...s, disabledSites: s.disabledSites.filter((other) => other !== site) }))
          }
        />
        <RemovableList
          title={t(locale, 'options.turnedOn')}
          items={siteItems(settings.enabledSites)}
          empty={t(locale, 'options.turnedOnEmpty')}
          buttonText={t(locale, 'options.remove')}
          buttonLabel={(site) => t(locale, 'options.removeLabel', { site })}
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
          {t(locale, 'options.allSites')}
        </label>
      </section>

      <section aria-labelledby="reset">
        <h2 id="reset">{t(locale, 'options.reset')}</h2>
        <button
          type="button"
          onClick={() => {
            void resetSettings().then(() => setStatus(t(locale, 'options.resetDone')));
          }}
        >
          {t(locale, 'options.resetButton')}
        </button>
      </section>
    </main>
  );
}
