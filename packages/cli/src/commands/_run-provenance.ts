import { collectProvenance, type CollectedProvenance } from '@gage/stage';

/**
 * The provenance of one `gage run` (decision 18), collected once for all its
 * runs: `start()` begins collecting (again calls return the same promise),
 * `stop()` ends its helper processes. The state recorded is the state staged:
 * it starts after the confirmation prompt, or before the config is read with
 * `-y`, so that its git and interpreter processes overlap reading the config
 * and staging.
 *
 * @example
 * ```ts
 * const provenance = runProvenance(projectDir, cmd.args);
 * try { await stageNewRun(ctx, spec, { display, signal, provenance: provenance.start() }); } finally { provenance.stop(); }
 * ```
 */
export function runProvenance(projectDir: string, command: readonly string[] | string): { start(): Promise<CollectedProvenance>; stop(): void } {
  const controller = new AbortController();
  let started: Promise<CollectedProvenance> | undefined;
  return {
    start() {
      if (started === undefined) {
        started = collectProvenance(projectDir, { command, signal: controller.signal });
        started.catch(() => undefined); // awaited by staging; never an unhandled rejection when staging is not reached
      }
      return started;
    },
    stop() {
      controller.abort();
    },
  };
}
