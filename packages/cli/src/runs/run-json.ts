import { compareCodePoints } from '@gage/types';
import type { RunInfo } from './run-info.js';

/**
 * The `list --json` object of a run (docs/spec/cli.md 5.2), keys in the spec's order.
 * Integers are `bigint` so {@link encodeJson} writes them as JSON integers.
 *
 * @example
 * ```ts
 * io.stdout.write(encodeJson(runs.map(runJson)));
 * ```
 */
export function runJson(r: RunInfo): Record<string, unknown> {
  return {
    index: BigInt(r.index),
    id: r.run.id,
    name: r.run.name,
    operation: r.opref?.name ?? null,
    namespace: r.opref?.ns ?? null,
    version: r.opref?.version ?? null,
    status: r.status,
    label: r.label ?? null,
    userAttributes: sortedObject(r.userAttrs),
    started: isoTime(r.started),
    stopped: isoTime(r.stopped),
    exitCode: r.exitCode === undefined ? null : BigInt(r.exitCode),
    config: sortedObject(r.config),
    summary: { attributes: sortedObject(r.summary.attributes), metrics: sortedObject(r.summary.metrics) },
    runDir: r.run.runDir,
    projectDir: r.projectDir ?? null,
  };
}

function isoTime(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function sortedObject(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(obj).sort(compareCodePoints).map((k) => [k, obj[k]]));
}
