import batches from './topics/batches.md';
import board from './topics/board.md';
import exec from './topics/exec.md';
import filters from './topics/filters.md';
import gagefile from './topics/gagefile.md';
import operations from './topics/operations.md';
import remotes from './topics/remotes.md';
import scalars from './topics/scalars.md';
import selectRuns from './topics/select-runs.md';
import sweeps from './topics/sweeps.md';

const TEXTS: Record<string, string> = {
  batches,
  board,
  exec,
  filters,
  gagefile,
  operations,
  remotes,
  scalars,
  'select-runs': selectRuns,
  sweeps,
};

/**
 * The Markdown of a help topic (`HELP_TOPICS`), or `undefined` for a name
 * that is not a topic. The texts are part of the bundle: nothing is read
 * from disk.
 *
 * @example
 * ```ts
 * helpTopicText('exec')?.startsWith('# Exec'); // true
 * ```
 */
export function helpTopicText(name: string): string | undefined {
  return Object.hasOwn(TEXTS, name) ? TEXTS[name] : undefined;
}
