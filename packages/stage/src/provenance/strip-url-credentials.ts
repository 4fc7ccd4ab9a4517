/**
 * A git remote URL without credentials (decision 18): the user and
 * password of `http(s)` URLs are removed (tokens are often passed as the
 * user); other URL schemes lose the password only; scp-like addresses
 * (`git@host:path`) and paths are kept as they are.
 *
 * @example
 * ```ts
 * stripUrlCredentials('https://me:ghp_x@github.com/o/r.git'); // 'https://github.com/o/r.git'
 * stripUrlCredentials('ssh://git:pw@host/r.git');            // 'ssh://git@host/r.git'
 * stripUrlCredentials('git@github.com:o/r.git');             // 'git@github.com:o/r.git'
 * ```
 */
export function stripUrlCredentials(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*@)?(.*)$/s.exec(url);
  if (!m || m[2] === undefined) return url;
  const scheme = (m[1] as string).toLowerCase();
  if (scheme === 'http://' || scheme === 'https://') return `${m[1]}${m[3]}`;
  const user = (m[2] as string).slice(0, -1);
  const colon = user.indexOf(':');
  return colon === -1 ? url : `${m[1]}${user.slice(0, colon)}@${m[3]}`;
}
