import { defineConfig } from 'tsup';

export default defineConfig({
  // `read-text-sync`: the reader alone (`@gage/meta/read-text-sync`), for worker threads that must not load
  // the rest (proper-lockfile, graceful-fs); split out of `index` so there is one copy of it.
  // `meta-logger`: `setMetaLogger` alone (`@gage/meta/meta-logger`), for a program that sets it before it needs
  // anything else of the package (the CLI's `runMain`, which `gage --help` runs too).
  entry: { index: 'src/index.ts', 'read-text-sync': 'src/io/read-text-sync.ts', 'meta-logger': 'src/meta-logger-entry.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false, // declarations come from tsc: TypeScript 7 has no API for tsup's dts step
  sourcemap: true,
  clean: true,
  splitting: true,
});
