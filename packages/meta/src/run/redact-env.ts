/** The value written in place of a secret-looking environment variable's value (decision 18). */
export const REDACTED = '<redacted>';

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;

/**
 * True when an environment variable's name looks like it holds a secret
 * (decision 18, docs/spec/wave2.md): it contains `TOKEN`, `SECRET`,
 * `PASSWORD`, `KEY` or `CREDENTIAL`, in any case.
 *
 * @example
 * ```ts
 * isSecretEnvName('HF_TOKEN'); // true
 * isSecretEnvName('EPOCHS');   // false
 * ```
 */
export function isSecretEnvName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * A copy of `env` with the value of every secret-looking name replaced by
 * `<redacted>` (the name is kept, so the record says the variable was set).
 *
 * @example
 * ```ts
 * redactEnv({ WANDB_API_KEY: 'abc', SEED: '1' }); // { WANDB_API_KEY: '<redacted>', SEED: '1' }
 * ```
 */
export function redactEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    Object.defineProperty(out, name, { value: isSecretEnvName(name) ? REDACTED : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * `env` without the entries whose value is `<redacted>`: starting a run
 * never passes the placeholder on; the variable comes from the parent
 * environment (or the caller's extra env) instead.
 *
 * @example
 * ```ts
 * withoutRedacted({ WANDB_API_KEY: '<redacted>', SEED: '1' }); // { SEED: '1' }
 * ```
 */
export function withoutRedacted(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== REDACTED) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
