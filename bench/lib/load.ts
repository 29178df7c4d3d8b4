// Closed-loop load: `concurrency` workers each keep one request in flight until the op count
// or the time budget runs out. Records each successful op's latency.
import { round, summarize, type Summary } from './stats';

export interface LoadOptions {
  concurrency: number;
  maxOps: number;
  maxMs: number;
}

export interface LoadResult {
  ops: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  opsPerSec: number;
  latencyMs: Summary;
  /** Completed ops in each whole second of the run, to show whether the rate held. */
  perSecond: number[];
}

/** One operation: worker index and the worker's own sequence number; resolves true if it succeeded. */
export type Op = (worker: number, seq: number) => Promise<boolean>;

export async function closedLoop(opts: LoadOptions, op: Op): Promise<LoadResult> {
  const latencies: number[] = [];
  const doneAt: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const worker = async (w: number) => {
    for (let seq = 0; started < opts.maxOps && performance.now() - t0 < opts.maxMs; seq++) {
      started++;
      const s = performance.now();
      let ok = false;
      try {
        ok = await op(w, seq);
      } catch (e) {
        firstError ??= e instanceof Error ? e.message : String(e);
      }
      const end = performance.now();
      if (ok) {
        latencies.push(end - s);
        doneAt.push(end - t0);
      } else {
        errors++;
        firstError ??= `op ${w}/${seq} failed`;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - t0;
  const perSecond = Array.from({ length: Math.floor(elapsedMs / 1000) }, () => 0);
  for (const t of doneAt) {
    const s = Math.floor(t / 1000);
    if (s < perSecond.length) perSecond[s]!++;
  }
  return {
    ops: latencies.length,
    errors,
    firstError,
    elapsedMs: round(elapsedMs),
    opsPerSec: Math.round((latencies.length / elapsedMs) * 1000),
    latencyMs: summarize(latencies),
    perSecond,
  };
}

/**
 * Opens `concurrency` keep-alive connections with cheap requests, so a measured phase does
 * not pay TLS handshakes (or reuse sockets the server closed while they sat idle).
 */
export async function primeConnections(concurrency: number, request: () => Promise<unknown>): Promise<void> {
  await closedLoop({ concurrency, maxOps: concurrency * 4, maxMs: 10_000 }, async () => {
    await request();
    return true;
  });
}
