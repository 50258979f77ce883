/** The part of addons-linter's API (it ships no types) that scripts/lint-firefox.ts uses. */
declare module 'addons-linter' {
  export function createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
    run(): Promise<unknown>;
  };
}
