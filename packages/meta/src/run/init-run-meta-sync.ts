import { encodeOpref, encodeMetaJson, type Config, type JsonValue, type OpCmd, type OpDef, type OpRef, type Run } from '@gage/types';
import { RunMetaInitializedError } from '../errors.js';
import { logRunnerSync } from '../meta-file/log-runner-sync.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';
import { redactEnv } from './redact-env.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { writeRunTimestampSync } from '../meta-file/write-run-timestamp-sync.js';

/**
 * Writes the initial meta files of a run made by `makeRun` (docs/spec/lifecycle.md 5),
 * in this order, each read-only, each but the first after its runner-log
 * line: `__schema__` (`1`), `opref` (`Writing meta opref`), `id`
 * (`Writing meta run id`), `opdef.json` (`Writing meta opdef`),
 * `config.json` (`Writing meta config`), `proc/cmd` (`Writing meta proc
 * cmd`), `proc/env` (`Writing meta proc env`; the value of a name with
 * TOKEN, SECRET, PASSWORD, KEY or CREDENTIAL is `<redacted>`, decision 18), `sys/<name>.json` per system
 * attribute (`Writing meta system <name>`), and `initialized` last, so an
 * interrupted init leaves the run `unknown`. JSON files use `encodeMetaJson`.
 * Sets `run.opref`. `log/runner` stays writable.
 *
 * @param run a run from `makeRun`
 * @param opref the operation reference
 * @param opdef the operation definition; `opdef.json` holds `opdef.data`
 * @param config the run config (integers as `bigint`, floats as `number`)
 * @param cmd the run command and its extra env
 * @param sysAttrs system attributes, e.g. `{platform: 'Linux 6.1.0 x86_64'}`
 * @throws {TypeError} for a system attribute name that is not a plain file name
 * @throws {RunMetaInitializedError} `ERR_GAGE_RUN_META_INITIALIZED`
 *   (`run meta already initialized: <metaDir>`) when `initialized` exists
 * @example
 * ```ts
 * const run = await makeRun(runsDir);
 * initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, { args: ['python', 'say.py'], env: {} });
 * ```
 */
export function initRunMetaSync(
  run: Run,
  opref: OpRef,
  opdef: OpDef,
  config: Config,
  cmd: OpCmd,
  sysAttrs: Record<string, JsonValue> = {},
): void {
  if (readMetaFileSync(run, 'initialized') !== undefined) throw new RunMetaInitializedError(run.metaDir);
  const oprefText = encodeOpref(opref); // validate before writing anything
  for (const name of Object.keys(sysAttrs)) {
    if (!/^[^/\\]+$/.test(name) || name === '.' || name === '..') {
      throw new TypeError(`invalid system attribute name: '${name}'`);
    }
  }
  writeMetaFileSync(run, '__schema__', '1');
  const steps: [message: string, file: string, content: string][] = [
    ['Writing meta opref', 'opref', oprefText],
    ['Writing meta run id', 'id', run.id],
    ['Writing meta opdef', 'opdef.json', encodeMetaJson(opdef.data)],
    ['Writing meta config', 'config.json', encodeMetaJson(config)],
    ['Writing meta proc cmd', 'proc/cmd', encodeMetaJson(cmd.args)],
    // Decision 18: a secret-looking variable's value is never written; its name is.
    ['Writing meta proc env', 'proc/env', encodeMetaJson(redactEnv(cmd.env))],
    ...Object.entries(sysAttrs).map(
      ([name, value]): [string, string, string] => [`Writing meta system ${name}`, `sys/${name}.json`, encodeMetaJson(value)],
    ),
  ];
  for (const [message, file, content] of steps) {
    logRunnerSync(run, message);
    writeMetaFileSync(run, file, content);
  }
  writeRunTimestampSync(run, 'initialized');
  run.opref = opref;
}
