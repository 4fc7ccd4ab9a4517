// The packages the way a user gets them (issue 22, README "Releasing"): published
// by `tools/release.mjs` to a real registry (verdaccio on a loopback port), then
// installed from it in clean temp dirs with their own npm cache: `npm i -g`,
// `npx`, `deno run npm:`, and a consumer project that imports, requires and
// type-checks every library. The workspace links hide what this catches: a
// missing file in `files`, a wrong `exports` target, a `workspace:` range, a
// dependency that exists only in the monorepo.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { freePort, startRegistry, stopRegistries, type Registry } from './_registry.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');

interface Pkg {
  name: string;
  version: string;
  dir: string;
  manifest: { name: string; version: string; private?: boolean; bin?: Record<string, string>; exports?: Record<string, unknown> };
}

/** The published packages: every non-private packages/* (not a hard-coded list). */
const PACKAGES: Pkg[] = readdirSync(join(ROOT, 'packages'))
  .map((d) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', d, 'package.json'), 'utf8')) as Pkg['manifest'];
    return { name: manifest.name, version: manifest.version, dir: join(ROOT, 'packages', d), manifest };
  })
  .filter((p) => !p.manifest.private);
const LIBS = PACKAGES.filter((p) => p.manifest.exports);
const CLI = PACKAGES.find((p) => p.manifest.bin?.gage);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function show(r: Result): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

let registry: Registry;
let work: string;
/** A user's environment: nothing of ours but PATH; a temp HOME, npm cache and npmrc naming the registry. */
let userEnv: Record<string, string>;

/** `node tools/release.mjs --publish-only` against `url` (the checkout under test, committed or not). */
function release(url: string): Promise<Result> {
  return run('node', [join(ROOT, 'tools/release.mjs'), '--publish-only', '--no-git-tag', '--registry', url], ROOT, {
    ...process.env,
    GAGE_RELEASE_ALLOW_DIRTY: '1',
    npm_config_userconfig: registry.npmrc,
  });
}

async function packument(name: string): Promise<{ versions: Record<string, { dependencies?: Record<string, string> }>; time: Record<string, string> }> {
  const res = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

/** Bytes and files under `dir`. */
async function size(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const st = await stat(join(dir, name));
    if (st.isFile()) {
      bytes += st.size;
      files += 1;
    }
  }
  return { bytes, files };
}

beforeAll(async () => {
  expect(CLI).toBeDefined();
  const dir = await testdir();
  registry = await startRegistry(join(dir, 'registry'));
  work = join(dir, 'user');
  await mkdir(join(work, 'home'), { recursive: true });
  userEnv = {
    PATH: process.env.PATH ?? '',
    HOME: join(work, 'home'),
    npm_config_userconfig: registry.npmrc,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_registry: registry.url,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
}, 600_000);

afterAll(async () => {
  await stopRegistries();
  await cleanupTestdirs();
});

describe('publish', () => {
  test('a registry that is down: a clear error, nothing published', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    const r = await release(url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`release: cannot ask ${url} about @gage/`);
    expect(r.stderr).toContain('Nothing was published');
  }, 600_000);

  test('an interrupted release resumes: only the missing packages are published', async () => {
    // The first package went out, then the release stopped.
    const first = PACKAGES.find((p) => p.name === '@gage/types')!;
    const one = await run('pnpm', ['publish', '--no-git-checks'], first.dir, {
      ...process.env,
      GAGE_RELEASE_ALLOW_DIRTY: '1',
      npm_config_userconfig: registry.npmrc,
      npm_config_registry: registry.url,
    });
    expect(show(one)).toMatch(/^exit 0\n/);

    const r = await release(registry.url);
    expect(show(r)).toMatch(/^exit 0\n/);
    expect(r.stdout).toContain(`release: resuming: @gage/types@${first.version} already on ${registry.url}`);
    for (const p of PACKAGES) {
      const doc = await packument(p.name);
      const deps = doc.versions[p.version]?.dependencies ?? {};
      // pnpm publish rewrote `workspace:*` into the versions.
      for (const [name, range] of Object.entries(deps)) {
        expect(`${p.name} -> ${name}@${range}`).not.toContain('workspace:');
        if (name.startsWith('@gage/')) expect(range).toBe(PACKAGES.find((q) => q.name === name)!.version);
      }
    }
  }, 900_000);

  test('publishing versions the registry has: a clear error, the registry unchanged', async () => {
    const before = await Promise.all(PACKAGES.map((p) => packument(p.name)));
    const r = await release(registry.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`already on ${registry.url}: nothing to publish. Add a changeset`);
    const after = await Promise.all(PACKAGES.map((p) => packument(p.name)));
    expect(after.map((d) => d.time)).toEqual(before.map((d) => d.time));
  }, 600_000);
});

describe('install as a user', () => {
  test('npm i -g @gage/cli: gage --version, gage run on the bundled example; no runtime dependencies', async () => {
    const prefix = join(work, 'global');
    const i = await run('npm', ['i', '-g', '--prefix', prefix, '@gage/cli'], work, userEnv);
    expect(show(i)).toMatch(/^exit 0\n/);
    const gage = join(prefix, 'bin', 'gage');

    const v = await run(gage, ['--version'], work, userEnv);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(CLI!.version);

    const project = join(work, 'hello');
    await cp(join(ROOT, 'examples/hello'), project, { recursive: true });
    const env = { ...userEnv, GAGE_RUNS: join(work, 'runs') };
    const r = await run(gage, ['run', 'hello', 'name=Ada', '-y'], project, env);
    expect(show(r)).toMatch(/^exit 0\n/);
    expect(r.stdout).toContain('Hello Ada');
    const ls = await run(gage, ['ls'], project, env);
    expect(ls.stdout).toContain('completed');

    // What a user downloads: the CLI package and nothing else.
    const installed = join(prefix, 'lib', 'node_modules');
    const all = await run('npm', ['ls', '-g', '--prefix', prefix, '--all', '--parseable'], work, userEnv);
    const deps = all.stdout.split('\n').filter((l) => l.includes('node_modules')).length - 1;
    const { bytes, files } = await size(join(installed, '@gage', 'cli'));
    const report = { package: `@gage/cli@${CLI!.version}`, installBytes: bytes, installFiles: files, dependencies: deps };
    await writeFile(join(ROOT, 'tests/release/install-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`npm i -g @gage/cli: ${(bytes / 1024).toFixed(0)} kB in ${files} files, ${deps} dependencies`);
    expect(deps).toBe(0);
  }, 900_000);

  test('npx @gage/cli --help', async () => {
    const dir = join(work, 'npx');
    await mkdir(dir);
    const r = await run('npx', ['--yes', '@gage/cli', '--help'], dir, userEnv);
    expect(show(r)).toMatch(/^exit 0\n/);
    expect(r.stdout).toMatch(/Usage: gage/);
  }, 900_000);

  test('deno run -A npm:@gage/cli --help (NPM_CONFIG_REGISTRY)', async () => {
    const dir = join(work, 'deno');
    await mkdir(dir);
    const r = await run(join(BIN, 'deno'), ['run', '-A', '--minimum-dependency-age=0', 'npm:@gage/cli', '--help'], dir, {
      ...userEnv,
      NPM_CONFIG_REGISTRY: registry.url,
      DENO_DIR: join(work, 'deno-dir'),
      DENO_NO_UPDATE_CHECK: '1',
    });
    expect(show(r)).toMatch(/^exit 0\n/);
    expect(r.stdout).toMatch(/Usage: gage/);
  }, 900_000);

  test('a consumer project imports (ESM), requires (require(esm)) and type-checks every library', async () => {
    const dir = join(work, 'consumer');
    await mkdir(dir);
    // Every entry of every library's exports map, but package.json and JSON files.
    const specs = LIBS.flatMap((p) =>
      Object.keys(p.manifest.exports!)
        .filter((k) => !k.endsWith('.json'))
        .map((k) => (k === '.' ? p.name : `${p.name}/${k.slice(2)}`))
    );
    const types = JSON.parse(await readFile(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string };
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(LIBS.map((p) => [p.name, p.version])),
        devDependencies: { '@types/node': types.version },
      }),
    );
    const check = (how: string) => `if (Object.keys(m).length === 0) throw new Error(${JSON.stringify(how)} + ' ' + s + ': no exports');`;
    await writeFile(join(dir, 'esm.mjs'), `for (const s of ${JSON.stringify(specs)}) { const m = await import(s); ${check('import')} }\n`);
    await writeFile(join(dir, 'cjs.cjs'), `for (const s of ${JSON.stringify(specs)}) { const m = require(s); ${check('require')} }\n`);
    await writeFile(join(dir, 'index.ts'), specs.map((s, i) => `import * as m${i} from '${s}';\nexport const n${i} = Object.keys(m${i}).length;\n`).join(''));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false,
          types: ['node'] },
        files: ['index.ts'],
      }),
    );

    const i = await run('npm', ['install'], dir, userEnv);
    expect(show(i)).toMatch(/^exit 0\n/);
    for (const p of LIBS) {
      const m = JSON.parse(await readFile(join(dir, 'node_modules', p.name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      expect(JSON.stringify(m.dependencies ?? {})).not.toContain('workspace:');
    }
    for (const [file, what] of [['esm.mjs', 'import'], ['cjs.cjs', 'require']] as const) {
      const r = await run('node', [file], dir, userEnv);
      expect(show(r)).toMatch(/^exit 0\n/);
    }
    const tsc = await run(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], dir, userEnv);
    expect(show(tsc)).toMatch(/^exit 0\n/);
  }, 900_000);
});
