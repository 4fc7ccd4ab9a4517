import { cpSync, readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const shared = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  noExternal: [/.*/], // self-contained: no runtime dependencies
  define: { __GAGE_VERSION__: JSON.stringify(version) },
  loader: { '.md': 'text' }, // the help topics (src/help/topics/*.md) are part of the bundle
  // CJS dependencies call require('fs'); give the ESM bundle a real require.
  banner: {
    js: ['#!/usr/bin/env node', "import { createRequire as __gageCreateRequire } from 'node:module';", 'const require = __gageCreateRequire(import.meta.url);']
      .join('\n'),
  },
} satisfies Options;

export default defineConfig([
  {
    ...shared,
    // The read-ahead worker is an entry of its own: `new Worker(new URL('./read-ahead-worker.js', import.meta.url))`.
    entry: { gage: 'src/gage.ts', 'read-ahead-worker': 'src/runs/_read-ahead-worker.ts' },
    clean: false, // both builds write under dist: the build script empties it first
    splitting: true, // the program plus lazily loaded command chunks
    // The web app of `gage view` (@gage/view): its built assets go beside the bundle (`defaultUiDir`).
    onSuccess: async () => cpSync(new URL('../view/dist/ui', import.meta.url), new URL('./dist/ui', import.meta.url), { recursive: true }),
  },
  {
    ...shared,
    // `gage __complete` in one file, which the bin imports by URL (src/gage.ts): a shell runs it on every Tab,
    // and each module file the loader reads costs about a millisecond (docs/performance.md, "Completion entry").
    // Its static imports are in that file; what it imports lazily (yaml, the Python parser) stays in chunks.
    entry: { 'gage-complete': 'src/complete-main.ts' },
    clean: false,
    splitting: true,
  },
]);
