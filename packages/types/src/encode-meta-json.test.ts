import { expect, test } from '@jest/globals';
import { compareCodePoints, encodeJson } from './encode-json.js';
import { encodeMetaJson } from './encode-meta-json.js';
import { parseJson } from './parse-json.js';

test('encodeMetaJson() writes the docs/spec/lifecycle.md 5.2 format', () => {
  expect(encodeMetaJson({ lr: 1, epochs: 3n })).toBe('{\n  "epochs": 3,\n  "lr": 1.0\n}');
  expect(encodeMetaJson(['echo', 'hello'])).toBe('[\n  "echo",\n  "hello"\n]');
  expect(encodeMetaJson({})).toBe('{}');
  expect(encodeMetaJson([])).toBe('[]');
  expect(encodeMetaJson('test 123')).toBe('"test 123"');
  expect(encodeMetaJson({ config: 'say.py', exec: 'python say.py' })).toBe(
    '{\n  "config": "say.py",\n  "exec": "python say.py"\n}',
  );
});

test('encodeMetaJson() sorts keys at every depth, writes raw UTF-8 and Python floats', () => {
  expect(encodeMetaJson({ b: { z: 1e-5, a: [Infinity, NaN, -Infinity] }, a: 'días' })).toBe(
    '{\n  "a": "días",\n  "b": {\n    "a": [\n      Infinity,\n      NaN,\n      -Infinity\n    ],\n    "z": 1e-05\n  }\n}',
  );
});

test('floats and integers survive a round trip', () => {
  const config = { a: 1, b: 2n, c: 0.5, d: -3n, e: null, f: true, g: 'x' };
  expect(parseJson(encodeMetaJson(config), { bigint: true })).toEqual(config);
});

test('compareCodePoints() orders by code point, not UTF-16 unit', () => {
  expect(['\uffff', '😀', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '😀']);
});

test('encodeJson() writes compact JSON in insertion order by default', () => {
  expect(encodeJson({ b: 1n, a: [0.5, 'x', null, true], c: {} })).toBe('{"b":1,"a":[0.5,"x",null,true],"c":{}}');
  expect(encodeJson({ b: 1n, a: 2 }, { indent: 2 })).toBe('{\n  "b": 1,\n  "a": 2.0\n}');
  expect(encodeJson([], { indent: 2 })).toBe('[]');
});
