import { formatLocalTime } from './_local-time.js';

/**
 * One record of the runner log (docs/spec/lifecycle.md 6), LF included:
 * `<local time> <message>\n`, each line break in `message` replaced with the
 * two characters `\n`.
 */
export function runnerLogLine(message: string, date = new Date()): string {
  return `${formatLocalTime(date)} ${message.replace(/\r\n|\r|\n/g, '\\n')}\n`;
}
