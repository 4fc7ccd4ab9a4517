import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { BatchFileError } from '../errors.js';
import { parseBatchCsv, type BatchRow } from './parse-batch-csv.js';
import { parseBatchJson } from './parse-batch-json.js';

/** A batch file read by {@link readBatchFile}. */
export interface BatchFile {
  /** The file as the user named it. */
  file: string;
  /** One row per run, in file order. */
  rows: BatchRow[];
}

/** Options of {@link readBatchFile}. */
export interface ReadBatchFileOptions {
  /** The directory a relative `file` is read from; default: the process's working directory. */
  cwd?: string | undefined;
}

/**
 * Reads a batch file (docs/spec/cli.md 5.1 Batches), chosen by extension: `.csv`
 * ({@link parseBatchCsv}) or `.json` ({@link parseBatchJson}), in any case.
 * The text is UTF-8.
 *
 * @param file the file as the user named it (messages name it so)
 * @throws {BatchFileError} `ERR_GAGE_BATCH_FILE_EXTENSION` (checked first:
 *   `Unsupported extension for batch file <file>`),
 *   `ERR_GAGE_BATCH_FILE_MISSING` (`Batch file <file> does not exist`),
 *   `ERR_GAGE_BATCH_FILE_READ` (a directory, no permission, bad content),
 *   `ERR_GAGE_BATCH_FILE_SHAPE`
 * @example
 * ```ts
 * const batch = await readBatchFile('trials.csv', { cwd: projectDir });
 * batch.rows.length; // 2
 * ```
 */
export async function readBatchFile(file: string, options: ReadBatchFileOptions = {}): Promise<BatchFile> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new BatchFileError('ERR_GAGE_BATCH_FILE_EXTENSION', file, `Unsupported extension for batch file ${file}`, {
      hint: 'A batch file is a .csv or a .json file.',
    });
  }
  let text: string;
  try {
    text = await readFile(options.cwd === undefined ? file : resolve(options.cwd, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BatchFileError('ERR_GAGE_BATCH_FILE_MISSING', file, `Batch file ${file} does not exist`);
    const reason = (err as { message?: unknown }).message;
    throw new BatchFileError('ERR_GAGE_BATCH_FILE_READ', file, `Cannot read batch file ${file}: ${typeof reason === 'string' ? reason : String(err)}`, {
      cause: err,
    });
  }
  return { file, rows: ext === '.csv' ? parseBatchCsv(text, file) : parseBatchJson(text, file) };
}
