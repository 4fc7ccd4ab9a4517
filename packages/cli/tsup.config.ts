import { cpSync, readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { workspaceSources } from './tsup.workspace-sources.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // The read-ahead worker is an entry of its own: `new Worker(new URL('./read-ahead-worker.js', import.meta.url))`.
  entry: { gage: 'src/gage.ts', 'read-ahead-worker': 'src/runs/_read-ahead-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: true,
  noExternal: [/.*/], // one self-contained program (plus lazily loaded command chunks)
  define: { __GAGE_VERSION__: JSON.stringify(version) },
  esbuildPlugins: [workspaceSources],
  // The web app of `gage view` (@gage/view): its built assets go beside the bundle (`defaultUiDir`).
  onSuccess: async () => cpSync(new URL('../view/dist/ui', import.meta.url), new URL('./dist/ui', import.meta.url), { recursive: true }),
  loader: { '.md': 'text' }, // the help topics (src/help/topics/*.md) are part of the bundle
  // CJS dependencies call require('fs'); give the ESM bundle a real require.
  banner: {
    js: ['#!/usr/bin/env node', "import { createRequire as __gageCreateRequire } from 'node:module';", 'const require = __gageCreateRequire(import.meta.url);']
      .join('\n'),
  },
});
