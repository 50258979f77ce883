/** "Lens on this site": one switch for the tab's site, asking for the site's permission if needed. */
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import type { SiteState } from '../utils/sites';

export function SiteSwitch({
  host,
  state,
  busy,
  locale,
  onChange,
}: {
  host: string;
  state: SiteState;
  busy: boolean;
  locale: UiLocale;
  onChange: (on: boolean) => void;
}) {
  const on = state === 'on';
  // The host goes in bold where the sentence puts it (left unfilled by t, then split there).
  const [before = '', after = ''] = t(locale, 'popup.lensOn', {}).split('{host}');
  return (
    <label class="site-switch">
      <input type="checkbox" checked={on} disabled={busy} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>
        {before}
        <strong>{host}</strong>
        {after}
        <span class="muted-line">
          {state === 'on' && t(locale, 'popup.siteOn')}
          {state === 'off' && t(locale, 'popup.siteOff')}
          {state === 'not-enabled' && t(locale, 'popup.siteNotEnabled')}
        </span>
      </span>
    </label>
  );
}
