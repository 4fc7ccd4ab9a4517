import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir, waitFor } from '@gage/test-utils';
import type { Run } from '@gage/types';
import { startViewServer, type ViewServer } from '../src/index.js';
import { rawRequest } from './http.js';
import { makeFinishedRun, startRunningRun, type RunningRun } from './make-runs.js';

let runsDir: string;
let server: ViewServer;
let auth: Record<string, string>;
let done: Run;
let failed: Run;
let running: RunningRun;

beforeAll(async () => {
  runsDir = await testdir();
  done = await makeFinishedRun(runsDir, { lr: 0.1, epochs: 3n });
  failed = await makeFinishedRun(runsDir, { lr: 0.01, epochs: 3n }, { exit: 1 });
  running = await startRunningRun(runsDir, { port: 8000n });
  await writeFile(join(runsDir, 'secret.txt'), 'outside');
  await symlink(join(runsDir, 'secret.txt'), join(done.runDir, 'escape'));
  await symlink('out/model.txt', join(done.runDir, 'inside'));
  await mkdir(join(done.runDir, 'linkdir'));
  await symlink(runsDir, join(done.runDir, 'linkdir', 'up'));
  server = await startViewServer({ runsDir });
  auth = { Cookie: `gage_view_${server.port}=${server.token}` };
});

afterAll(async () => {
  await server?.close();
  await running?.stop();
  await cleanupTestdirs();
});

const get = (path: string, headers: Record<string, string> = auth) => rawRequest(server.port, path, { headers });
const json = async (path: string) => {
  const res = await get(path);
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
};

describe('security (docs/spec/wave2.md decision 26)', () => {
  test('binds loopback by default and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  test('a request without the token is refused with 401, also for the API and the assets', async () => {
    for (const path of ['/', '/app.js', '/api/runs', `/api/runs/${done.id}`, `/api/runs/${done.id}/files/out/model.txt`]) {
      expect((await get(path, {})).status).toBe(401);
    }
    expect((await get('/api/runs', { Cookie: `gage_view_${server.port}=nope` })).status).toBe(401);
    expect((await get('/?token=nope', {})).status).toBe(401);
  });

  test('the token in the URL is exchanged for an HttpOnly SameSite=Strict cookie and a redirect without it', async () => {
    const res = await get(`/?token=${server.token}&x=1`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?x=1');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`gage_view_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get('/', { Cookie: cookie.split(';')[0] as string });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="app.js">');
  });

  test('a bearer token works for notebooks', async () => {
    expect((await get('/api/runs', { Authorization: `Bearer ${server.token}` })).status).toBe(200);
  });

  test('a Host header that is not this server is refused (DNS rebinding), even with the token', async () => {
    const res = await get('/api/runs', { ...auth, Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect((await get('/api/runs', { ...auth, Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await get('/api/runs', { ...auth, Host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
  });

  test('every response has a CSP and no CORS header, even when asked with an Origin', async () => {
    const res = await get('/api/runs', { ...auth, Origin: 'http://evil.example' });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/nope', {})).headers['content-security-policy']).toBeDefined();
  });

  test('read-only: any method but GET and HEAD is refused', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await rawRequest(server.port, '/api/runs', { method, headers: auth });
      expect(res.status).toBe(405);
    }
  });

  test('file paths that leave the run dir give 404: ../, encoded ../, absolute, symlinks out', async () => {
    const base = `/api/runs/${done.id}/files`;
    for (const path of [
      `${base}/../${done.id}.meta/config.json`,
      `${base}/%2e%2e/${done.id}.meta/config.json`,
      `${base}/..%2f${done.id}.meta%2fconfig.json`,
      `${base}/%2fetc%2fpasswd`,
      `${base}/escape`,
      `${base}/linkdir/up/secret.txt`,
      `${base}/out`,
      `${base}/missing`,
      `/api/runs/..%2f${done.id}/files/out/model.txt`,
    ]) {
      const res = await get(path);
      expect({ path, status: res.status, leaked: res.body.includes('outside') || res.body.includes('"lr"') }).toEqual({ path, status: 404, leaked: false });
    }
  });

  test('a file inside the run dir, also through a symlink that stays inside, downloads as an attachment', async () => {
    for (const path of ['out/model.txt', 'inside']) {
      const res = await get(`/api/runs/${done.id}/files/${path}`);
      expect(res.status).toBe(200);
      expect(res.body).toBe('weights');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['content-type']).toBe('application/octet-stream');
    }
  });
});

describe('JSON routes', () => {
  test('/api/runs lists every run with its status, config and metrics', async () => {
    const { status, body } = await json('/api/runs');
    expect(status).toBe(200);
    const runs = body['runs'] as { id: string; status: string; config: Record<string, unknown>; metrics: Record<string, unknown> }[];
    const byId = new Map(runs.map((r) => [r.id, r]));
    expect(byId.get(done.id)).toMatchObject({ status: 'completed', operation: 'train', config: { lr: 0.1, epochs: 3 }, metrics: { acc: 1 } });
    expect(byId.get(failed.id)?.status).toBe('error');
    expect(byId.get(running.run.id)?.status).toBe('running');
  });

  test('?where filters with the filter language; a bad expression is a 400 naming the problem', async () => {
    const { body } = await json(`/api/runs?where=${encodeURIComponent('lr > 0.05')}`);
    expect((body['runs'] as { id: string }[]).map((r) => r.id)).toEqual([done.id]);
    const running2 = await json('/api/runs?where=running');
    expect((running2.body['runs'] as { id: string }[]).map((r) => r.id)).toEqual([running.run.id]);
    const bad = await json(`/api/runs?where=${encodeURIComponent('lr >')}`);
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatchObject({ code: 'ERR_GAGE_FILTER' });
  });

  test('/api/runs/<id> has attributes, config, summary and outputs; an unknown id is 404', async () => {
    const { status, body } = await json(`/api/runs/${done.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: done.id, opref: expect.stringContaining('train'), status: 'completed', config: { lr: 0.1, epochs: 3 },
      summary: { metrics: { acc: 1 } } });
    expect(body['outputs']).toContain('40_run');
    expect((await json('/api/runs/nope')).status).toBe(404);
    expect((await json('/api/runs/..')).status).toBe(404);
  });

  test('/api/runs/<id>/scalars gives each key as columns', async () => {
    const { body } = await json(`/api/runs/${done.id}/scalars`);
    const loss = (body['series'] as Record<string, { step: number[]; value: number[] }>)['loss'];
    expect(loss?.step).toEqual([0, 1, 2]);
    expect(loss?.value[0]).toBeCloseTo(1.1);
  });

  test('/api/runs/<id>/output pages lines with timestamps and streams', async () => {
    const { body } = await json(`/api/runs/${done.id}/output?from=0`);
    const lines = body['lines'] as [number, number, string][];
    expect(lines.map((l) => l[2])).toEqual(['step 0 loss 1.1', 'step 1 loss 0.6', 'step 2 loss 0.43333333333333335', 'a warning']);
    expect(lines[3]?.[1]).toBe(1);
    expect(typeof lines[0]?.[0]).toBe('number');
    expect(body['next']).toBe(4);
    const rest = await json(`/api/runs/${done.id}/output?from=3`);
    expect((rest.body['lines'] as unknown[]).length).toBe(1);
  });

  test("a running run's output grows as it prints", async () => {
    const first = await json(`/api/runs/${running.run.id}/output?from=0`);
    const next = first.body['next'] as number;
    await running.say('hello from the run');
    let lines: [number, number, string][] = [];
    await waitFor(async () => {
      lines = (await json(`/api/runs/${running.run.id}/output?from=${next}`)).body['lines'] as [number, number, string][];
      return lines.length > 0;
    });
    expect(lines[0]?.[2]).toBe('hello from the run');
  });

  test('/api/runs/<id>/files lists files and links, never following them', async () => {
    const { body } = await json(`/api/runs/${done.id}/files`);
    const files = body['files'] as { path: string; type: string; size: number | null }[];
    expect(files).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'out/model.txt', type: 'file', size: 7 }),
      expect.objectContaining({ path: 'inside', type: 'link', size: 7 }),
      expect.objectContaining({ path: 'escape', type: 'link', size: null }),
    ]));
    expect(files.some((f) => f.path.startsWith('linkdir/up/'))).toBe(false);
  });
});
