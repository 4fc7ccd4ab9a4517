import { describe, expect, test } from '@jest/globals';
import { OpDef, type JsonObject } from '@gage/types';
import { parseFlags, resolveRunOperation } from './_run-op.js';

const MODE = { styled: false, color: false, width: 80 };

function gagefile(...ops: [string, JsonObject][]) {
  return { path: 'gage.toml', data: {}, settings: {}, operations: ops.map(([name, data]) => OpDef(name, data, 'gage.toml')) };
}

async function thrown(f: () => unknown): Promise<{ code?: string; message: string; hint?: string; unprefixed?: boolean; cause?: unknown }> {
  try {
    await f();
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('nothing thrown');
}

describe('resolveRunOperation()', () => {
  test('resolves with resolveOperation of @gage/stage', async () => {
    expect((await resolveRunOperation(gagefile(['a', {}], ['b', { default: true }]), undefined, MODE)).name).toBe('b');
    expect((await resolveRunOperation(gagefile(['a', {}]), undefined, MODE)).name).toBe('a');
  });

  test("shows stage's not-found error with its code, without 'gage: ', then the operations table", async () => {
    const err = await thrown(() => resolveRunOperation(gagefile(['train', {}], ['hello', { description: 'Say hi' }]), 'hi', MODE));
    expect(err).toMatchObject({ code: 'ERR_GAGE_OPERATION_NOT_FOUND', message: "Cannot find operation 'hi'", unprefixed: true });
    expect((err.cause as { code?: string }).code).toBe('ERR_GAGE_OPERATION_NOT_FOUND');
    const lines = (err.hint ?? '').split('\n');
    expect(lines.slice(0, 3)).toEqual(['Operations defined for this project:', '', `| operation | description${' '.repeat(53)} |`]);
    expect(lines[4]).toMatch(/^\| hello +\| Say hi +\|$/);
    expect(lines[5]).toMatch(/^\| train +\| +\|$/);
  });

  test("no default operation keeps stage's ERR_GAGE_NO_DEFAULT_OPERATION", async () => {
    const err = await thrown(() => resolveRunOperation(gagefile(['a', {}], ['b', {}]), undefined, MODE));
    expect(err).toMatchObject({ code: 'ERR_GAGE_NO_DEFAULT_OPERATION', message: 'Cannot find a default operation', unprefixed: true });
    expect(err.hint).toMatch(/^Operations defined for this project:\n\n\| operation /);
  });
});

describe('parseFlags()', () => {
  test('parses with parseRunFlag of @gage/stage', () => {
    expect(parseFlags(['x=1', 'y = 2.0'])).toEqual([{ name: 'x', value: 1n, text: '1' }, { name: 'y', value: 2, text: '2.0' }]);
  });

  test("shows stage's FlagAssignError with its code ERR_GAGE_FLAG in the words of docs/spec/cli.md 5.1", async () => {
    expect(await thrown(() => parseFlags(['x=1', 'epochs']))).toMatchObject({
      code: 'ERR_GAGE_FLAG',
      message: "Invalid flag assignment: expected NAME=VALUE, got 'epochs'",
    });
    expect(await thrown(() => parseFlags(['a b=1']))).toMatchObject({ code: 'ERR_GAGE_FLAG', message: "Invalid flag assignment: Unexpected token: 'b'" });
  });
});
