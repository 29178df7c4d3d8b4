// Synthetic CPU and memory of a simulated container, as a pure function of its profile and the
// time: the same container at the same instant always reports the same numbers, so tests on a
// ManualClock can assert them. Usage sits a little below the container's requests (or a small
// idle default), drifts slowly, carries seeded noise, and is high for a while after start
// (caches filling, JIT warm-up), as real workloads do. It stays within the limits: CPU is
// throttled at its limit, and memory keeps clear of it, so only an override OOM-kills.
import type { ContainerUsage } from './types';

export interface UsageProfile {
  /** Per-container seed (see seedOf): different containers wander differently. */
  seed: number;
  /** Requests; absent: an idle small process. */
  cpuRequestMilli?: number;
  memoryRequestBytes?: number;
  cpuLimitMilli?: number;
  memoryLimitBytes?: number;
}

/** An idle small process (no requests): a few millicores, 16 MiB. */
export const IDLE_CPU_MILLI = 5;
export const IDLE_MEMORY_BYTES = 16 * 1024 * 1024;
/** Where usage centres, as a share of the request. */
export const CPU_SHARE = 0.5;
export const MEMORY_SHARE = 0.7;
/** How long the busy phase after a start lasts; CPU starts at twice its level, memory at 60%. */
export const BUSY_PHASE_MS = 30_000;
/** Noise changes every NOISE_STEP_MS (a fresh value per step, not per read). */
export const NOISE_STEP_MS = 5_000;
const CPU_NOISE = 0.15;
const MEMORY_NOISE = 0.02;
const CPU_DRIFT = 0.2;
const MEMORY_DRIFT = 0.1;
/** Drift periods lie between 10 and 30 minutes, chosen by the seed. */
const DRIFT_PERIOD_MIN_MS = 600_000;
const DRIFT_PERIOD_SPAN_MS = 1_200_000;
/** Memory stays below this share of its limit unless overridden. */
const MEMORY_LIMIT_HEADROOM = 0.9;
const PAGE = 4096;

/** A 32-bit hash of a string (FNV-1a): the seed of a container from its pod and name. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A uniform value in [-1, 1) for (seed, n): an integer mix, so no state is kept between reads. */
export function noise(seed: number, n: number): number {
  let x = (seed ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  x = (x ^ (x >>> 16)) >>> 0;
  return x / 0x80000000 - 1;
}

/** Slow drift: a sine whose period and phase come from the seed, in [-1, 1]. */
function drift(seed: number, sinceEpochMs: number): number {
  const period = DRIFT_PERIOD_MIN_MS + ((seed >>> 8) % DRIFT_PERIOD_SPAN_MS);
  const phase = ((seed & 0xff) / 256) * 2 * Math.PI;
  return Math.sin((2 * Math.PI * sinceEpochMs) / period + phase);
}

/** Usage of a container started at startedAt, at now. */
export function modelUsage(p: UsageProfile, startedAt: Date, now: Date): ContainerUsage {
  const t = now.getTime();
  const age = Math.max(0, t - startedAt.getTime());
  const busy = age < BUSY_PHASE_MS ? 1 - age / BUSY_PHASE_MS : 0;
  const step = Math.floor(t / NOISE_STEP_MS);
  const d = drift(p.seed, t);

  const cpuBase = p.cpuRequestMilli !== undefined ? p.cpuRequestMilli * CPU_SHARE : IDLE_CPU_MILLI;
  let cpu = cpuBase * (1 + CPU_DRIFT * d) * (1 + CPU_NOISE * noise(p.seed, step)) * (1 + busy);
  if (p.cpuLimitMilli !== undefined) cpu = Math.min(cpu, p.cpuLimitMilli);

  const memBase = p.memoryRequestBytes !== undefined ? p.memoryRequestBytes * MEMORY_SHARE : IDLE_MEMORY_BYTES;
  let mem = memBase * (1 + MEMORY_DRIFT * d) * (1 + MEMORY_NOISE * noise(p.seed ^ 0x5bd1e995, step)) * (1 - 0.4 * busy);
  if (p.memoryLimitBytes !== undefined) mem = Math.min(mem, p.memoryLimitBytes * MEMORY_LIMIT_HEADROOM);

  return { cpuMillicores: Math.max(1, Math.round(cpu)), memoryBytes: Math.max(PAGE, Math.floor(mem / PAGE) * PAGE) };
}
