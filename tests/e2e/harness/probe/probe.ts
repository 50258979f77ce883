/**
 * Test-only (never shipped): the content script of a second extension the e2e harness loads next
 * to ours. Like any privileged reader, and unlike the page, it can open closed shadow roots
 * (`chrome.dom.openOrClosedShadowRoot` in Chromium, `openOrClosedShadowRoot` in Firefox), so it
 * tells the tests what the card shows. It publishes a snapshot to the page's window after every
 * frame (`window.__lensProbe`, a JSON string) and measures, as the page-side recorder did before
 * the card's root was closed, the time from the pointer's last move to the start of the frame
 * that first paints each card.
 */
import type { ProbeCommand, ProbeState } from './probe-state';

interface ClosedRootApi {
  chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };
}
type FirefoxElement = Element & { openOrClosedShadowRoot?: ShadowRoot | null };
type FirefoxWindow = Window & { wrappedJSObject?: Record<string, unknown> };

function closedRootOf(element: Element): ShadowRoot | null {
  const chromeDom = (globalThis as ClosedRootApi).chrome?.dom;
  const root = chromeDom?.openOrClosedShadowRoot
    ? chromeDom.openOrClosedShadowRoot(element)
    : ((element as FirefoxElement).openOrClosedShadowRoot ?? null);
  return root && root.mode === 'closed' ? root : null;
}

/** Hosts of closed shadow roots directly under <html> or <body> (where an extension's UI goes). */
function closedHosts(): [Element, ShadowRoot][] {
  const hosts: [Element, ShadowRoot][] = [];
  for (const parent of [document.documentElement, document.body]) {
    for (const child of parent?.children ?? []) {
      const root = closedRootOf(child);
      if (root) hosts.push([child, root]);
    }
  }
  return hosts;
}

function cardState(): ProbeState['card'] {
  for (const [host, root] of closedHosts()) {
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) continue;
    const style = getComputedStyle(dialog);
    const rect = dialog.getBoundingClientRect();
    const labelId = dialog.getAttribute('aria-labelledby') ?? '';
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    return {
      visible: style.visibility === 'visible' && Boolean(dialog.querySelector('h2')),
      heading: root.getElementById(labelId)?.textContent ?? '',
      text: dialog.textContent ?? '',
      inViewport: rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth,
      onTopLayer: dialog.matches(':popover-open'),
      focused: document.activeElement === host && root.activeElement === dialog,
      links: [...dialog.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'),
        rel: a.getAttribute('rel'),
        target: a.getAttribute('target'),
      })),
      factCount: dialog.querySelectorAll('.facts li').length,
      dealCount: dialog.querySelectorAll('.deals li').length,
      relatedCount: dialog.querySelectorAll('.related button').length,
      buttons: [...dialog.querySelectorAll('button')].map((button) => ({
        label: button.getAttribute('aria-label') ?? button.textContent ?? '',
        related: button.closest('.related') !== null,
        ...box(button),
      })),
      position: style.position,
      radius: style.borderTopLeftRadius,
      width: dialog.offsetWidth,
      center: box(dialog),
      rect: { top: rect.top, bottom: rect.bottom, height: rect.height },
      border: `${style.borderTopWidth} ${style.borderTopColor}`,
      personAccent: dialog.style.getPropertyValue('--lens-person'),
      scrollTop: dialog.scrollTop,
      background: style.backgroundColor,
      lang: dialog.querySelector('article')?.getAttribute('lang') ?? '',
    };
  }
  return null;
}

const state: ProbeState = { card: null, latencies: [], lastMoveAt: 0, axe: null, finds: null };

function publish(): void {
  const json = JSON.stringify(state);
  const page = (window as FirefoxWindow).wrappedJSObject;
  // Firefox: straight onto the page's window. Chromium: to the probe's main-world script.
  if (page) page.__lensProbe = json;
  else document.dispatchEvent(new CustomEvent('lens-probe-state', { detail: json }));
}

let lastPoint = '';
addEventListener(
  'pointermove',
  (event) => {
    // Firefox also sends moves at an unchanged position when the content under the pointer
    // changes (as when the card appears): only a real move starts the hover.
    const point = `${event.clientX},${event.clientY}`;
    if (!event.isTrusted || point === lastPoint) return;
    lastPoint = point;
    state.lastMoveAt = event.timeStamp;
  },
  true,
);

let shownBefore = false;
// Each frame is looked at right after it painted (a task queued from its animation-frame
// callback), so a card revealed anywhere in the frame's callbacks counts for that frame.
const onFrame = (frameStart: number) => {
  setTimeout(() => {
    state.card = cardState();
    const shown = state.card?.visible === true;
    if (shown && !shownBefore) state.latencies.push(frameStart - state.lastMoveAt);
    shownBefore = shown;
    publish();
  }, 0);
  requestAnimationFrame(onFrame);
};
requestAnimationFrame(onFrame);

type Axe = { run(context: object, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };

/** axe-core, loaded into this frame's probe by the probe's background (probe-background.ts). */
async function loadAxe(): Promise<Axe> {
  const { browser, chrome } = globalThis as unknown as Record<
    'browser' | 'chrome',
    { runtime: { sendMessage(message: unknown): Promise<unknown> } } | undefined
  >;
  const answer = await (browser ?? chrome)?.runtime.sendMessage('load-axe');
  const axe = (globalThis as { axe?: Axe }).axe;
  if (!axe) throw new Error(`axe-core could not be loaded (${String(answer)})`);
  return axe;
}

document.addEventListener('lens-probe-command', async (event) => {
  const command = JSON.parse(String((event as CustomEvent).detail)) as ProbeCommand;
  if (command.kind === 'count-finds') {
    const runtime = (
      globalThis as { browser?: { runtime: { sendMessage(id: string, message: unknown): Promise<unknown> } } }
    ).browser?.runtime;
    // Unknown until the answer comes (published at once: the command's dispatch is synchronous).
    state.finds = null;
    publish();
    state.finds = Number(await runtime?.sendMessage(command.extensionId, 'count-finds'));
    publish();
    return;
  }
  const dialog = closedHosts()[0]?.[1].querySelector('[role="dialog"]');
  if (!dialog) return;
  if (command.kind === 'scroll-to-button') {
    const button = [...dialog.querySelectorAll('button')].find((candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').startsWith(command.label),
    );
    button?.scrollIntoView({ block: 'center', behavior: 'instant' });
    return;
  }
  // axe-core walks only open shadow roots: it checks a copy of the card (its markup and its
  // stylesheet) in an open one, for the length of the check.
  const copyHost = document.createElement('div');
  try {
    const axe = (globalThis as { axe?: Axe }).axe ?? (await loadAxe());
    const copy = copyHost.attachShadow({ mode: 'open' });
    copy.innerHTML = (dialog.getRootNode() as ShadowRoot).innerHTML;
    copy.querySelector('[role="dialog"]')?.removeAttribute('popover');
    document.body.append(copyHost);
    const result = await axe.run({ include: [copyHost] }, { resultTypes: ['violations'] });
    state.axe = result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  } catch (error) {
    state.axe = [`axe failed: ${String(error)}`];
  } finally {
    copyHost.remove();
  }
  publish();
});
