/**
 * A file size for people (docs/spec/cli.md 1.7): under 1000 bytes as `N B`, else
 * decimal units with one decimal place (`1.0 kB`, `2.5 MB`, `1.2 GB`).
 *
 * @example
 * ```ts
 * formatFileSize(999);  // '999 B'
 * formatFileSize(2500); // '2.5 kB'
 * ```
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let n = bytes / 1000;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}
