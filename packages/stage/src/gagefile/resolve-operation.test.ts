import { afterAll, describe, expect, test } from '@jest/globals';
import { OpDef } from '@gage/types';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { opRefFor } from './op-ref-for.js';
import { opRunCommand } from './op-run-command.js';
import { resolveOperation } from './resolve-operation.js';

afterAll(cleanupTestdirs);

const ops = (...defs: [string, OpDef['data']][]) => ({ operations: defs.map(([n, d]) => OpDef(n, d, 'gage.toml')) });

function thrown(f: () => unknown): { code: string; message: string; operations?: OpDef[] } {
  try {
    f();
  } catch (err) {
    return err as { code: string; message: string; operations?: OpDef[] };
  }
  throw new Error('expected an error');
}

describe('resolveOperation', () => {
  test('a spec matches a name exactly', () => {
    const gf = ops(['train', {}], ['test', {}]);
    expect(resolveOperation(gf, 'test').name).toBe('test');
    const err = thrown(() => resolveOperation(gf, 'tr'));
    expect(err.code).toBe('ERR_GAGE_OPERATION_NOT_FOUND');
    expect(err.message).toBe("Cannot find operation 'tr'");
    expect(err.operations?.map((o) => o.name)).toEqual(['test', 'train']);
  });

  test('no namespace prefix is accepted', () => {
    expect(thrown(() => resolveOperation(ops(['train', {}]), 'proj:train')).message).toBe("Cannot find operation 'proj:train'");
  });

  test('no spec: the only operation, default or not', () => {
    expect(resolveOperation(ops(['only', { default: false }])).name).toBe('only');
  });

  test('no spec: the first by name marked default', () => {
    expect(resolveOperation(ops(['z', { default: true }], ['b', {}], ['c', { default: true }])).name).toBe('c');
  });

  test('no spec and no default', () => {
    const err = thrown(() => resolveOperation(ops(['b', {}], ['a', {}])));
    expect(err).toMatchObject({ code: 'ERR_GAGE_NO_DEFAULT_OPERATION', message: 'Cannot find a default operation' });
    expect(err.operations?.map((o) => o.name)).toEqual(['a', 'b']);
    expect(thrown(() => resolveOperation(ops())).message).toBe('Cannot find a default operation');
  });
});

describe('opRefFor', () => {
  test('namespace from the project dir, version as text', async () => {
    const dir = await testdir({ 'my-proj': null });
    expect(await opRefFor(join(dir, 'my-proj'), OpDef('train', {}))).toEqual({ ns: 'my-proj', name: 'train' });
    expect(await opRefFor(join(dir, 'my-proj'), OpDef('train', { version: 2n }))).toEqual({ ns: 'my-proj', name: 'train', version: '2' });
  });
});

describe('opRunCommand', () => {
  test('replaces $project_dir in a string or each array element', () => {
    expect(opRunCommand(OpDef('a', { exec: 'python $project_dir/a.py' }), '/p')).toEqual({ args: 'python /p/a.py', env: {} });
    expect(opRunCommand(OpDef('a', { exec: { run: ['cp', '$project_dir/x', '$project_dir'] } }), '/p/q')).toEqual({
      args: ['cp', '/p/q/x', '/p/q'],
      env: {},
    });
  });

  test('quotes the dir for the shell in a shell string and a #!sh body, raw in an array and another #! body', () => {
    const dir = "/x/inj$(touch${IFS}PWNED) it's";
    const q = `'/x/inj$(touch\${IFS}PWNED) it'\\''s'`;
    const cmd = (exec: OpDef['data'][string]) => opRunCommand(OpDef('a', { exec }), dir).args;
    expect(cmd('ls $project_dir/gage.toml')).toBe(`ls ${q}/gage.toml`);
    expect(cmd(['ls', '$project_dir/gage.toml'])).toEqual(['ls', `${dir}/gage.toml`]);
    expect(cmd('#!/usr/bin/env bash\nls "$project_dir"')).toBe(`#!/usr/bin/env bash\nls "/x/inj\\$(touch\\\${IFS}PWNED) it's"`);
    expect(cmd('#!python3\nprint("$project_dir")')).toBe(`#!python3\nprint("${dir}")`);
  });

  test('makes the project dir absolute', () => {
    expect(opRunCommand(OpDef('a', { exec: ['ls', '$project_dir'] }), 'rel').args).toEqual(['ls', join(process.cwd(), 'rel')]);
  });

  test.each([[{}], [{ exec: '' }], [{ exec: [] }], [{ exec: { finalize: 'x' } }]])('missing run command: %p', (data) => {
    const err = thrown(() => opRunCommand(OpDef('train', data as OpDef['data'], 'proj/gage.toml'), '/p')) as { hint?: string };
    expect(err).toMatchObject({
      code: 'ERR_GAGE_MISSING_EXEC',
      message: 'Operation train defined in "proj/gage.toml" is missing an exec command',
      hint: "Run 'gage help exec' for more information.",
    });
  });
});
