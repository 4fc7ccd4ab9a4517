import type { CompletionCommand, CompletionModel } from './completion-model.js';

/**
 * The bash completion script (docs/spec/cli.md 5.21): one function,
 * `_gage_complete`, registered for `gage`. Commands, options, help topics
 * and shells are written into it; operations, flags and run names come from
 * `gage __complete`, run with the `-C` and `--runs` options of the command
 * line (the answer is kept for 5 s, for the second TAB of a listing). It
 * reads `COMP_WORDS` and `COMP_CWORD` only, and copes with bash splitting
 * `name=value` at `=`.
 *
 * @example
 * ```ts
 * io.stdout.write(bashScript(await completionModel()));
 * ```
 */
export function bashScript(model: CompletionModel): string {
  const globalOpts = model.globals.flatMap((o) => o.flags);
  const globalValues = model.globals.filter((o) => o.value !== undefined).flatMap((o) => o.flags);
  const commandNames = model.commands.flatMap((c) => c.names);
  return `# bash completion for gage. Load it with:  eval "$(gage completion bash)"
# or save it:  gage completion bash > ~/.local/share/bash-completion/completions/gage
_gage_complete() {
  local gage=\${COMP_WORDS[0]} cur=\${COMP_WORDS[COMP_CWORD]} prev= cmd= i=1 w
  local -a globals=()
  COMPREPLY=()
  (( COMP_CWORD > 0 )) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  # Global options (those with a value are passed on to gage), then the command.
  while (( i < COMP_CWORD )); do
    w=\${COMP_WORDS[i]}
    case $w in
      ${globalValues.join('|')}) globals+=("$w" "\${COMP_WORDS[i+1]}"); (( i += 2 )) ;;
      -*) (( i++ )) ;;
      *) cmd=$w; (( i++ )); break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    case $prev in
      ${globalValues.join('|')}) _gage_dirs; return 0 ;;
    esac
    if [[ $cur == -* ]]; then _gage_words '${globalOpts.join(' ')}'; else _gage_words '${commandNames.join(' ')}'; fi
    return 0
  fi
  local opts= values='|' runvalues='|' kind=none deleted=
  case $cmd in
${model.commands.map(commandCase).join('\n')}
    *) return 0 ;;
  esac
  if [[ $values == *"|$prev|"* ]]; then
    [[ $runvalues == *"|$prev|"* ]] && _gage_ask runs
    return 0
  fi
  if [[ $cur == -* ]]; then _gage_words "$opts"; return 0; fi
  local j=$i op=
  for (( j = i; j < COMP_CWORD; j++ )); do
    [[ \${COMP_WORDS[j]} == -d || \${COMP_WORDS[j]} == --deleted ]] && deleted=--deleted
  done
  case $kind in
    runs) _gage_ask runs $deleted ;;
    topic) _gage_words '${model.topics.join(' ')}' ;;
    shell) _gage_words '${model.shells.join(' ')}' ;;
    operation)
      [[ $prev == = || $cur == *=* ]] && return 0 # a flag's value
      j=$i
      while (( j < COMP_CWORD )); do
        w=\${COMP_WORDS[j]}
        if [[ $values == *"|$w|"* ]]; then (( j += 2 ))
        elif [[ $w == -* || $w == *=* ]]; then (( j++ ))
        elif [[ \${COMP_WORDS[j+1]} == = ]]; then (( j += 3 ))
        else op=$w; break
        fi
      done
      if [[ -z $op ]]; then _gage_ask flags; else _gage_ask flags "$op"; fi
      [[ \${COMPREPLY[*]} == *=* ]] && type compopt &>/dev/null && compopt -o nospace
      ;;
  esac
  return 0
}
_gage_words() { # the words of $1 that start with $cur
  local w
  for w in $1; do [[ $w == "$cur"* ]] && COMPREPLY+=("$w"); done
}
_gage_cache_key= _gage_cache_words= _gage_cache_time=0
_gage_ask() { # the candidates gage prints for "$@" that start with $cur; the same question within 5 s is not asked again
  local key="$PWD|\${globals[*]}|$*" line
  if [[ $key != "$_gage_cache_key" ]] || (( SECONDS - _gage_cache_time > 5 )); then
    _gage_cache_words=$("$gage" "\${globals[@]}" __complete "$@" 2>/dev/null)
    _gage_cache_key=$key _gage_cache_time=$SECONDS
  fi
  while IFS= read -r line; do
    [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
  done <<< "$_gage_cache_words"
}
_gage_dirs() {
  local line
  while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -d -- "$cur")
  type compopt &>/dev/null && compopt -o filenames
}
complete -o default -F _gage_complete gage
`;
}

function commandCase(c: CompletionCommand): string {
  const opts = c.options.flatMap((o) => o.flags).join(' ');
  const values = c.options.filter((o) => o.value !== undefined).flatMap((o) => o.flags);
  const runValues = c.options.filter((o) => o.value === 'runs').flatMap((o) => o.flags);
  const deleted = c.deletedRuns ? ' deleted=--deleted;' : '';
  return `    ${c.names.join('|')}) opts='${opts}'; values='|${values.map((v) => `${v}|`).join('')}'; runvalues='|${
    runValues.map((v) => `${v}|`).join('')
  }'; kind=${c.positional};${deleted} ;;`;
}
