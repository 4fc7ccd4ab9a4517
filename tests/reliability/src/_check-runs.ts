import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isPidAlive, listRuns, readManifestSync, readRunCmdSync, readRunConfigSync, readRunOpdefSync, runStatus } from '@gage/meta';
import { parseJson, type Run, type RunStatus } from '@gage/types';

/** What {@link checkRunsDir} found. */
export interface RunsDirReport {
  /** Every loadable run (active and deleted). */
  runs: Run[];
  /** Status by run id. */
  status: Map<string, RunStatus>;
  /** `*.meta` / `*.meta.deleted` dirs that are not runs (no `opref` yet: killed inside `makeRun`/`initRunMetaSync`). */
  notRuns: string[];
  /** Problems: half-written files, temp files of a live writer, unreadable meta. Empty when all is well. */
  problems: string[];
  /**
   * Temp files (`.<name>.<pid>.<hex>.tmp`) whose writer is dead: a SIGKILL
   * between write and rename. The meta file itself is absent or whole.
   */
  leftoverTemps: string[];
}

const JSON_META = ['config.json', 'opdef.json', 'sys/platform.json'];

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const ent of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/**
 * Checks every run of a runs dir with `@gage/meta`: it loads, its status
 * reads, its JSON meta files parse, its config/opdef/cmd read, a manifest
 * (when present) reads, and no temp file (`*.tmp*`) is left in a meta dir.
 */
export async function checkRunsDir(runsDir: string): Promise<RunsDirReport> {
  const problems: string[] = [];
  const onError = (err: Error) => problems.push(`load: ${err.message}`);
  const runs = [...(await listRuns(runsDir, { onError })), ...(await listRuns(runsDir, { deleted: true, onError }))];
  const metaDirs = (await readdir(runsDir).catch(() => [] as string[])).filter((n) => n.endsWith('.meta') || n.endsWith('.meta.deleted'));
  const loaded = new Set(runs.map((r) => r.metaDir));
  const notRuns = metaDirs.map((n) => join(runsDir, n)).filter((d) => !loaded.has(d));
  for (const d of notRuns) {
    // A meta dir that is not a run may only lack `opref`: anything else there would be lost evidence.
    const files = (await walk(d)).map((f) => relative(d, f));
    if (files.some((f) => f === 'opref')) problems.push(`${d}: has opref but does not load`);
  }
  const status = new Map<string, RunStatus>();
  const leftoverTemps: string[] = [];
  for (const run of runs) {
    const where = `run ${run.id}`;
    try {
      status.set(run.id, await runStatus(run));
    } catch (err) {
      problems.push(`${where}: runStatus: ${(err as Error).message}`);
    }
    for (const file of await walk(run.metaDir)) {
      const rel = relative(run.metaDir, file);
      const temp = /(^|\/)\.[^/]+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(rel);
      if (temp && !isPidAlive(Number(temp[2]))) leftoverTemps.push(`${where}: ${rel}`);
      else if (/\.tmp/.test(rel)) problems.push(`${where}: temp file left: ${rel}`);
      if (JSON_META.includes(rel) || rel.endsWith('.json')) {
        try {
          parseJson(await readFile(file, 'utf8'));
        } catch (err) {
          problems.push(`${where}: ${rel} does not parse: ${(err as Error).message}`);
        }
      }
    }
    const has = async (rel: string) => (await stat(join(run.metaDir, rel)).catch(() => undefined)) !== undefined;
    for (const [rel, form] of [['initialized', /^\d+$/], ['staged', /^\d+$/], ['started', /^\d+$/], ['stopped', /^\d+$/], ['proc/exit', /^-?\d+$/], [
      'proc/lock',
      /^\d+$/,
    ]] as const) {
      const text = await readFile(join(run.metaDir, rel), 'utf8').catch(() => undefined);
      if (text !== undefined && !form.test(text)) problems.push(`${where}: ${rel} is half-written: ${JSON.stringify(text)}`);
    }
    if (await has('initialized')) {
      for (const [name, read] of [['config', readRunConfigSync], ['opdef', readRunOpdefSync], ['cmd', readRunCmdSync]] as const) {
        try {
          read(run);
        } catch (err) {
          problems.push(`${where}: ${name}: ${(err as Error).message}`);
        }
      }
    }
    if (await has('manifest')) {
      try {
        readManifestSync(run);
      } catch (err) {
        problems.push(`${where}: manifest: ${(err as Error).message}`);
      }
    }
  }
  return { runs, status, notRuns, problems, leftoverTemps };
}
