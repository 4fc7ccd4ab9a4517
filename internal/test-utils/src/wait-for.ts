/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Milliseconds between checks (default 20). */
  interval?: number;
}

/**
 * Resolves once `check` returns true, checking every `interval` ms. No
 * time limit of its own (the test's limit applies): make `check` also
 * return true when what it waits for can no longer come.
 *
 * @param check the condition
 * @example
 * ```ts
 * await waitFor(() => call.stderr.includes('Continue?'));
 * ```
 */
export async function waitFor(check: () => boolean | Promise<boolean>, options: WaitForOptions = {}): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, options.interval ?? 20));
}
