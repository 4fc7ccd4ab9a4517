import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ViewError } from './errors.js';
import { indexHtml } from './_index-html.js';
import { findRun } from './find-run.js';
import { runDetail } from './run-detail.js';
import { listRunFiles } from './run-files.js';
import { runOutputPage } from './run-output-page.js';
import type { ExportData, OutputPage } from './route-types.js';
import { RunRows } from './run-rows.js';
import { runScalarSeries } from './run-scalars-data.js';
import { defaultUiDir } from './ui-dir.js';

/** Options of {@link exportViewSite}. */
export interface ExportViewSiteOptions {
  runsDir: string;
  /** Where to write the site: created, or an empty dir. */
  dir: string;
  /** The ids of the runs to export (default: every run). */
  runs?: readonly string[] | undefined;
  /** The built UI (default {@link defaultUiDir}). */
  uiDir?: string | undefined;
}

/** Output lines kept per run: a site stays small enough to open. */
const MAX_OUTPUT_LINES = 20_000;

/**
 * Writes the view app as a static site (decision 26, `gage board --export`):
 * `index.html`, `app.js`, `app.css` and `data.js` with the data inlined
 * (the runs table, and per run its page, scalars, the last 20,000 output
 * lines and the file list; not the files). It opens from `file://`, no
 * server needed.
 *
 * @throws {ViewError} `ERR_GAGE_VIEW_EXPORT` when `dir` is not empty,
 *   `ERR_GAGE_VIEW_UI` when the UI is not built
 * @example
 * ```ts
 * await exportViewSite({ runsDir: '/tmp/runs', dir: 'site' }); // { runs: 12 }
 * ```
 */
export async function exportViewSite(options: ExportViewSiteOptions): Promise<{ runs: number }> {
  const uiDir = options.uiDir ?? defaultUiDir();
  if (uiDir === undefined)
    throw new ViewError('ERR_GAGE_VIEW_UI', 'The gage view UI is missing', { hint: 'Reinstall Gage (or run `pnpm build` in a checkout).' });
  const existing = await readdir(options.dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (existing.length > 0) {
    throw new ViewError('ERR_GAGE_VIEW_EXPORT', `Cannot export to "${options.dir}": the directory is not empty`, {
      hint: 'Give a new or empty directory.',
    });
  }
  const wanted = options.runs ? new Set(options.runs) : undefined;
  const rows = (await new RunRows(options.runsDir).list()).filter((r) => !wanted || wanted.has(r.id));
  const data: ExportData = { runs: rows, details: {}, scalars: {}, output: {}, files: {} };
  for (const row of rows) {
    const run = findRun(options.runsDir, row.id);
    if (!run) continue;
    data.details[row.id] = await runDetail(run);
    data.scalars[row.id] = { status: row.status, series: await runScalarSeries(run) };
    const lines: OutputPage['lines'] = [];
    for (let from = 0;;) {
      const page = await runOutputPage(run, from);
      lines.push(...page.lines);
      if (page.lines.length === 0) break;
      from = page.next;
    }
    data.output[row.id] = { status: row.status, lines: lines.slice(-MAX_OUTPUT_LINES), next: Math.min(lines.length, MAX_OUTPUT_LINES) };
    data.files[row.id] = await listRunFiles(run);
  }
  await mkdir(options.dir, { recursive: true });
  await copyFile(join(uiDir, 'app.js'), join(options.dir, 'app.js'));
  await copyFile(join(uiDir, 'app.css'), join(options.dir, 'app.css'));
  // `</` is escaped so no text of a run can end the script early.
  const json = JSON.stringify(data).replace(/<\//g, '<\\/').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  await writeFile(join(options.dir, 'data.js'), `window.__GAGE_DATA__ = ${json};\n`);
  await writeFile(join(options.dir, 'index.html'), indexHtml({ data: true }));
  return { runs: rows.length };
}
