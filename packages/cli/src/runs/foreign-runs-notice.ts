import { findForeignRuns, type ForeignFormat } from '@gage/meta';

const FORMAT_NAMES: Record<ForeignFormat, string> = { 'gage-py': 'Gage (Python)', guild: 'Guild AI' };

/**
 * The counts of runs of Gage (Python) and Guild AI in a runs dir, which
 * listings do not show (docs/spec/import.md 1), as lines for stderr:
 * `3 runs in Gage (Python) format are not shown; import them with 'gage import'`.
 * A dir that cannot be read gives no lines.
 *
 * @example
 * ```ts
 * for (const line of await foreignRunsNotice(runsDir)) ctx.io.stderr.write(`${line}\n`);
 * ```
 */
export async function foreignRunsNotice(runsDir: string): Promise<string[]> {
  return (await foreignRunCounts(runsDir)).map(([format, n]) =>
    `${n === 1 ? '1 run' : `${n} runs`} in ${FORMAT_NAMES[format]} format ${n === 1 ? 'is' : 'are'} not shown; import them with 'gage import'`
  );
}

/**
 * The number of runs of each foreign format in a runs dir, formats with none left out.
 *
 * @example
 * ```ts
 * await foreignRunCounts(runsDir); // [['gage-py', 3]]
 * ```
 */
export async function foreignRunCounts(runsDir: string): Promise<[ForeignFormat, number][]> {
  const found = await findForeignRuns(runsDir).catch(() => []);
  const counts: [ForeignFormat, number][] = [];
  for (const format of ['gage-py', 'guild'] as const) {
    const n = found.filter((r) => r.format === format).length;
    if (n > 0) counts.push([format, n]);
  }
  return counts;
}
