import { bashScript } from './bash-script.js';
import type { CompletionModel } from './completion-model.js';

/**
 * The zsh completion script (docs/spec/cli.md 5.21): the bash function of
 * {@link bashScript} through zsh's `bashcompinit`, so both shells complete
 * the same words.
 *
 * @example
 * ```ts
 * io.stdout.write(zshScript(await completionModel()));
 * ```
 */
export function zshScript(model: CompletionModel): string {
  const bash = bashScript(model).split('\n').filter((l) => !l.startsWith('# ')).join('\n');
  return `# zsh completion for gage. Load it (after compinit) with:  source <(gage completion zsh)
autoload -U +X compinit && { (( $+functions[compdef] )) || compinit; }
autoload -U +X bashcompinit && bashcompinit
${bash}`;
}
