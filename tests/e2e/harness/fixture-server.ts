/**
 * Serves fixture pages on loopback. The browsers use it as their HTTP proxy, so a fixture can be
 * opened under a real news site's name (http://www.reuters.com/…) and the production build's
 * content-script matches apply unchanged; every request stays on this machine.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export const FIXTURE_PAGES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  readonly port: number;
  /** Extra routes a test serves (path → body, or a function for dynamic bodies). */
  readonly routes: Map<string, string | (() => string)>;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, string | (() => string)>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const route = routes.get(url.pathname);
    if (route !== undefined) {
      response.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? TYPES['.html'] });
      response.end(typeof route === 'function' ? route() : route);
      return;
    }
    if (url.pathname.startsWith('/fixtures/')) {
      const relative = normalize(decodeURIComponent(url.pathname.slice('/fixtures/'.length)));
      if (!relative.startsWith('..')) {
        try {
          const body = await readFile(join(FIXTURE_PAGES_DIR, relative));
          response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' });
          response.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fixture's URL under a curated news domain. */
export function fixtureUrl(name: string, host = 'www.reuters.com'): string {
  return `http://${host}/fixtures/${name}`;
}
