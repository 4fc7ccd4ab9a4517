import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { getAttrs } from './get-attrs.js';
import { getAttrsByAuthor } from './get-attrs-by-author.js';
import { logAttrs } from './log-attrs.js';
import { makeLogId } from './make-log-id.js';
import { mergeAttrs } from './merge-attrs.js';

let tmp: string;
let dir: string;
beforeEach(async () => {
  tmp = await testdir();
  dir = join(tmp, 'abc.user');
});
afterEach(async () => {
  await removeTree(tmp);
});

/** Writes an entry by hand, as another tool or machine might have. */
async function writeEntry(ms: number, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${makeLogId(ms)}.json`), text);
}

describe('logAttrs()', () => {
  test('writes one read-only compact JSON file named by a log id', async () => {
    const path = await logAttrs(dir, 'maria', { label: 'first', n: 3n, x: 1, ok: true, nested: { a: [1n, null] } }, ['old']);
    const names = await readdir(dir);
    expect(names).toEqual([path.slice(dir.length + 1)]);
    expect(names[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.json$/);
    expect(await readFile(path, 'utf8')).toBe(
      '{"author":"maria","set":{"label":"first","n":3,"x":1.0,"ok":true,"nested":{"a":[1,null]}},"delete":["old"]}',
    );
    expect((await stat(path)).mode & 0o777).toBe(0o444);
  });

  test('writes raw UTF-8 and leaves no temp files', async () => {
    await logAttrs(dir, 'zoë', { label: 'naïve ✓' });
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(await readFile(join(dir, names[0] as string), 'utf8')).toBe('{"author":"zoë","set":{"label":"naïve ✓"},"delete":[]}');
  });

  test('entries logged one after another replay in order', async () => {
    for (let i = 0; i < 20; i++) await logAttrs(dir, 'maria', { i: BigInt(i) });
    expect(await getAttrs(dir)).toEqual({ i: 19n });
  });
});

describe('getAttrs()', () => {
  test('missing and empty dirs give {}', async () => {
    expect(await getAttrs(dir)).toEqual({});
    await mkdir(dir);
    expect(await getAttrs(dir)).toEqual({});
  });

  test('merges set, then applies delete, entry by entry in file-name order', async () => {
    await writeEntry(3000, '{"author": "b", "set": {"c": 3}, "delete": ["a"]}');
    await writeEntry(1000, '{"author": "a", "set": {"a": 1, "b": 2.5}}');
    await writeEntry(2000, '{"set": {"a": 10, "b": "x"}, "delete": ["b"]}');
    await writeEntry(4000, '{"author": "a", "set": {"b": [1, {"d": null}]}, "delete": ["b"]}');
    expect(await getAttrs(dir)).toEqual({ c: 3n });
  });

  test('keeps integers as bigint and floats as number', async () => {
    await writeEntry(1000, '{"author": "a", "set": {"big": 12345678901234567890, "f": 2.0}}');
    expect(await getAttrs(dir)).toEqual({ big: 12345678901234567890n, f: 2 });
  });

  test('an attribute named __proto__ is a plain attribute', async () => {
    await writeEntry(1000, '{"set": {"__proto__": {"polluted": true}, "a": 1}}');
    const attrs = await getAttrs(dir);
    expect(Object.keys(attrs)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect((attrs as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test('ignores files that are not *.json entries', async () => {
    await writeEntry(1000, '{"set": {"a": 1}}');
    await writeFile(join(dir, '.tmp-123'), 'garbage');
    await writeFile(join(dir, 'notes.txt'), 'garbage');
    expect(await getAttrs(dir)).toEqual({ a: 1n });
  });

  test.each([
    ['{"set": {"a": 1}', "Expecting ',' delimiter: line 1 column 17 (char 16)"],
    ['[1, 2]', 'expected a JSON object'],
    ['{"author": 1}', '"author" must be a string'],
    ['{"set": [1]}', '"set" must be an object'],
    ['{"delete": "a"}', '"delete" must be a list of attribute names'],
    ['{"delete": [1]}', '"delete" must be a list of attribute names'],
  ])('an invalid entry %s throws ERR_GAGE_ATTR_LOG naming the file', async (text, reason) => {
    await writeEntry(1000, text);
    const [name] = await readdir(dir);
    await expect(getAttrs(dir)).rejects.toMatchObject({
      code: 'ERR_GAGE_ATTR_LOG',
      message: `Invalid attribute log entry "${join(dir, name as string)}": ${reason}`,
    });
  });

  test('an entry that is a FIFO throws ERR_GAGE_ATTR_LOG at once instead of blocking', async () => {
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${makeLogId(1000)}.json`);
    execFileSync('mkfifo', [path]);
    await expect(getAttrs(dir)).rejects.toMatchObject({
      code: 'ERR_GAGE_ATTR_LOG',
      message: `Invalid attribute log entry "${path}": not a regular file`,
    });
  });

  test('null fields take their defaults', async () => {
    await writeEntry(1000, '{"author": null, "set": null, "delete": null}');
    await writeEntry(2000, '{"set": {"a": 1}}');
    expect(await getAttrs(dir)).toEqual({ a: 1n });
    expect(await getAttrsByAuthor(dir)).toEqual({ __unknown__: { a: 1n } });
  });
});

describe('getAttrsByAuthor()', () => {
  beforeEach(async () => {
    await writeEntry(1000, '{"author": "maria", "set": {"label": "m1", "x": 1}}');
    await writeEntry(2000, '{"author": "li", "set": {"label": "l1"}}');
    await writeEntry(3000, '{"author": "maria", "set": {"label": "m2"}, "delete": ["x"]}');
    await writeEntry(4000, '{"set": {"y": true}}');
  });

  test('replays each author separately', async () => {
    expect(await getAttrsByAuthor(dir)).toEqual({
      maria: { label: 'm2' },
      li: { label: 'l1' },
      __unknown__: { y: true },
    });
  });

  test('restricts to one author; an unknown author gives {}', async () => {
    expect(await getAttrsByAuthor(dir, 'li')).toEqual({ li: { label: 'l1' } });
    expect(await getAttrsByAuthor(dir, 'nobody')).toEqual({});
  });

  test('a missing dir gives {}', async () => {
    expect(await getAttrsByAuthor(join(tmp, 'missing'))).toEqual({});
  });
});

describe('mergeAttrs()', () => {
  test('copies entries dest lacks, never overwrites, keeps names and read-only mode', async () => {
    const other = join(tmp, 'other.user');
    const a = await logAttrs(dir, 'maria', { label: 'here' });
    const b = await logAttrs(other, 'li', { label: 'there', n: 1n });
    // Same name in both logs, different content: dest keeps its own.
    const shared = a.slice(dir.length + 1);
    await chmod(a, 0o644);
    await writeFile(join(other, shared), '{"author":"li","set":{"clash":true}}');

    const copied = await mergeAttrs(other, dir);
    expect(copied).toEqual([b.slice(other.length + 1)]);
    expect((await readdir(dir)).sort()).toEqual([shared, b.slice(other.length + 1)].sort());
    expect(await readFile(join(dir, shared), 'utf8')).toBe('{"author":"maria","set":{"label":"here"},"delete":[]}');
    expect((await stat(join(dir, copied[0] as string))).mode & 0o777).toBe(0o444);
    expect(await getAttrs(dir)).toEqual({ label: 'there', n: 1n });
    expect(await mergeAttrs(other, dir)).toEqual([]);
  });

  test('creates dest when needed; a missing src copies nothing; not recursive', async () => {
    const src = join(tmp, 'src.user');
    await logAttrs(src, 'maria', { a: 1n });
    await mkdir(join(src, 'sub'));
    await writeFile(join(src, 'sub', `${makeLogId()}.json`), '{}');
    expect(await mergeAttrs(src, dir)).toHaveLength(1);
    expect(await readdir(dir)).toHaveLength(1);
    expect(await mergeAttrs(join(tmp, 'missing'), join(tmp, 'new.user'))).toEqual([]);
    expect(await readdir(tmp)).not.toContain('new.user');
  });
});
