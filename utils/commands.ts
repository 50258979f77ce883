/**
 * The keyboard commands: one place for their names, default keys and descriptions, read by the
 * manifest (wxt.config.ts), the background (what each does), and the pages that show the keys.
 *
 * The defaults are keys Chromium and Firefox both bind at install (checked with
 * `commands.getAll()` in tests/e2e/keyboard.e2e.test.ts). Chromium leaves a suggested key unbound
 * when it keeps it for itself: Alt+Shift+N and Alt+Shift+P, documented before, came out empty.
 * J and K step forward and back as in many readers and mail clients; with Alt+Shift they clash
 * with no shortcut of either browser, and no menu's access key in English, Russian or German.
 * The reader can change them on the browser's own page: chrome://extensions/shortcuts in Chromium,
 * `commands.openShortcutSettings()` in Firefox.
 */

export interface KeyboardCommand {
  /** Which way it steps through the page's mentions. */
  readonly direction: 1 | -1;
  /** The suggested key, in the manifest's syntax. */
  readonly defaultKey: string;
  readonly description: string;
}

export const KEYBOARD_COMMANDS = {
  'next-mention': {
    direction: 1,
    defaultKey: 'Alt+Shift+J',
    description: 'Open the card of the next mention on the page',
  },
  'previous-mention': {
    direction: -1,
    defaultKey: 'Alt+Shift+K',
    description: 'Open the card of the previous mention on the page',
  },
} as const satisfies Record<string, KeyboardCommand>;

export type CommandName = keyof typeof KEYBOARD_COMMANDS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(KEYBOARD_COMMANDS, name);
}

/** The manifest's `commands`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    Object.entries(KEYBOARD_COMMANDS).map(([name, command]) => [
      name,
      { suggested_key: { default: command.defaultKey }, description: command.description },
    ]),
  );
}
