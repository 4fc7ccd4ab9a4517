/**
 * A project whose operations exercise every phase with `node` commands:
 * `work` prints and sleeps `ms`; `phased` adds staging and finalize hooks
 * that sleep, so that kills land in every phase; `trap` reports the signal
 * it gets and exits by it; `stubborn` ignores SIGINT and SIGTERM; `orphan`
 * leaves a child behind that ignores SIGTERM and holds the output pipes;
 * `fill` writes `file` bytes into the run dir and prints about `out` bytes.
 */
export const WORK_PROJECT: Record<string, string> = {
  'gage.toml': `[work]
default = true
exec = "node work.cjs"
config = "config.json"

[phased]
exec = { stage-sourcecode = "node nap.cjs 150", stage-runtime = "node nap.cjs 150", run = "node work.cjs", finalize = "node nap.cjs 150" }
config = "config.json"

[trap]
exec = ["node", "trap.cjs"]

[stubborn]
exec = ["node", "stubborn.cjs"]

[orphan]
exec = "node orphan.cjs"

[fill]
exec = "node fill.cjs"
config = "fill.json"
`,
  'fill.json': '{"out": 1000, "file": 1000}\n',
  'fill.cjs': `const fs = require('fs');
const { out, file } = JSON.parse(fs.readFileSync('fill.json', 'utf8'));
fs.writeFileSync('data.bin', Buffer.alloc(file, 120));
const line = 'x'.repeat(99) + '\\n';
process.stdout.write(line.repeat(Math.floor(out / 100)));
`,
  'config.json': '{"ms": 200, "tag": "t"}\n',
  'work.cjs': `const fs = require('fs');
const { ms, tag } = JSON.parse(fs.readFileSync('config.json', 'utf8'));
console.log('start ' + tag);
fs.writeFileSync('result.txt', 'done ' + tag + ' ' + process.env.RUN_ID);
setTimeout(() => console.log('end ' + tag), ms);
`,
  'nap.cjs': 'setTimeout(() => {}, Number(process.argv[2]));\n',
  'trap.cjs': `const fs = require('fs');
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    fs.writeFileSync('signal.txt', sig);
    console.log('got ' + sig);
    process.kill(process.pid, sig); // no listener left: die by the signal
  });
}
console.log('ready');
setInterval(() => {}, 1000);
`,
  'stubborn.cjs': `process.on('SIGINT', () => console.log('ignoring SIGINT'));
process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
console.log('ready');
setInterval(() => {}, 1000);
`,
  'orphan.cjs': `const { spawn } = require('child_process');
const c = spawn('node', ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'inherit' });
require('fs').writeFileSync('orphan.pid', String(c.pid));
console.log('ready');
setInterval(() => {}, 1000);
`,
};
