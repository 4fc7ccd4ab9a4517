import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TensorFlow event files (`events.out.tfevents.*`) under a run dir, as
 * paths relative to it, sorted; `.guild` is not searched.
 *
 * @example
 * ```ts
 * findTfEventFiles(runDir); // ['events.out.tfevents.1700000000.host.1.0']
 * ```
 */
export function findTfEventFiles(runDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(rel ? join(runDir, rel) : runDir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && path !== '.guild') walk(path);
      else if (e.isFile() && e.name.startsWith('events.out.tfevents.')) found.push(path);
    }
  };
  walk('');
  return found.sort();
}
