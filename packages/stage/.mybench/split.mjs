import { readFileSync } from 'node:fs';
const stage = await import('/work/main/packages/stage/.mydist/index.js');
const f = process.argv[2];
const fmt = { py: stage.pythonConfigFormat, json: stage.jsonConfigFormat, yaml: stage.yamlConfigFormat, toml: stage.tomlConfigFormat }[f];
const text = readFileSync('/tmp/cfg.' + f, 'utf8');
const t0 = performance.now();
const cfg = fmt.read(text);
const t1 = performance.now();
const keys = Object.keys(cfg); const values = {};
for (let i = 0; i < keys.length; i += Math.floor(keys.length / 100)) { const v = cfg[keys[i]]; values[keys[i]] = typeof v === 'bigint' ? v + 1n : typeof v === 'number' ? v * 2 + 0.5 : typeof v === 'boolean' ? !v : `${v}-p`; }
const t2 = performance.now();
fmt.patch(text, values);
const t3 = performance.now();
console.log(f, 'read', (t1 - t0).toFixed(1), 'patch', (t3 - t2).toFixed(1));
