// start-up: `gage --help` against `node -e 0` (target: ratio ≤ 1.5).
import { GAGE_BIN, cliEnv, cliReady, compare, result, runIfMain, skipped, timeProcess } from './_lib.mjs';

export const name = 'startup';

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage --help', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const env = cliEnv();
  const r = await compare({
    rounds: rounds ?? (quick ? 2 : 20),
    warmup: 1,
    product: async () => (await timeProcess('node', [GAGE_BIN, '--help'], { env })).ms,
    baseline: async () => (await timeProcess('node', ['-e', '0'], { env })).ms,
  });
  return [result(name, 'gage --help vs node -e 0', 'ratio', r.ratio.median, 1.5, 'ratio', { stats: r.ratio, ...r })];
}

await runIfMain(import.meta.url, run);
