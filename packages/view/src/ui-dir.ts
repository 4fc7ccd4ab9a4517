import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The directory of the built UI (`index.html`'s `app.js` and `app.css`):
 * `ui/` beside this module when bundled (`dist/ui`, also in the CLI's
 * bundle, which copies it), else the package's `dist/ui` (sources run by
 * the tests); `undefined` when neither exists (the package was not built).
 *
 * @example
 * ```ts
 * defaultUiDir(); // '/…/node_modules/@gage/view/dist/ui'
 * ```
 */
export function defaultUiDir(): string | undefined {
  for (const rel of ['./ui/', '../dist/ui/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}app.js`)) return dir;
  }
  return undefined;
}
