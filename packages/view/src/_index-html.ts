/**
 * The app's page: a root element, the stylesheet and the script (a classic
 * script, so the export opens from `file://`); the export adds its
 * `data.js` before the app.
 */
export function indexHtml(options: { data?: boolean } = {}): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Gage</title>',
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="app.css">',
    '</head>',
    '<body>',
    '<div id="app"></div>',
    ...(options.data ? ['<script src="data.js"></script>'] : []),
    '<script src="app.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
