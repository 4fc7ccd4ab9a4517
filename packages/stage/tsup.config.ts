import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/config-formats.ts', 'src/project.ts', 'src/git-prefetch.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false, // declarations come from tsc: TypeScript 7 has no API for tsup's dts step
  sourcemap: true,
  clean: true,
});
