// The JSON of the server's routes (packages/view/README.md), as the UI reads it.

export interface RunRow {
  id: string;
  name: string;
  operation: string | null;
  status: string;
  label: string | null;
  started: number | null;
  stopped: number | null;
  config: Record<string, unknown>;
  metrics: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export interface RunDetail {
  id: string;
  name: string;
  opref: string | null;
  status: string;
  attributes: Record<string, unknown>;
  config: Record<string, unknown>;
  opdef: Record<string, unknown> | null;
  provenance: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
  userAttrs: Record<string, unknown>;
  comments: { id: string; author: string; timestamp: number; msg: string }[];
  outputs: string[];
}

interface ScalarSeries {
  step: number[];
  time: number[];
  value: (number | null)[];
}

export interface ScalarsResponse {
  status: string;
  series: Record<string, ScalarSeries>;
}

export interface OutputResponse {
  status: string;
  lines: [number, number, string][];
  next: number;
}

export interface FileEntry {
  path: string;
  type: 'file' | 'link';
  size: number | null;
  mtime: number;
}

/** The data an export inlines (`data.js` sets `window.__GAGE_DATA__`). */
export interface ExportData {
  runs: RunRow[];
  details: Record<string, RunDetail>;
  scalars: Record<string, ScalarsResponse>;
  output: Record<string, OutputResponse>;
  files: Record<string, { files: FileEntry[]; truncated: boolean }>;
}
