import type { JsonSpan } from '@gage/types';
import { NotebookFormatError } from '../errors.js';
import { scanJsonText } from './json-config.js';

/** One JSON string of a code cell's `source` (the whole source, or one line of a list). */
interface NotebookSourcePiece {
  /** Offset in the cell text of the piece's first character. */
  from: number;
  /** Offset in the cell text after its last character. */
  to: number;
  /** Offset in the notebook text of its first character after the opening quote. */
  start: number;
  /** The piece as written in the notebook: the JSON string between its quotes, escapes undecoded. */
  raw: string;
}

/** A code cell of a notebook. */
export interface NotebookCodeCell {
  /** Its index in the notebook's `cells` array (0-based). */
  index: number;
  /** The cell's source: its `source` string, or its `source` list joined. */
  text: string;
  /** The JSON strings the text comes from, in order. */
  pieces: NotebookSourcePiece[];
}

const CELL_KEY = /^cells\.(0|[1-9][0-9]*)\.(cell_type|source)(?:\.(0|[1-9][0-9]*))?$/;
const SOURCE_PREFIX = /^cells\.(?:0|[1-9][0-9]*)\.source\./;

/**
 * The code cells of an nbformat 4 notebook (docs/spec/stage.md 5.7), read with
 * `parseJsonSpans` so that each piece of a cell's source keeps its place in
 * the file: a literal of the cell text can then be patched byte for byte.
 * Markdown and raw cells are left out.
 *
 * @throws {ConfigSyntaxError} `ERR_GAGE_CONFIG_SYNTAX` when the text is not JSON
 * @throws {NotebookFormatError} `ERR_GAGE_NOTEBOOK_FORMAT` for JSON that is no nbformat 4 notebook
 * @example
 * ```ts
 * notebookCodeCells('{"cells": [{"cell_type": "code", "source": ["x = 1\\n"]}], "nbformat": 4}');
 * // [{ index: 0, text: 'x = 1\n', pieces: [{ from: 0, to: 6, start: 45, raw: 'x = 1\\n' }] }]
 * ```
 */
export function notebookCodeCells(text: string): NotebookCodeCell[] {
  const spans = scanJsonText(text);
  if (!/^\uFEFF?[ \t\r\n]*\{/.test(text)) throw new NotebookFormatError('not a Jupyter notebook: the JSON is not an object');
  checkNbformat(spans.get('nbformat'));
  const types = new Map<number, unknown>();
  const sources = new Map<number, JsonSpan[]>();
  for (const [key, span] of spans) {
    const m = CELL_KEY.exec(key);
    if (!m) {
      if (SOURCE_PREFIX.test(key)) throw notText(key);
      continue;
    }
    const index = Number(m[1]);
    if (m[2] === 'cell_type') {
      if (m[3] === undefined) types.set(index, span.value);
      continue;
    }
    if (typeof span.value !== 'string') throw notText(key);
    const list = sources.get(index);
    if (list) list.push(span);
    else sources.set(index, [span]);
  }
  const cells: NotebookCodeCell[] = [];
  for (const [index, list] of sources) {
    if (types.get(index) !== 'code') continue;
    const pieces: NotebookSourcePiece[] = [];
    let cellText = '';
    for (const span of list) {
      const value = span.value as string;
      pieces.push({ from: cellText.length, to: cellText.length + value.length, start: span.start + 1, raw: text.slice(span.start + 1, span.end - 1) });
      cellText += value;
    }
    cells.push({ index, text: cellText, pieces });
  }
  return cells.sort((a, b) => a.index - b.index);
}

/**
 * The offset in the notebook text of the character at `offset` of the cell
 * text (or of the end of the piece when `offset` is its end): the piece's
 * JSON string is walked, each escape counting as the one character it
 * stands for.
 */
export function notebookTextOffset(cell: NotebookCodeCell, offset: number, end: boolean): number {
  const piece = cell.pieces.find((p) => (end ? offset > p.from && offset <= p.to : offset >= p.from && offset < p.to)) as NotebookSourcePiece;
  const { raw } = piece;
  let i = 0;
  for (let n = offset - piece.from; n > 0; n--) i += raw.charCodeAt(i) !== BACKSLASH ? 1 : raw[i + 1] === 'u' ? 6 : 2;
  return piece.start + i;
}

const BACKSLASH = 92;

function checkNbformat(span: JsonSpan | undefined): void {
  const version = span?.value;
  if (version === 4n) return;
  if (typeof version !== 'bigint') throw new NotebookFormatError('not a Jupyter notebook: no integer "nbformat" field');
  if (version < 4n) {
    throw new NotebookFormatError(
      `nbformat ${version} notebooks are not supported (only nbformat 4); upgrade it with 'jupyter nbconvert --to notebook --inplace <file>' or by saving it in Jupyter`,
    );
  }
  throw new NotebookFormatError(`nbformat ${version} notebooks are not supported (only nbformat 4)`);
}

function notText(key: string): NotebookFormatError {
  const [, index] = key.split('.');
  return new NotebookFormatError(`not a Jupyter notebook: the source of cell ${index} is not text`);
}
