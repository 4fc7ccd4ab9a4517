/** A topic of `gage help` (docs/spec/cli.md 5.16). */
export interface HelpTopic {
  name: string;
  /** One line for the topic list. */
  summary: string;
}

/**
 * The topics of `gage help`, sorted by name. Their texts are Markdown files
 * in `src/help/topics/`, bundled into the CLI (`helpTopicText`).
 *
 * @example
 * ```ts
 * HELP_TOPICS.map((t) => t.name); // ['batches', 'board', 'exec', ...]
 * ```
 */
export const HELP_TOPICS: readonly HelpTopic[] = [
  { name: 'batches', summary: 'Run an operation several times with batch files.' },
  { name: 'board', summary: 'Show run results as a board.' },
  { name: 'exec', summary: 'Define the commands an operation runs.' },
  { name: 'filters', summary: 'Filter runs with --where expressions.' },
  { name: 'gagefile', summary: 'Define operations in a Gage file.' },
  { name: 'operations', summary: 'Define and run operations.' },
  { name: 'remotes', summary: 'Copy runs to and from other places.' },
  { name: 'scalars', summary: 'Record the numbers a run prints as series.' },
  { name: 'select-runs', summary: 'Select runs by index, slice, ID or name.' },
  { name: 'sweeps', summary: 'Run an operation over ranges of flag values.' },
];
