import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ViewError } from './errors.js';
import { apiRoute, sendError } from './_api-routes.js';
import { indexHtml } from './_index-html.js';
import { allowedHosts, requestToken, setSafeHeaders, tokenEquals } from './_security.js';
import { FIRST_ROWS } from './route-types.js';
import { RunRows } from './run-rows.js';
import { defaultUiDir } from './ui-dir.js';

/** Options of {@link startViewServer}. */
export interface ViewServerOptions {
  /** The runs dir to show. */
  runsDir: string;
  /** The address to bind (default `127.0.0.1`, loopback only). */
  host?: string | undefined;
  /** The port (default 0: a free one). */
  port?: number | undefined;
  /** The access token (default: 32 random bytes, hex). */
  token?: string | undefined;
  /** The built UI (default {@link defaultUiDir}). */
  uiDir?: string | undefined;
}

/** A running view server. */
export interface ViewServer {
  /** The URL to open: the origin with `/?token=…`. */
  readonly url: string;
  /** `http://host:port`. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** When the whole listing starts if the runs table has not asked for it: a browser opens within a few seconds. */
const LIST_AFTER_MS = 3000;

const STATIC: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };

/**
 * Serves the runs of `runsDir` as a read-only web app (decision 26,
 * docs/spec/cli.md 5.24): the UI and the JSON routes of the package README.
 * Safe by default: loopback only unless `host` says otherwise; every
 * request needs the token (`?token=` once, exchanged for an HttpOnly
 * SameSite=Strict cookie and a redirect, or `Authorization: Bearer`); the
 * `Host` header must name this server (DNS rebinding); only GET and HEAD;
 * no CORS headers; a strict CSP; file paths never leave the run dir.
 *
 * @throws {ViewError} `ERR_GAGE_VIEW_UI` when the UI is not built,
 *   `ERR_GAGE_VIEW_LISTEN` when the address cannot be bound
 * @example
 * ```ts
 * const server = await startViewServer({ runsDir: '/tmp/runs' });
 * console.log(server.url); // http://127.0.0.1:41234/?token=9f…
 * await server.close();
 * ```
 */
export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const uiDir = options.uiDir ?? defaultUiDir();
  const assets = new Map<string, Buffer>();
  try {
    if (uiDir === undefined) throw new Error('not found');
    for (const name of Object.keys(STATIC)) assets.set(name, readFileSync(join(uiDir, name)));
  } catch (err) {
    throw new ViewError('ERR_GAGE_VIEW_UI', `The gage view UI is missing${uiDir ? ` (looked in "${uiDir}")` : ''}`, {
      hint: 'Reinstall Gage (or run `pnpm build` in a checkout).',
      cause: err,
    });
  }
  assets.set('index.html', Buffer.from(indexHtml()));
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('hex');
  const rows = new RunRows(options.runsDir);
  let hosts = new Set<string>();
  let cookie = 'gage_view';
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal', (err as Error).message);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSafeHeaders(res);
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return sendError(res, 403, 'host', 'Host not allowed');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'method', 'gage view is read-only');
    }
    const url = new URL(req.url ?? '/', 'http://view.invalid');
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!tokenEquals(given, token)) return sendError(res, 401, 'token', 'Wrong token: open the URL gage view printed');
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
      return void res.end();
    }
    if (!tokenEquals(requestToken(req, cookie), token)) return sendError(res, 401, 'token', 'No token: open the URL gage view printed');
    let parts: string[];
    try {
      parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
    } catch {
      return sendError(res, 400, 'path', 'Bad path');
    }
    if (parts[0] === 'api') return apiRoute(res, rows, parts.slice(1), url.searchParams);
    const name = parts.length === 0 ? 'index.html' : parts.length === 1 ? parts[0] as string : '';
    const body = assets.get(name);
    if (!body) return sendError(res, 404, 'not-found', 'No such page');
    res.writeHead(200, { 'Content-Type': STATIC[name] ?? 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new ViewError('ERR_GAGE_VIEW_LISTEN', `Cannot listen on ${host}:${options.port ?? 0}: ${err.code ?? err.message}`, {
        hint: err.code === 'EADDRINUSE' ? 'Use another --port, or leave it out for a free one.' : undefined,
        cause: err,
      }));
    });
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  // The first rows are read now, while the browser opens: the table's first request (`?limit=`, the first
  // screenful) finds them read or under way. The whole listing (seconds of CPU for 10,000 runs) waits for the
  // table to ask for it, after its first rows are shown, so it does not slow the browser down while it opens
  // the page; when no browser comes it starts anyway a while later.
  rows.page(undefined, FIRST_ROWS).catch(() => {});
  const listing = setTimeout(() => {
    if (!rows.listing) rows.list().catch(() => {});
  }, LIST_AFTER_MS);
  listing.unref();
  cookie = `gage_view_${port}`;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(listing);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
