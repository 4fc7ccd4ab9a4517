import { describe, expect, test } from '@jest/globals';
import { RecordWriter } from './_record-writer.js';
import { ScalarByteScanner } from './_scalar-bytes.js';
import { jsonNumber } from './_scalar-json-number.js';

/** Runs one line through a fresh scanner: its values (key → JSON number text) and step, or undefined. */
const kv = (line: string) => {
  const scanner = new ScalarByteScanner();
  const out = new RecordWriter();
  scanner.scanLines(Buffer.from(line), 0, out);
  const records = out.view().toString().split('\n').filter((l) => l !== '');
  if (records.length === 0 && scanner.step < 0) return undefined;
  const values = Object.fromEntries(records.map((r) => {
    const m = /^\{"k":"(.*)","s":(\d+),"v":(.*),"t":0\}$/.exec(r) as RegExpExecArray;
    return [m[1], m[3]];
  }));
  return { values, step: scanner.step < 0 ? undefined : scanner.step };
};

describe('ScalarByteScanner: lines that are scalars (decision 20)', () => {
  test.each([
    ['loss: 0.25', { loss: '0.25' }, undefined],
    ['loss: 0.25 acc: 0.9', { loss: '0.25', acc: '0.9' }, undefined],
    ['loss=0.25, acc=0.9', { loss: '0.25', acc: '0.9' }, undefined],
    ['  loss = 0.25 ; acc = .9 | lr=1e-3', { loss: '0.25', acc: '0.9', lr: '1e-3' }, undefined],
    ['train/loss=0.3 val.acc=0.8 top-5=0.95', { 'train/loss': '0.3', 'val.acc': '0.8', 'top-5': '0.95' }, undefined],
    ['step 3 loss 0.25 acc 0.9', { loss: '0.25', acc: '0.9' }, 3],
    ['Step 10 loss: 0.5', { loss: '0.5' }, 10],
    ['step: 7 loss: 0.1', { loss: '0.1' }, 7],
    ['step=7', {}, 7],
    ['loss: nan grad: inf neg: -Infinity', { loss: 'NaN', grad: 'Infinity', neg: '-Infinity' }, undefined],
    ['x: +5 y: 5. z: -0', { x: '5', y: '5.0', z: '-0' }, undefined],
    ['Epoch: 3', { Epoch: '3' }, undefined],
    ['loss: 0.25\r', { loss: '0.25' }, undefined],
  ])('%j', (line, values, step) => {
    expect(kv(line)).toEqual({ values, step });
  });
});

describe('ScalarByteScanner: lines that only look like scalars give nothing', () => {
  test.each([
    'Epoch 3/10',
    'epoch 3',
    'step 3/10 loss 0.5',
    '12:30:45 loss=0.3',
    '2026-12-07 12:30:45',
    'version: 1.2.3',
    'Accuracy: 95.2%',
    'ETA: 00:01',
    'loss: 0.25s',
    'Downloading: 50%',
    'Saved to: /tmp/x',
    'http://host:8080/x',
    'a: b',
    'loss:',
    '= 3',
    'key- : 1',
    'loss 0.25',
    'INFO: loss=0.3',
    'loss: 0.25 done',
    'step three',
    '',
    '   ',
    'loss:0x10',
    'loss: 1e',
    'id: 007a',
  ])('%j', (line) => {
    expect(kv(line)).toBeUndefined();
  });
});

test('jsonNumber() writes any accepted number as JSON', () => {
  expect(['1', '-1', '0.5', '.5', '5.', '+2', '007', '1E5', '1e+5', 'nan', 'NaN', 'inf', '-inf', 'Infinity'].map(jsonNumber)).toEqual(
    ['1', '-1', '0.5', '0.5', '5.0', '2', '7', '1E5', '1e+5', 'NaN', 'NaN', 'Infinity', '-Infinity', 'Infinity'],
  );
});

test('ScalarByteScanner: steps carry over lines; without a step each key counts its own values; records are JSON', () => {
  const scanner = new ScalarByteScanner();
  const out = new RecordWriter();
  scanner.scanLines(Buffer.from('loss: 1\nacc: 0.5\nloss: 2\nstep 10 loss 3\nacc: .7\r\nnoise\nlast: 1'), 7, out);
  expect(out.view().toString().split('\n').filter((l) => l).map((l) => JSON.parse(l))).toEqual([
    { k: 'loss', s: 0, v: 1, t: 7 },
    { k: 'acc', s: 0, v: 0.5, t: 7 },
    { k: 'loss', s: 1, v: 2, t: 7 },
    { k: 'loss', s: 10, v: 3, t: 7 },
    { k: 'acc', s: 10, v: 0.7, t: 7 },
    { k: 'last', s: 10, v: 1, t: 7 },
  ]);
  expect(scanner.keys).toEqual(['loss', 'acc', 'last']);
});
