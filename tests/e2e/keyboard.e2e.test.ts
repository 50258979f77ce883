/**
 * The keyboard, in Chromium and Firefox: both commands have a key bound at install (the keys of
 * utils/commands.ts, as `commands.getAll()` reports them), and the commands step through the
 * page's mentions, each card pinned with focus inside, Escape closing it.
 *
 * Automation's key presses reach the page, not the browser's shortcut handling (tried in both
 * browsers: the command never fired), so the keys' binding is read with `commands.getAll()`:
 * directly in Chromium's service worker, and in both browsers through the pinned card, which
 * shows the keys the background reads with it. The commands are fired as close to a key press as
 * automation reaches: in Firefox, the browser window's own shortcut for the key (the <key>
 * element it made for the command); in Chromium, the background's listener (`onCommand.dispatch`).
 */
import { describe, expect, it } from 'vitest';
import { type CommandName, KEYBOARD_COMMANDS } from '../../utils/commands';
import { fixtureUrl } from './harness/fixture-server';
import type { PageDriver } from './harness/page-driver';
import { cardIsClosed, probedCard } from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

const NEXT_KEY = KEYBOARD_COMMANDS['next-mention'].defaultKey;
const PREVIOUS_KEY = KEYBOARD_COMMANDS['previous-mention'].defaultKey;

/** Runs in the page: the viewport point over the middle of the first `text`. */
function pointOf(text: string): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`text not found: ${text}`);
}

function keyboardTests(
  name: string,
  open: (path: string) => Promise<PageDriver>,
  fireCommand: (command: CommandName) => Promise<void>,
) {
  it(`${name}: a pinned card shows both commands’ keys as the browser binds them (commands.getAll)`, async () => {
    const page = await open('card-article.html');
    const point = await page.evaluate(pointOf, 'Rosneft');
    await page.click(point.x, point.y);
    await page.waitFor(
      (keys) => {
        const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
        const text: string = json ? (JSON.parse(json).card?.text ?? '') : '';
        return keys.every((key) => text.includes(key));
      },
      [NEXT_KEY, PREVIOUS_KEY],
      5000,
    );
    await page.press('Escape');
    await page.waitFor(cardIsClosed);
    await page.close();
  });

  it(`${name}: the commands step through the mentions, each card pinned with focus; Escape closes`, async () => {
    const page = await open('card-article.html');
    const headings: string[] = [];
    for (const step of ['next-mention', 'next-mention', 'next-mention', 'previous-mention'] as const) {
      const before = (await page.evaluate(probedCard))?.heading;
      await fireCommand(step);
      await page.waitFor(
        (previous) => {
          const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
          const card = json ? JSON.parse(json).card : null;
          return card?.visible && card.heading && card.heading !== previous;
        },
        before,
        5000,
      );
      const card = await page.evaluate(probedCard);
      expect(card?.focused, `focus in the card after ${step}`).toBe(true);
      expect(card?.text).toContain('Pinned');
      headings.push(card?.heading ?? '');
    }
    // The fixture names Putin, Xi, then Gazprom: forward three, back one.
    expect(headings).toEqual(['Vladimir Putin', 'Xi Jinping', 'Gazprom', 'Xi Jinping']);
    await page.press('Escape');
    await page.waitFor(cardIsClosed);
    await page.close();
  });
}

const server = sharedFixtureServer();

describe('Chromium', () => {
  const chromium = sharedChromium(server);
  keyboardTests(
    'Chromium',
    (path) => chromium().openAnnotated(fixtureUrl(path)),
    async (name) => {
      const tabId = await chromium().activeTabId();
      await chromium().serviceWorker.evaluate(
        ({ name, tabId }) => {
          // The background's own listener, as the browser calls it when the keys are pressed.
          const { commands, tabs } = (
            globalThis as unknown as {
              chrome: {
                commands: { onCommand: { dispatch(name: string, tab: unknown): void } };
                tabs: { get(id: number): Promise<unknown> };
              };
            }
          ).chrome;
          return tabs.get(tabId).then((tab) => commands.onCommand.dispatch(name, tab));
        },
        { name, tabId },
      );
    },
  );

  it('Chromium: commands.getAll() has the suggested key bound for both commands', async () => {
    const bound = await chromium().serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }
      ).chrome.commands.getAll(),
    );
    const keys = Object.fromEntries(bound.map((command) => [command.name, command.shortcut]));
    expect(keys).toMatchObject({ 'next-mention': NEXT_KEY, 'previous-mention': PREVIOUS_KEY });
  });
});

describe('Firefox', () => {
  const firefox = sharedFirefox(server, undefined, { systemAccess: true });
  keyboardTests(
    'Firefox',
    (path) => firefox().openAnnotated(fixtureUrl(path)),
    async (name) => {
      // "Alt+Shift+J" → the key J with the modifiers alt and shift, as Firefox registers it.
      const parts = KEYBOARD_COMMANDS[name].defaultKey.split('+');
      const key = parts.pop() as string;
      const fired = await firefox().fireShortcut(key, parts.map((part) => part.toLowerCase()).join(','));
      expect(fired, `Firefox has a shortcut for ${KEYBOARD_COMMANDS[name].defaultKey}`).toBe(true);
    },
  );
});
