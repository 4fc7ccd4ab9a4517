import { captureCommand } from '@gage/proc';
import { findOnPath } from './_find-on-path.js';
import type { GpuInfo, ProvenanceError } from './provenance.js';

/** How long `nvidia-smi` may take (decision 18). */
const GPU_QUERY_TIMEOUT_MS = 2_000;

/** The GPUs `nvidia-smi` lists; `undefined` when it is not installed (nothing is spawned then). */
export async function gpuInfo(cwd: string, signal?: AbortSignal): Promise<GpuInfo[] | ProvenanceError | undefined> {
  const smi = findOnPath('nvidia-smi', cwd);
  if (smi === undefined) return undefined;
  const r = await captureCommand(smi, ['--query-gpu=index,name,memory.total,driver_version', '--format=csv,noheader,nounits'], {
    cwd,
    timeoutMs: GPU_QUERY_TIMEOUT_MS,
    maxBytes: 65_536,
    signal,
  });
  if (r.timedOut) return { error: `nvidia-smi did not answer within ${GPU_QUERY_TIMEOUT_MS / 1000} s` };
  if (r.exitCode !== 0) return { error: r.error ?? (r.stderr.trim().split('\n')[0] || `nvidia-smi exited with ${String(r.exitCode)}`) };
  const gpus: GpuInfo[] = [];
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length < 4) continue;
    const [index, name, memory, driver] = parts as [string, string, string, string];
    if (!/^\d+$/.test(index) || !/^\d+$/.test(memory)) continue;
    gpus.push({ index: BigInt(index), name, memory: BigInt(memory), driver });
  }
  return gpus;
}
