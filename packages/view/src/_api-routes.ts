import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { FilterSyntaxError, runStatus } from '@gage/meta';
import { findRun } from './find-run.js';
import { runDetail } from './run-detail.js';
import { listRunFiles, resolveRunFile } from './run-files.js';
import { runOutputPage } from './run-output-page.js';
import type { RunRows } from './run-rows.js';
import { runScalarSeries } from './run-scalars-data.js';

/** Sends `value` as JSON with `status`. */
function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Sends `{error: {code, message}}`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/**
 * Answers a `/api/...` route (the package README documents them); every
 * route only reads. `parts` are the decoded path segments after `api`.
 */
export async function apiRoute(res: ServerResponse, rows: RunRows, parts: string[], query: URLSearchParams): Promise<void> {
  if (parts[0] !== 'runs') return sendError(res, 404, 'not-found', 'No such route');
  if (parts.length === 1) {
    try {
      const where = query.get('where') ?? '';
      const limitText = query.get('limit');
      if (limitText === null) {
        const runs = await rows.list(where);
        return sendJson(res, 200, { where, runs, total: runs.length, complete: true });
      }
      const limit = Number(limitText);
      if (!/^\d+$/.test(limitText) || !Number.isSafeInteger(limit) || limit < 1) {
        return sendError(res, 400, 'limit', `Invalid limit "${limitText}": give a whole number of rows, 1 or more`);
      }
      return sendJson(res, 200, { where, ...await rows.page(where, limit) });
    } catch (err) {
      if (err instanceof FilterSyntaxError) return sendError(res, 400, err.code, err.message);
      throw err;
    }
  }
  const run = findRun(rows.runsDir, parts[1] as string);
  if (!run) return sendError(res, 404, 'not-found', `No run "${parts[1]}"`);
  const what = parts[2];
  if (parts.length === 2) return sendJson(res, 200, await runDetail(run));
  if (what === 'scalars' && parts.length === 3) return sendJson(res, 200, { status: await runStatus(run), series: await runScalarSeries(run) });
  if (what === 'output' && parts.length === 3) {
    const from = Number(query.get('from') ?? '0');
    const status = await runStatus(run);
    const name = query.get('name') ?? undefined;
    return sendJson(res, 200, { status, ...await runOutputPage(run, from, { name }) });
  }
  if (what === 'files' && parts.length === 3) return sendJson(res, 200, await listRunFiles(run));
  if (what === 'files') {
    const path = await resolveRunFile(run, parts.slice(3).join('/'));
    if (path === undefined) return sendError(res, 404, 'not-found', 'No such file in the run dir');
    const size = (await stat(path)).size;
    const name = basename(path).replace(/[^\w.-]/g, '_');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': size,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
    if (res.req.method === 'HEAD') return void res.end();
    const stream = createReadStream(path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  return sendError(res, 404, 'not-found', 'No such route');
}
