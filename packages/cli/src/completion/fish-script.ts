import type { CompletionModel, CompletionOption } from './completion-model.js';

/**
 * The fish completion script (docs/spec/cli.md 5.21): `complete` lines for
 * the commands and their options, with their help as descriptions, and
 * functions that ask `gage __complete` for operations, flags and run names.
 *
 * @example
 * ```ts
 * io.stdout.write(fishScript(await completionModel()));
 * ```
 */
export function fishScript(model: CompletionModel): string {
  const lines = [
    '# fish completion for gage. Load it with:  gage completion fish | source',
    '# or save it:  gage completion fish > ~/.config/fish/completions/gage.fish',
    'function __gage_words --description "gage global options with a value, then the command and its arguments"',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l globals',
    '    while set -q words[1]',
    '        switch $words[1]',
    `            case ${valueFlags(model.globals).join(' ')}`,
    '                set -a globals $words[1..2]',
    '                set -e words[1]',
    '                set -q words[1]; and set -e words[1]',
    "            case '-*'",
    '                set -e words[1]',
    "            case '*'",
    '                break',
    '        end',
    '    end',
    '    printf "%s\\n" $globals --- $words',
    'end',
    'function __gage_command',
    '    set -l words (__gage_words)',
    '    set -l i (contains -i -- --- $words)',
    '    set -q words[(math $i + 1)]; or return 1',
    '    echo $words[(math $i + 1)]',
    'end',
    'function __gage_command_is',
    '    contains -- (__gage_command) $argv',
    'end',
    'function __gage_ask --description "ask gage for completion candidates"',
    '    set -l words (__gage_words)',
    '    set -l i (contains -i -- --- $words)',
    '    set -l globals',
    '    test $i -gt 1; and set globals $words[1..(math $i - 1)]',
    '    set -l cmd (commandline -opc)[1]',
    '    $cmd $globals __complete $argv 2>/dev/null',
    'end',
    'function __gage_runs --description "run names; the trash after -d/--deleted"',
    '    set -l deleted $argv',
    '    set -l words (__gage_words)',
    '    set -l i (contains -i -- --- $words)',
    '    for w in $words[(math $i + 1)..-1]',
    '        contains -- $w -d --deleted; and set deleted --deleted',
    '    end',
    '    __gage_ask runs $deleted',
    'end',
    'function __gage_run_words --description "operations and flags after gage run"',
    '    set -l words (__gage_words)',
    '    set -l i (contains -i -- --- $words)',
    '    set -l op',
    '    set -l rest',
    '    set -q words[(math $i + 2)]; and set rest $words[(math $i + 2)..-1]',
    '    for w in $rest',
    "        string match -q -- '-*' $w; and continue",
    "        string match -q -- '*=*' $w; and continue",
    '        set op $w',
    '        break',
    '    end',
    '    __gage_ask flags $op',
    'end',
    'complete -c gage -f',
  ];
  for (const o of model.globals) lines.push(`complete -c gage -n 'not __gage_command' ${optionArgs(o)}`);
  for (const c of model.commands) {
    for (const name of c.names) lines.push(`complete -c gage -n 'not __gage_command' -a ${quote(name)} -d ${quote(c.summary)}`);
    const when = `-n ${quote(`__gage_command_is ${c.names.join(' ')}`)}`;
    for (const o of c.options) lines.push(`complete -c gage ${when} ${optionArgs(o)}`);
    const deleted = c.deletedRuns ? ' --deleted' : '';
    if (c.positional === 'runs') lines.push(`complete -c gage ${when} -a '(__gage_runs${deleted})'`);
    if (c.positional === 'operation') lines.push(`complete -c gage ${when} -a '(__gage_run_words)'`);
    if (c.positional === 'topic') lines.push(`complete -c gage ${when} -a ${quote(model.topics.join(' '))}`);
    if (c.positional === 'shell') lines.push(`complete -c gage ${when} -a ${quote(model.shells.join(' '))}`);
    if (c.positional === 'files') lines.push(`complete -c gage ${when} -F`);
    for (const o of c.options.filter((x) => x.value === 'runs')) {
      const long = o.flags.find((f) => f.startsWith('--'));
      if (long) lines.push(`complete -c gage ${when} -l ${long.slice(2)} -x -a '(__gage_ask runs)'`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function valueFlags(options: CompletionOption[]): string[] {
  return options.filter((o) => o.value !== undefined).flatMap((o) => o.flags);
}

function optionArgs(o: CompletionOption): string {
  const parts: string[] = [];
  for (const f of o.flags) {
    if (/^-[^-]$/.test(f)) parts.push(`-s ${f.slice(1)}`);
    else if (f.startsWith('--')) parts.push(`-l ${f.slice(2)}`);
    else parts.push(`-o ${f.slice(1)}`);
  }
  if (o.value === 'dirs') parts.push("-x -a '(__fish_complete_directories)'");
  else if (o.value === 'files') parts.push('-r -F');
  else if (o.value !== undefined) parts.push('-x');
  if (o.help) parts.push(`-d ${quote(o.help)}`);
  return parts.join(' ');
}

/** A fish single-quoted word. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
