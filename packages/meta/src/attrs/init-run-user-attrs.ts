import { mkdir } from 'node:fs/promises';
import type { JsonObject, Run } from '@gage/types';
import { AttrLogError } from '../errors.js';
import { osUser } from './_os-user.js';
import { runUserDir } from '../run/_run-paths.js';
import { logAttrs } from './log-attrs.js';

/**
 * Starts a new run's user attributes (docs/spec/lifecycle.md 14), e.g. the label of
 * `gage run -l`: creates `<runsDir>/<id>.user` and logs one entry setting
 * `attrs`, authored by the OS user. Does nothing for empty `attrs`.
 *
 * @throws {AttrLogError} `ERR_GAGE_ATTR_LOG` when the `.user` dir already exists.
 * @example
 * ```ts
 * await initRunUserAttrs(run, { label: 'baseline' });
 * ```
 */
export async function initRunUserAttrs(run: Run, attrs: JsonObject): Promise<void> {
  if (Object.keys(attrs).length === 0) return;
  const dir = runUserDir(run);
  try {
    await mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    throw new AttrLogError(`User attributes of run "${run.id}" already exist in "${dir}"`, {
      hint: 'Use logUserAttrs to change the attributes of an existing run.',
      cause: err,
    });
  }
  await logAttrs(dir, osUser(), attrs);
}
