import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The executable file `name` resolves to on `PATH` (or as a path relative to `cwd`), without running anything. */
export function findOnPath(name: string, cwd: string, path = process.env['PATH'] ?? ''): string | undefined {
  if (name.includes('/')) return executable(isAbsolute(name) ? name : join(cwd, name));
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const found = executable(join(dir, name));
    if (found !== undefined) return found;
  }
  return undefined;
}

function executable(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}
