// The JSON of the `/api/...` routes (packages/view/README.md): one
// definition for the server (src) and the UI (ui/types.ts), so the two
// cannot drift apart. Types and one constant, no imports of code: the UI
// bundle takes this file as it is.
import type { RunStatus } from '@gage/types';

/** The rows the runs table asks for first (`/api/runs?limit=`), and a fresh server reads first: a screenful and then some. */
export const FIRST_ROWS = 100;

/** One row of the runs table, as the `/api/runs` route returns it (JSON-safe). */
export interface RunRow {
  id: string;
  name: string;
  /** The operation name; `null` for a half-made run. */
  operation: string | null;
  status: RunStatus;
  label: string | null;
  /** Epoch ms; `null` when not started (stopped). */
  started: number | null;
  stopped: number | null;
  /** The run config (integers as numbers, or as text past 2^53). */
  config: Record<string, unknown>;
  /** Metrics of `summary.json`, `{value}` objects flattened to their value. */
  metrics: Record<string, unknown>;
  /** Summary attributes, flattened the same way. */
  attributes: Record<string, unknown>;
}

/** The first rows of a listing, as `/api/runs?limit=N` returns them (JSON-safe). */
export interface RunRowsPage {
  /** The first rows, newest first. */
  runs: RunRow[];
  /**
   * The number of runs passing the filter. While the first listing of the
   * runs dir is under way (no filter), the number of `<id>.meta` dirs: a
   * damaged one that turns out not to be a run counts until then.
   */
  total: number;
  /** True when `runs` holds every run passing the filter (then `total` is its length). */
  complete: boolean;
}

/** A run page's data, as the `/api/runs/<id>` route returns it (JSON-safe). */
export interface RunDetail {
  id: string;
  name: string;
  opref: string | null;
  status: string;
  /** `started`, `stopped`, `staged`, `exit_code` and the like (lifecycle.md 12); times in epoch ms. */
  attributes: Record<string, unknown>;
  config: Record<string, unknown>;
  /** The operation definition as staged (`opdef.json`). */
  opdef: Record<string, unknown> | null;
  /** `provenance.json` (decision 18), `null` when the run has none. */
  provenance: Record<string, unknown> | null;
  /** `summary.json` as written (metrics, attributes, run). */
  summary: Record<string, unknown> | null;
  /** The user attributes (label, batch, ...; decision 22), comments left out. */
  userAttrs: Record<string, unknown>;
  comments: { id: string; author: string; timestamp: number; msg: string }[];
  /** The names of the run's captured outputs (`10_sourcecode` ... `40_run` ... `50_finalize`). */
  outputs: string[];
}

/** One key's series, as columns: `value` is `null` where the point was NaN or infinite. */
export interface ScalarSeries {
  step: number[];
  /** Epoch ms when each point was captured. */
  time: number[];
  value: (number | null)[];
}

/** A page of output lines, as the `/api/runs/<id>/output` route returns it. */
export interface OutputPage {
  /** `[timestamp (epoch ms), stream (0 stdout, 1 stderr), text]` per line. */
  lines: [number, number, string][];
  /** The line to ask for next (`from` of the next request). */
  next: number;
}

/** One entry of a run's file list, as the `/api/runs/<id>/files` route returns it. */
export interface RunFileEntry {
  /** The path under the run dir, `/`-separated. */
  path: string;
  /** `file`, or `link` for a symbolic link (downloadable only when it stays inside the run dir). */
  type: 'file' | 'link';
  /** Bytes (of the link's target for a link; `null` for a dangling or escaping one). */
  size: number | null;
  /** Epoch ms of the last change. */
  mtime: number;
}

/** `/api/runs/<id>/scalars`. */
export interface ScalarsResponse {
  status: string;
  series: Record<string, ScalarSeries>;
}

/** `/api/runs/<id>/output`. */
export interface OutputResponse extends OutputPage {
  status: string;
}

/** The data of a static export (`data.js` sets `window.__GAGE_DATA__`): each route's JSON, by run id. */
export interface ExportData {
  runs: RunRow[];
  details: Record<string, RunDetail>;
  scalars: Record<string, ScalarsResponse>;
  output: Record<string, OutputResponse>;
  files: Record<string, { files: RunFileEntry[]; truncated: boolean }>;
}
