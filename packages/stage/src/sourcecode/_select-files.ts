import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { makeLoopYield } from '@gage/meta';
import { compareCodePoints } from '@gage/types';
import type { SourcePattern } from './parse-source-pattern.js';
import { isTextFileSync } from './is-text-file.js';
import { isRunEntry, runIdsIn } from './_run-entries.js';
import { sentinelMatches } from './_sentinel-matches.js';

/** A path the selection passed over, and why. */
export interface SkippedPath {
  /** Relative path with `/` separators. */
  path: string;
  /**
   * Why: a symlink that is broken, leads outside the project or into a cycle;
   * the runs dir; an unreadable dir; or a file an include rule would take but
   * for its size test (`size-limit`) or its used-up `max-matches` budget.
   */
  reason: 'broken-symlink' | 'outside-project' | 'symlink-cycle' | 'runs-dir' | 'max-matches' | 'size-limit' | 'unreadable';
  /** The file size in bytes, for `size-limit` and `max-matches` (when it can be read). */
  size?: number;
}

export interface SelectFilesOptions {
  /** Never scanned when it lies inside the root (compared by real path). */
  runsDir?: string | undefined;
  /** Top-level directory names not scanned at all (config file pruning, docs/spec/stage.md 5.2). */
  pruneTopDirs?: ReadonlySet<string> | undefined;
}

export interface SelectFilesResult {
  paths: string[];
  /** Sizes of selected files the selection learned anyway (a type or size test, a symlink): the copy need not stat them. */
  sizes: Map<string, number>;
  skipped: SkippedPath[];
  warnings: string[];
}

interface Entry {
  name: string;
  rel: string;
  abs: string;
  /** Real path (dirs only). */
  real: string;
  size?: number | undefined;
}

/**
 * Selects files under `rootDir` with the rules of docs/spec/stage.md 4.2 and the
 * traversal of 4.3: top-down; in each directory prune subdirectories (sorted),
 * test files (sorted), then descend. Symlinks are followed inside the root
 * only; cycles, broken links and the runs dir are skipped. The tree is read
 * with synchronous calls: per-file thread-pool round trips dominated staging.
 * The event loop gets a turn now and then (the run lock's refresh timer).
 */
export async function selectFiles(
  rootDir: string,
  patterns: readonly SourcePattern[],
  options: SelectFilesOptions = {},
): Promise<SelectFilesResult> {
  const s = new Selection(patterns, options);
  const fileRules = patterns.filter((p) => p.type !== 'dir');
  if (fileRules.length === 0) return { paths: [], sizes: new Map(), skipped: [], warnings: [] };
  const root = resolve(rootDir);
  s.realRoot = realpathSync.native(root);
  s.realRuns = options.runsDir === undefined ? undefined : realOrResolved(options.runsDir);
  await s.walk(root, '', s.realRoot, new Set([s.realRoot]));
  s.paths.sort(compareCodePoints);
  return { paths: s.paths, sizes: s.sizes, skipped: s.skipped, warnings: s.warnings };
}

class Selection {
  readonly fileRules: readonly SourcePattern[];
  readonly dirRules: readonly SourcePattern[];
  readonly counts = new Map<SourcePattern, number>();
  readonly paths: string[] = [];
  readonly sizes = new Map<string, number>();
  readonly skipped: SkippedPath[] = [];
  readonly warnings: string[] = [];
  realRoot = '';
  realRuns: string | undefined;
  readonly options: SelectFilesOptions;
  readonly pause = makeLoopYield();

  constructor(patterns: readonly SourcePattern[], options: SelectFilesOptions) {
    this.options = options;
    this.fileRules = patterns.filter((p) => p.type !== 'dir');
    this.dirRules = patterns.filter((p) => p.type === 'dir');
  }

  async walk(absDir: string, relDir: string, realDir: string, ancestors: ReadonlySet<string>): Promise<void> {
    let entries;
    try {
      entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => compareCodePoints(a.name, b.name));
    } catch (err) {
      if (relDir === '') throw err;
      this.skip(relDir, 'unreadable', `Cannot read directory "${relDir}": ${(err as Error).message}`);
      return;
    }
    const dirs: Entry[] = [];
    const files: Entry[] = [];
    // Only the project dir itself can be the runs dir here (a runs dir below it is pruned whole).
    const runIds = realDir === this.realRuns ? runIdsIn(entries) : undefined;
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (runIds !== undefined && isRunEntry(entry.name, runIds)) {
        this.skipped.push({ path: rel, reason: 'runs-dir' });
        continue;
      }
      const abs = join(absDir, entry.name);
      if (entry.isDirectory()) dirs.push({ name: entry.name, rel, abs, real: join(realDir, entry.name) });
      else if (entry.isFile()) files.push({ name: entry.name, rel, abs, real: '' });
      else if (entry.isSymbolicLink()) await this.addLink(entry.name, rel, abs, dirs, files);
    }
    const keep: Entry[] = [];
    for (const dir of dirs) if (await this.admitDir(dir, relDir, ancestors)) keep.push(dir);
    for (const file of files) {
      if (this.selectFile(file)) this.paths.push(file.rel);
      const turn = this.pause();
      if (turn) await turn;
    }
    for (const dir of keep) await this.walk(dir.abs, dir.rel, dir.real, new Set([...ancestors, dir.real]));
  }

  async addLink(name: string, rel: string, abs: string, dirs: Entry[], files: Entry[]): Promise<void> {
    let st;
    let real: string;
    try {
      st = statSync(abs);
      real = realpathSync.native(abs);
    } catch {
      if (this.fileRules.some((r) => !r.exclude && r.regex.test(rel))) {
        this.skip(rel, 'broken-symlink', `Skipped "${rel}": broken symbolic link`);
      }
      return;
    }
    const entry: Entry = { name, rel, abs, real, size: st.size };
    if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) {
      const wanted = st.isDirectory()
        ? !(await this.dirExcluded(entry))
        : this.fileRules.some((r) => !r.exclude && r.regex.test(rel));
      if (wanted) this.skip(rel, 'outside-project', `Skipped "${rel}": symbolic link to "${real}" outside the project`);
      return;
    }
    if (st.isDirectory()) dirs.push(entry);
    else if (st.isFile()) files.push(entry);
  }

  async admitDir(dir: Entry, relDir: string, ancestors: ReadonlySet<string>): Promise<boolean> {
    if (this.realRuns !== undefined && dir.real === this.realRuns) {
      this.skipped.push({ path: dir.rel, reason: 'runs-dir' });
      return false;
    }
    if (relDir === '' && this.options.pruneTopDirs?.has(dir.name)) return false;
    if (await this.dirExcluded(dir)) return false;
    if (ancestors.has(dir.real)) {
      this.skip(dir.rel, 'symlink-cycle', `Skipped "${dir.rel}": symbolic link cycle`);
      return false;
    }
    return true;
  }

  /** The last matching dir rule decides; an exclude prunes. */
  async dirExcluded(dir: Entry): Promise<boolean> {
    for (let i = this.dirRules.length - 1; i >= 0; i--) {
      const rule = this.dirRules[i] as SourcePattern;
      if (!rule.regex.test(dir.rel)) continue;
      if (rule.sentinel !== undefined && !(await sentinelMatches(dir.abs, rule.sentinel))) continue;
      return rule.exclude;
    }
    return false;
  }

  /**
   * The last matching file rule decides (docs/spec/stage.md 4.2); every match counts.
   * A file left out only because an include rule's size test failed or its
   * `max-matches` budget was used up is recorded in `skipped` (no exclude
   * rule matched it): nothing is skipped in silence (issue 11). The type
   * test is not run for a used-up rule (it may read the file).
   */
  selectFile(file: Entry): boolean {
    const test = new FileTest(file, this.warnings);
    let selected = false;
    let excluded = false;
    let limited: SourcePattern | undefined;
    let sized: SourcePattern | undefined;
    for (const rule of this.fileRules) {
      if (!rule.regex.test(file.rel)) continue;
      const used = this.counts.get(rule) ?? 0;
      if (rule.maxMatches !== undefined && used >= rule.maxMatches) {
        if (!rule.exclude) limited ??= rule;
        continue;
      }
      if (!test.passesType(rule)) continue;
      if (!test.passesSize(rule)) {
        if (!rule.exclude) sized ??= rule;
        continue;
      }
      this.counts.set(rule, used + 1);
      selected = !rule.exclude;
      excluded ||= rule.exclude;
    }
    const known = test.knownSize();
    if (selected && known !== undefined) this.sizes.set(file.rel, known);
    if (!selected && !excluded && (sized ?? limited) !== undefined) {
      const reason = sized !== undefined ? 'size-limit' : 'max-matches';
      const size = test.size();
      this.skipped.push({ path: file.rel, reason, ...(size === undefined ? {} : { size }) });
    }
    return selected;
  }

  skip(path: string, reason: SkippedPath['reason'], warning: string): void {
    this.skipped.push({ path, reason });
    this.warnings.push(warning);
  }
}

/** Type and size tests of one file, from at most one `stat` (and a sample read for an unknown extension). */
class FileTest {
  private text: boolean | undefined;
  private stats: Stats | undefined;
  private statError: Error | undefined;
  readonly file: Entry;
  readonly warnings: string[];

  constructor(file: Entry, warnings: string[]) {
    this.file = file;
    this.warnings = warnings;
  }

  passesType(rule: SourcePattern): boolean {
    if (rule.type === 'text' && !this.isText()) return false;
    if (rule.type === 'binary' && this.isText()) return false;
    return true;
  }

  passesSize(rule: SourcePattern): boolean {
    if (rule.sizeLt === undefined && rule.sizeGt === undefined) return true;
    const size = this.size();
    if (size === undefined) return true;
    return (rule.sizeGt !== undefined && size > rule.sizeGt) || (rule.sizeLt !== undefined && size < rule.sizeLt);
  }

  isText(): boolean {
    if (this.text === undefined) {
      try {
        this.text = isTextFileSync(this.file.abs, this.stat());
      } catch (err) {
        this.warnings.push(`Cannot read "${this.file.rel}": ${(err as Error).message}`);
        this.text = false;
      }
    }
    return this.text;
  }

  /** The size if a `stat` was made already (or the entry came with one), else `undefined`. */
  knownSize(): number | undefined {
    return this.file.size ?? this.stats?.size;
  }

  /** The size; `undefined` when the file is gone or unreadable (no size test applies; the copy reports it). */
  size(): number | undefined {
    if (this.file.size !== undefined) return this.file.size;
    try {
      return this.stat().size;
    } catch {
      return undefined;
    }
  }

  private stat(): Stats {
    if (this.statError !== undefined) throw this.statError;
    try {
      this.stats ??= statSync(this.file.abs);
      return this.stats;
    } catch (err) {
      this.statError = err as Error;
      throw err;
    }
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}
