import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { forkCore } from './node-fork';
import type { CoreReady } from './protocol';
import { Supervisor, type ChildHandle, type SupervisorEvent } from './supervisor';

const FAKE_CORE = fileURLToPath(new URL('./fixtures/fake-core.mjs', import.meta.url));
type Mode = 'serve' | 'crash-after-ready' | 'fail' | 'ignore-stop';

let supervisor: Supervisor<CoreReady> | undefined;
const children: ChildHandle<CoreReady>[] = [];

/** A supervisor of fake cores whose n-th start runs modes[n] (the last mode repeats). */
function supervise(modes: Mode[], opts: { maxRestarts?: number; stopTimeoutMs?: number } = {}) {
  const events: SupervisorEvent<CoreReady>[] = [];
  const waiters: Array<{ type: string; resolve: (e: SupervisorEvent<CoreReady>) => void }> = [];
  supervisor = new Supervisor<CoreReady>({
    spawn: () => {
      const mode = modes[Math.min(children.length, modes.length - 1)]!;
      const child = forkCore({ dataDir: '/nonexistent', port: 0, mode } as never, { entry: FAKE_CORE });
      children.push(child);
      return child;
    },
    backoffMs: { initial: 10, max: 40 },
    maxRestarts: opts.maxRestarts ?? 3,
    stopTimeoutMs: opts.stopTimeoutMs,
  });
  supervisor.on((event) => {
    events.push(event);
    for (const w of waiters.splice(0)) if (w.type === event.type) w.resolve(event);
    else waiters.push(w);
  });
  /** The next event of this type (events are awaited, never slept for). */
  const next = <T extends SupervisorEvent<CoreReady>['type']>(type: T) =>
    new Promise<Extract<SupervisorEvent<CoreReady>, { type: T }>>((resolve) => waiters.push({ type, resolve: resolve as never }));
  return { supervisor, events, next };
}

afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
  for (const child of children.splice(0)) child.kill();
});

describe('Supervisor over a real child process', () => {
  it('restarts a core killed with SIGKILL, reports the crash, and stops it cleanly', async () => {
    const { supervisor, next } = supervise(['serve']);
    const first = await supervisor.start();
    const firstPid = supervisor.pid!;
    expect(first.url).toBe(`https://127.0.0.1/${firstPid}`);

    const crashed = next('crashed');
    const ready = next('ready');
    process.kill(firstPid, 'SIGKILL');
    expect(await crashed).toEqual({ type: 'crashed', reason: 'killed by SIGKILL', restart: 1, maxRestarts: 3, restartInMs: 10 });
    const restarted = await ready;
    expect(restarted.pid).not.toBe(firstPid);
    expect(restarted.value.url).toBe(`https://127.0.0.1/${restarted.pid}`);

    const last = children.at(-1)!;
    await supervisor.stop();
    expect(await last.exited).toEqual({ code: 0, signal: null });
    expect(children).toHaveLength(2);
  });

  it('gives up on a crash loop after maxRestarts, with growing delays, and says why', async () => {
    const { supervisor, events, next } = supervise(['serve', 'crash-after-ready']);
    await supervisor.start();
    const gaveUp = next('gave-up');
    process.kill(supervisor.pid!, 'SIGKILL');
    expect(await gaveUp).toEqual({ type: 'gave-up', reason: 'exited with code 3', crashes: 4 });
    const crashes = events.filter((e) => e.type === 'crashed');
    expect(crashes.map((e) => e.restartInMs)).toEqual([10, 20, 40]);
    expect(crashes.map((e) => e.reason)).toEqual(['killed by SIGKILL', 'exited with code 3', 'exited with code 3']);
    expect(supervisor.pid).toBeUndefined();
    expect(children).toHaveLength(4);
    for (const child of children) await child.exited;
  });

  it('fails start() with the core’s own message and restarts nothing', async () => {
    const { supervisor, events } = supervise(['fail']);
    await expect(supervisor.start()).rejects.toThrow('data dir is locked by pid 1');
    expect(await children[0]!.exited).toEqual({ code: 1, signal: null });
    expect(events).toEqual([]);
    expect(children).toHaveLength(1);
  });

  it('kills a core that does not stop when asked, after the stop timeout', async () => {
    const { supervisor } = supervise(['ignore-stop'], { stopTimeoutMs: 50 });
    await supervisor.start();
    await supervisor.stop();
    expect(await children[0]!.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
