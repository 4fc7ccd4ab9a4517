import type { Config } from '@gage/types';
import { ConfigSyntaxError } from '../errors.js';
import type { ConfigFormat } from './config-format.js';
import { lastResult } from './_last-result.js';
import { type NotebookCodeCell, notebookCodeCells, notebookTextOffset } from './_notebook-cells.js';
import { maskIPythonSyntax } from './_notebook-magics.js';
import { collectPythonLiterals, pythonLiterals } from './_python-literals.js';
import { pythonConfigEdits } from './patch-python-config.js';
import type { PythonConfigLiteral } from './read-python-config.js';

/** A notebook read for config: its code cells as one Python module. */
interface NotebookScan {
  values: Config;
  /** Literals with offsets into `module`. */
  literals: PythonConfigLiteral[];
  /** The cells read, and where each starts in `module`. */
  cells: { cell: NotebookCodeCell; offset: number }[];
  /** One per code cell left out for its syntax. */
  warnings: string[];
}

const scanNotebook = lastResult(scan);

/**
 * Reads config defaults from and patches values into Jupyter notebooks
 * (`.ipynb`, nbformat 4; docs/spec/stage.md 5.7), keeping every byte a change does
 * not touch: the JSON layout, the split of each `source` into lines,
 * outputs, metadata.
 *
 * - `read(text, onWarning?)`: the code cells, in order, read as one Python
 *   file (docs/spec/stage.md 5.6): top-level literal assignments, the last literal
 *   assignment of a name winning, flat keys (`opts.lr`). IPython syntax
 *   (`%pip`, `!ls`, `x = !ls`, `?name`) is skipped, a cell magic cell
 *   (`%%bash`) and markdown and raw cells are ignored. A code cell that is
 *   not valid Python is left out with a warning
 *   `skipped cell 3: Invalid Python syntax: ... at line 2, column 5` (cell
 *   index from 0, line within the cell). Throws `ConfigSyntaxError` for text
 *   that is not JSON and `NotebookFormatError` for JSON that is no nbformat 4
 *   notebook.
 * - `patch(text, values)`: writes each changed literal as `patchPythonConfig`
 *   would and stores it in the cell's JSON string, escaped as JSON (non-ASCII
 *   raw); nothing else changes. `warnings` is always empty.
 *
 * @example
 * ```ts
 * const nb = '{"cells": [{"cell_type": "code", "source": ["lr = 0.1\\n", "print(lr)"]}], "nbformat": 4}';
 * notebookConfigFormat.read(nb);                  // { lr: 0.1 }
 * notebookConfigFormat.patch(nb, { lr: 1n }).text; // '{"cells": [{"cell_type": "code", "source": ["lr = 1\\n", "print(lr)"]}], "nbformat": 4}'
 * ```
 */
export const notebookConfigFormat: ConfigFormat = {
  name: 'notebook',
  read(text, onWarning) {
    const { values, warnings } = scanNotebook(text);
    if (onWarning) { for (const warning of warnings) onWarning(warning); }
    return { ...values };
  },
  patch(text, values) {
    const notebook = scanNotebook(text);
    const parts: string[] = [];
    let at = 0;
    for (const edit of pythonConfigEdits(notebook.literals, values)) {
      const { cell, offset } = cellAt(notebook, edit.from);
      const start = notebookTextOffset(cell, edit.from - offset, false);
      const end = notebookTextOffset(cell, edit.to - offset, true);
      // A literal over several lines of a `source` list (a triple-quoted string) becomes one line: its new text has no line break.
      parts.push(text.slice(at, start), JSON.stringify(edit.text).slice(1, -1));
      at = end;
    }
    parts.push(text.slice(at));
    return { text: parts.join(''), warnings: [] };
  },
};

function scan(text: string): NotebookScan {
  const warnings: string[] = [];
  const cells: NotebookScan['cells'] = [];
  const texts: string[] = [];
  let offset = 0;
  for (const cell of notebookCodeCells(text)) {
    const python = maskIPythonSyntax(cell.text);
    if (python === undefined) continue;
    try {
      pythonLiterals(python);
    } catch (err) {
      if (!(err instanceof ConfigSyntaxError)) throw err;
      warnings.push(`skipped cell ${cell.index}: ${err.message}`);
      continue;
    }
    cells.push({ cell, offset });
    texts.push(python);
    offset += python.length + 1;
  }
  // Each cell is valid Python on its own, so the cells joined by line breaks are a module whose top-level statements are theirs.
  const { values, literals } = collectPythonLiterals(texts.join('\n'));
  return { values, literals, cells, warnings };
}

/** The cell that holds offset `pos` of the joined module. */
function cellAt(notebook: NotebookScan, pos: number): { cell: NotebookCodeCell; offset: number } {
  let found = notebook.cells[0] as NotebookScan['cells'][number];
  for (const entry of notebook.cells) {
    if (entry.offset > pos) break;
    found = entry;
  }
  return found;
}
