/**
 * What a test file shares, started before its tests and closed after them: the fixture server
 * for the whole file, a browser for a `describe` block. Each returns an accessor, valid once
 * the file's (or block's) `beforeAll` has run.
 */
import { afterAll, beforeAll } from 'vitest';
import { type ChromiumSession, launchChromium } from './chromium';
import { type FirefoxOptions, type FirefoxSession, launchFirefox } from './firefox';
import { type FixtureServer, startFixtureServer } from './fixture-server';

function startedAround<T extends { close(): Promise<unknown> }>(what: string, start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw new Error(`${what} is not started yet (use it inside a test or hook)`);
    return started;
  };
}

export const sharedFixtureServer = (): (() => FixtureServer) => startedAround('The fixture server', startFixtureServer);

/** `extensionDir`: as `launchChromium` takes it (by default the build with the listed sites granted). */
export const sharedChromium = (server: () => FixtureServer, extensionDir?: string): (() => ChromiumSession) =>
  startedAround('Chromium', () => launchChromium(server().port, extensionDir));

export const sharedFirefox = (
  server: () => FixtureServer,
  extensionDir?: string,
  options?: FirefoxOptions,
): (() => FirefoxSession) => startedAround('Firefox', () => launchFirefox(server().port, extensionDir, options));
