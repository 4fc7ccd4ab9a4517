import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: false, // declarations come from tsc: TypeScript 7 has no API for tsup's dts step
    sourcemap: true,
    clean: false, // both builds write under dist: the build script empties it first
  },
  {
    // The UI (decision 26): Preact and uPlot bundled into one classic script
    // and one stylesheet, so the app needs no network and the export opens
    // from file://.
    entry: { app: 'ui/main.tsx' },
    outDir: 'dist/ui',
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: false,
    clean: false, // both builds write under dist: the build script empties it first
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.jsx = 'automatic';
      options.jsxImportSource = 'preact';
    },
  },
]);
