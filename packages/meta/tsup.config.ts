import { defineConfig } from 'tsup';

export default defineConfig({
  // `read-text-sync`: the reader alone (`@gage/meta/read-text-sync`), for worker threads that must not load
  // the rest (proper-lockfile, graceful-fs); split out of `index` so there is one copy of it.
  entry: { index: 'src/index.ts', 'read-text-sync': 'src/io/read-text-sync.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false, // declarations come from tsc: TypeScript 7 has no API for tsup's dts step
  sourcemap: true,
  clean: true,
  splitting: true,
});
