/** "Lens on this site": one switch for the tab's site, asking for the site's permission if needed. */
import type { SiteState } from '../utils/sites';

export function SiteSwitch({
  host,
  state,
  busy,
  onChange,
}: {
  host: string;
  state: SiteState;
  busy: boolean;
  onChange: (on: boolean) => void;
}) {
  const on = state === 'on';
  return (
    <label class="site-switch">
      <input type="checkbox" checked={on} disabled={busy} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>
        Lens on <strong>{host}</strong>
        <span class="muted-line">
          {state === 'on' && 'Names on this site are highlighted.'}
          {state === 'off' && 'Turned off here. Switch on to highlight names again.'}
          {state === 'not-enabled' &&
            'Not allowed here yet. Switch on to allow the lens here (your browser asks first).'}
        </span>
      </span>
    </label>
  );
}
