import { userInfo } from 'node:os';

/** The OS user name for attr-log entries: `os.userInfo()`, then `USER`, then `__unknown__`. */
export function osUser(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // no passwd entry for the uid (containers): fall through
  }
  return process.env['USER'] || '__unknown__';
}
