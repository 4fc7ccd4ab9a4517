import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, readZipSync } from './_zip.js';

const ZIP = fileURLToPath(new URL('../../test/fixtures/import/zip/', import.meta.url));

describe('readZipSync', () => {
  test('reads stored and deflated members written by Python zipfile', () => {
    const members = readZipSync(readFileSync(`${ZIP}deflated.zip`));
    expect(members.map((m) => [m.name, Buffer.from(m.data).toString('utf8')])).toEqual([['dir/', ''], ['dir/a.txt', 'héllo '.repeat(100)], ['b', 'stored']]);
  });

  test('a damaged member fails its CRC-32', () => {
    expect(() => readZipSync(readFileSync(`${ZIP}bad-crc.zip`))).toThrow('member "b" is damaged (size or CRC-32 does not match)');
  });

  test('a truncated file and a file that is no zip say so', () => {
    const data = readFileSync(`${ZIP}deflated.zip`);
    expect(() => readZipSync(data.subarray(0, data.length - 30))).toThrow('not a zip file (no end of central directory record)');
    expect(() => readZipSync(Buffer.from('hello'))).toThrow('not a zip file');
  });

  test('crc32 of "123456789" is the check value cbf43926', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });
});
