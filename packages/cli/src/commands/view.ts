import { spawn } from 'node:child_process';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { listRunEntries, selectInfos } from '../runs/run-list.js';
import { abortOnSignals } from './_abort-on-signals.js';
import { whereOption } from './_common-options.js';

/** `gage view`, docs/spec/cli.md 5.24. */
export const spec = defineCommand({
  name: 'view',
  usage: '[options] [run]...',
  summary: 'Open a web app of runs.',
  description: 'Serve a local, read-only web app of runs: a runs table, a comparison of selected runs, metric charts and run ' +
    'pages with output followed live.\n\n' +
    'The server listens on 127.0.0.1 (loopback) unless --host says otherwise, and the printed URL carries a random ' +
    'token: only who has the URL can open it. Runs given as arguments are selected in the table. Stop with Ctrl+C.',
  options: [
    whereOption,
    { key: 'host', flags: ['--host'], kind: 'value', metavar: 'HOST', help: 'Listen on this address (default 127.0.0.1).' },
    { key: 'port', flags: ['--port'], kind: 'value', metavar: 'PORT', help: 'Listen on this port (default: a free one).' },
    { key: 'no-open', flags: ['--no-open'], kind: 'flag', help: "Don't open a browser." },
  ],
});

/**
 * Serves the web app until SIGINT, SIGTERM or SIGHUP; prints the URL to open.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--no-open'], 'view'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const o = parsed.options;
  const port = parsePort(ctx, o.port);
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const selected = parsed.args.length > 0 ? selectInfos(await listRunEntries(runsDir), parsed.args).map((e) => e.run.id) : [];
  const stop = abortOnSignals();
  try {
    // Loaded only now, so `gage` starts as fast as before (decision 26).
    const { startViewServer } = await import('@gage/view');
    const server = await startViewServer({ runsDir, host: o.host, port });
    const hash = new URLSearchParams();
    if (o.where) hash.set('where', o.where);
    if (selected.length > 0) hash.set('sel', selected.join(','));
    const url = hash.size > 0 ? `${server.url}#/runs?${hash.toString()}` : server.url;
    ctx.io.stdout.write(`Serving runs in ${runsDir}\nOpen ${url}\nPress Ctrl+C to stop.\n`);
    if (!o['no-open']) openBrowser(ctx, url);
    if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
    await server.close();
  } finally {
    stop.dispose();
  }
  return 0;
}

function parsePort(ctx: Context, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `Invalid value for '--port': '${text}' is not in the range 0<=x<=65535.`);
  }
  return port;
}

/** Opens `url` with the platform's opener, detached; where there is none (no display), the printed URL is the way. */
function openBrowser(ctx: Context, url: string): void {
  const env = ctx.io.env;
  const argv = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32'
    ? ['cmd', '/c', 'start', '""', url]
    : env['DISPLAY'] || env['WAYLAND_DISPLAY']
    ? ['xdg-open', url]
    : undefined;
  if (!argv) return;
  const [cmd, ...args] = argv as [string, ...string[]];
  const child = spawn(cmd, args, { env: env as NodeJS.ProcessEnv, stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}
