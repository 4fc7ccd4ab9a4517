import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERDACCIO = fileURLToPath(new URL('../node_modules/verdaccio/bin/verdaccio', import.meta.url));

/** A verdaccio registry on a loopback port, with its storage in a temp dir; {@link stopRegistries} stops it. */
export interface Registry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** A user npmrc that names the registry and holds a publish token for it. */
  npmrc: string;
}

const running = new Set<ChildProcess>();

/** Stops every registry started and not yet stopped (for `afterAll`, also when a start failed half way). */
export async function stopRegistries(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  running.clear();
}

/** A free TCP port on 127.0.0.1 (free when asked; verdaccio takes it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function npmConfig(key: string): string | undefined {
  const v = execFileSync('npm', ['config', 'get', key], { encoding: 'utf8' }).trim();
  return v === 'undefined' || v === 'null' || v === '' ? undefined : v;
}

/**
 * Starts verdaccio in `dir`. `@gage/*` lives only here (never proxied); every
 * other package is proxied to the registry of the machine's npm config (the
 * libraries' runtime dependencies: execa, proper-lockfile, yaml, ...), with the
 * machine's CA file when it sets one.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const upstream = npmConfig('registry') ?? 'https://registry.npmjs.org/';
  const config = [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    '    max_fails: 5',
    'packages:',
    "  '@gage/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  await mkdir(join(dir, 'storage'), { recursive: true });
  await writeFile(join(dir, 'config.yaml'), config);
  const cafile = npmConfig('cafile');
  const child: ChildProcess = spawn('node', [VERDACCIO, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...(cafile ? { NODE_EXTRA_CA_CERTS: cafile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));

  // Up when it answers; a generous bound (a loaded CI machine).
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${out}`);
    const ok = await fetch(`${url}-/ping`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`verdaccio did not answer on ${url} within 300 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // A user, and its token in a user npmrc (npm and pnpm need one to publish).
  const res = await fetch(`${url}-/user/org.couchdb.user:gage-test`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'gage-test', password: 'gage-test-password' }),
  });
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new Error(`verdaccio gave no token (${res.status}):\n${out}`);
  const npmrc = join(dir, 'npmrc');
  await writeFile(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);

  return { url, npmrc };
}
