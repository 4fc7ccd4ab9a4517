import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { associateProject, initRunMetaSync, initRunUserAttrs, makeRun, scanRunFiles, writeManifest, writeRunTimestampSync } from '@gage/meta';
import { execRun, finalizeRun } from '@gage/proc';
import { OpCmd, OpDef, OpRef, type Config, type Run } from '@gage/types';
import { GREET } from './_helpers.js';

/** Options of {@link makeGreetRun}. */
export interface GreetRunOptions {
  op: 'hello' | 'fail';
  name?: string;
  label?: string;
  /** Stage only, do not start. */
  staged?: boolean;
}

/**
 * Makes a run of the sample project with the real `@gage/meta` and
 * `@gage/proc` functions, so the commands that read runs can be tested on
 * their own: init, user attrs, project ref, the source files written into the
 * run dir as staging would leave them (with `config.json` patched), files log,
 * manifest, `staged`, then `execRun` and `finalizeRun`.
 */
export async function makeGreetRun(runsDir: string, projectDir: string, options: GreetRunOptions): Promise<Run> {
  const run = await makeRun(runsDir);
  const config: Config = options.op === 'hello' ? { name: options.name ?? 'World' } : {};
  const exec = options.op === 'hello' ? 'node hello.cjs' : ['node', '-e', 'process.exit(3)'];
  const opdef = OpDef(options.op, { exec }, join(projectDir, 'gage.toml'));
  initRunMetaSync(run, OpRef(basename(realpathSync(projectDir)), options.op), opdef, config, OpCmd(exec, {}), { platform: 'test' });
  await initRunUserAttrs(run, options.label ? { label: options.label } : {});
  await associateProject(run, projectDir);
  await mkdir(run.runDir, { recursive: true });
  await writeFile(join(run.runDir, 'hello.cjs'), GREET['hello.cjs'] as string);
  await writeFile(join(run.runDir, 'config.json'), `{"name": "${options.name ?? 'World'}"}\n`);
  await scanRunFiles(run, 's');
  await writeManifest(run);
  writeRunTimestampSync(run, 'staged');
  if (options.staged) return run;
  const code = await execRun(run);
  await finalizeRun(run, code);
  return run;
}
