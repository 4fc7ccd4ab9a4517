import { describe, expect, test } from '@jest/globals';
import { bestIndexes, lowerIsBetter } from './best-values.js';

describe('lowerIsBetter', () => {
  test.each([
    ['loss', true],
    ['val_loss', true],
    ['valLoss', true],
    ['train-error', true],
    ['top1_err', true],
    ['mse', true],
    ['rmse', true],
    ['MAE', true],
    ['perplexity', true],
    ['ppl', true],
    ['wer', true],
    ['cer', true],
    ['latency_ms', true],
    ['train.time', true],
    ['acc', false],
    ['accuracy', false],
    ['f1', false],
    ['bleu', false],
    ['lossless_ratio', false],
    ['errors', false],
    ['runtime', false],
  ])('%s: %s', (name, lower) => {
    expect(lowerIsBetter(name)).toBe(lower);
  });
});

describe('bestIndexes', () => {
  test('the least loss, the greatest accuracy, ties included, missing values skipped', () => {
    expect(bestIndexes('loss', [0.3, 0.1, undefined, 0.1])).toEqual(new Set([1, 3]));
    expect(bestIndexes('acc', [0.3, { value: 0.9 }, null, 5n])).toEqual(new Set([3]));
  });

  test('nothing is best with fewer than two numbers or all equal', () => {
    expect(bestIndexes('loss', [0.3, 'x', undefined])).toEqual(new Set());
    expect(bestIndexes('loss', [0.3, 0.3])).toEqual(new Set());
  });
});
