import type { ExportData, FileEntry, OutputResponse, RunDetail, RunRowsPage, ScalarsResponse } from './types.js';

declare global {
  interface Window {
    __GAGE_DATA__?: ExportData;
  }
}

/** An error of a route: its message is shown where the data would be. */
class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  const body = await res.json().catch(() => ({})) as { error?: { message?: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

const exported = (): ExportData | undefined => window.__GAGE_DATA__;

/** True for the static export: no server, nothing live, no downloads. */
export const isExport = (): boolean => exported() !== undefined;

/**
 * Runs passing `where` (the filter language on the server; a text search in
 * an export), newest first: with `limit`, the first `limit` of them, which a
 * fresh server sends before its first listing of the runs dir ends.
 */
export async function fetchRuns(where: string, limit?: number): Promise<RunRowsPage> {
  const data = exported();
  if (data) {
    const term = where.trim().toLowerCase();
    const runs = term ? data.runs.filter((r) => [r.id, r.name, r.operation, r.status, r.label].some((v) => v?.toLowerCase().includes(term))) : data.runs;
    return { runs, total: runs.length, complete: true };
  }
  return getJson<RunRowsPage>(`api/runs?where=${encodeURIComponent(where)}${limit === undefined ? '' : `&limit=${limit}`}`);
}

export async function fetchDetail(id: string): Promise<RunDetail> {
  const data = exported();
  if (data) return data.details[id] ?? missing(id);
  return getJson(`api/runs/${encodeURIComponent(id)}`);
}

export async function fetchScalars(id: string): Promise<ScalarsResponse> {
  const data = exported();
  if (data) return data.scalars[id] ?? { status: 'unknown', series: {} };
  return getJson(`api/runs/${encodeURIComponent(id)}/scalars`);
}

export async function fetchOutput(id: string, from: number): Promise<OutputResponse> {
  const data = exported();
  if (data) {
    const out = data.output[id] ?? { status: 'unknown', lines: [], next: 0 };
    return { ...out, lines: out.lines.slice(from), next: Math.max(from, out.lines.length) };
  }
  return getJson(`api/runs/${encodeURIComponent(id)}/output?from=${from}`);
}

export async function fetchFiles(id: string): Promise<{ files: FileEntry[]; truncated: boolean }> {
  const data = exported();
  if (data) return data.files[id] ?? { files: [], truncated: false };
  return getJson(`api/runs/${encodeURIComponent(id)}/files`);
}

/** The download link of a run file; `undefined` in an export (files are not inlined). */
export function fileUrl(id: string, path: string): string | undefined {
  if (isExport()) return undefined;
  return `api/runs/${encodeURIComponent(id)}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function missing(id: string): never {
  throw new ApiError(404, `No run "${id}"`);
}
