// gage view's server under Deno (decision 26): the same node:http server, token and path rules.
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initRunMetaSync, makeRun } from '@gage/meta';
import { execRun, finalizeRun } from '@gage/proc';
import { startViewServer } from '@gage/view';

Deno.test('the view server lists a run, follows the token rules and keeps file paths inside the run dir', async () => {
  const runsDir = await mkdtemp(join(tmpdir(), 'gage-'));
  const server = await startViewServer({ runsDir });
  try {
    const run = await makeRun(runsDir);
    const args = ['node', '-e', 'console.log("step 0 loss 0.5"); require("fs").writeFileSync("out.txt", "hi")'];
    initRunMetaSync(run, { ns: 'test', name: 'train' }, { name: 'train', data: { exec: args } }, { lr: 0.1 }, { args, env: {} });
    await Deno.mkdir(run.runDir);
    await finalizeRun(run, await execRun(run));
    await writeFile(join(runsDir, 'secret'), 'outside');
    await symlink(join(runsDir, 'secret'), join(run.runDir, 'escape'));
    const auth = { Authorization: `Bearer ${server.token}` };

    const denied = await fetch(`${server.origin}/api/runs`);
    assert.equal(denied.status, 401);
    await denied.body?.cancel();
    const listed = await (await fetch(`${server.origin}/api/runs`, { headers: auth })).json();
    assert.deepEqual(listed.runs.map((r: { id: string; status: string }) => [r.id, r.status]), [[run.id, 'completed']]);
    const scalars = await (await fetch(`${server.origin}/api/runs/${run.id}/scalars`, { headers: auth })).json();
    assert.deepEqual(scalars.series.loss.value, [0.5]);
    const file = await fetch(`${server.origin}/api/runs/${run.id}/files/out.txt`, { headers: auth });
    assert.equal(await file.text(), 'hi');
    const escape = await fetch(`${server.origin}/api/runs/${run.id}/files/escape`, { headers: auth });
    assert.equal(escape.status, 404);
    await escape.body?.cancel();
    const redirect = await fetch(server.url, { redirect: 'manual' });
    assert.equal(redirect.status, 303);
    assert.match(redirect.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
    await redirect.body?.cancel();
  } finally {
    await server.close();
    await new Deno.Command('chmod', { args: ['-R', 'u+w', runsDir] }).output();
    await rm(runsDir, { recursive: true, force: true });
  }
});
