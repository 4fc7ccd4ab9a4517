// The esbuild plugin of the CLI bundle (tsup.config.ts) that bundles the
// workspace packages from their TypeScript sources, each import of a
// package's entry going straight to the source files that define the names
// it imports.
//
// Why: esbuild splits code by file. Built from a package's `dist` (one file,
// or a few), or through the package's index (which imports every module of
// the package), every module of @gage/meta is reachable from every command,
// so they all land in one chunk that every command loads: `gage __complete`
// and `gage --help` loaded all of @gage/meta (176 KB), `gage run` all of
// @gage/proc and @gage/stage. Importing the defining files directly, a
// command's chunks hold only the modules it uses (docs/performance.md,
// "Bundle by module").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const PACKAGES = fileURLToPath(new URL('..', import.meta.url));

/** Each specifier of a workspace package's `exports`, and the source its entry is built from. */
const ENTRIES: Record<string, string> = {
  '@gage/types': 'types/src/index.ts',
  '@gage/meta': 'meta/src/index.ts',
  '@gage/meta/read-text-sync': 'meta/src/io/read-text-sync.ts',
  '@gage/proc': 'proc/src/index.ts',
  '@gage/stage': 'stage/src/index.ts',
  '@gage/stage/config-formats': 'stage/src/config-formats.ts',
  '@gage/stage/project': 'stage/src/project.ts',
  '@gage/stage/git-prefetch': 'stage/src/git-prefetch.ts',
  '@gage/view': 'view/src/index.ts',
};

/** An exported value: the file that defines it, and its name there. */
interface Origin {
  file: string;
  name: string;
}

const originsCache = new Map<string, Map<string, Origin>>();

/**
 * The value exports of an entry file, which holds only re-exports
 * (`export { a, b as c } from './x.js';`, type-only ones skipped).
 */
function origins(entry: string): Map<string, Origin> {
  const known = originsCache.get(entry);
  if (known) return known;
  const text = readFileSync(entry, 'utf8');
  const map = new Map<string, Origin>();
  for (const m of text.matchAll(/^export (type )?\{([^}]*)\} from '(\.[^']+)';/gm)) {
    if (m[1]) continue;
    const file = sourceFile(dirname(entry), m[3] as string);
    for (const spec of specifiers(m[2] as string)) {
      if (spec.type) continue;
      map.set(spec.alias, { file, name: spec.name });
    }
  }
  originsCache.set(entry, map);
  return map;
}

/** The `.ts` source of a `./x.js` specifier. */
function sourceFile(dir: string, specifier: string): string {
  const file = resolve(dir, specifier.replace(/\.js$/, '.ts'));
  if (!existsSync(file)) throw new Error(`${specifier} (from ${dir}): no source file ${file}`);
  return file;
}

/** The names of `{ a, type B, c as d }`. */
function specifiers(list: string): { name: string; alias: string; type: boolean }[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const type = s.startsWith('type ');
    const [name, alias] = (type ? s.slice(5) : s).split(/\s+as\s+/).map((p) => p.trim()) as [string, string | undefined];
    return { name, alias: alias ?? name, type };
  });
}

/**
 * `import { … } from '@gage/x';` and `export { … } from '@gage/x';` of one
 * source file, rewritten to import each value from its defining file, on
 * as many lines as before (the source maps stay right).
 */
function rewrite(text: string): string {
  return text.replace(/^(import|export) (type )?\{([^}]*)\} from '(@gage\/[a-z-]+(?:\/[a-z-]+)?)';/gm,
    (whole, kind: string, typeOnly, list: string, specifier: string) => {
      const entry = ENTRIES[specifier];
      if (typeOnly || entry === undefined) return whole;
      const map = origins(join(PACKAGES, entry));
      const byFile = new Map<string, string[]>();
      const types: string[] = [];
      for (const spec of specifiers(list)) {
        if (spec.type) {
          types.push(`${spec.name}${spec.alias === spec.name ? '' : ` as ${spec.alias}`}`);
          continue;
        }
        // A name the entry does not re-export is defined by the entry itself (`read-text-sync.ts`).
        const origin = map.get(spec.name) ?? { file: join(PACKAGES, entry), name: spec.name };
        const part = origin.name === spec.alias ? spec.alias : `${origin.name} as ${spec.alias}`;
        byFile.set(origin.file, [...(byFile.get(origin.file) ?? []), part]);
      }
      const statements = [...byFile].map(([file, names]) => `${kind} { ${names.join(', ')} } from ${JSON.stringify(file)};`);
      if (types.length > 0) statements.push(`${kind} type { ${types.join(', ')} } from '${specifier}';`);
      return statements.join(' ') + '\n'.repeat(whole.split('\n').length - 1);
    });
}

/**
 * The plugin: resolves each workspace specifier to its entry's source (for
 * imports it did not rewrite: dynamic `import()`), and rewrites the imports
 * of every workspace source file it loads.
 *
 * @example
 * ```ts
 * export default defineConfig({ entry: ['src/gage.ts'], esbuildPlugins: [workspaceSources] });
 * ```
 */
export const workspaceSources: Plugin = {
  name: 'gage-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@gage\// }, (args) => {
      const entry = ENTRIES[args.path];
      if (entry !== undefined) return { path: join(PACKAGES, entry), sideEffects: false };
      if (/^@gage\/(types|meta|proc|stage|view)(\/|$)/.test(args.path)) {
        return { errors: [{ text: `${args.path}: no source entry in ENTRIES (packages/cli/tsup.workspace-sources.ts)` }] };
      }
      return undefined;
    });
    build.onLoad({ filter: /\/packages\/(types|meta|proc|stage|view|cli)\/src\/.*\.ts$/ }, (args) => ({
      contents: rewrite(readFileSync(args.path, 'utf8')),
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};
