// Plays a simulated container's `while true; do ...; done` body on the runtime's clock: each
// echo is a log line when it runs, each sleep waits, `exit N` ends the container. A body that
// never sleeps still yields MIN_ITERATION_MS per turn, so a busy loop prints fast (a chatty
// pod) but cannot spin the event loop.
import type { Clock } from '../client/clock';
import { assign, durationMs, echoLine, type ShellLoop } from './simulated-command';

export const MIN_ITERATION_MS = 10;

export interface LoopHooks {
  print(line: string): void;
  exit(code: number): void;
}

/** Starts the loop; returns the function that stops it. */
export function playLoop(loop: ShellLoop, clock: Clock, hooks: LoopHooks): () => void {
  const vars = new Map(loop.vars);
  let cancel: (() => void) | undefined;
  let stopped = false;
  let status = 0;
  const run = (from: number, slept: boolean) => {
    for (let i = from; i < loop.body.length; i++) {
      const { after, words } = loop.body[i]!;
      if ((after === '&&' && status !== 0) || (after === '||' && status === 0)) continue;
      const [cmd, ...rest] = words as [string, ...string[]];
      if (words.length === 1 && assign(cmd, vars)) {
        status = 0;
        continue;
      }
      if (cmd === 'echo') {
        hooks.print(echoLine(rest, vars));
        status = 0;
      } else if (cmd === 'exit') {
        stopped = true;
        hooks.exit(rest[0] === undefined ? status : Number(rest[0]) & 255);
        return;
      } else if (cmd === 'sleep') {
        const ms = durationMs(rest[0]);
        if (ms === 'forever') return;
        status = 0;
        if (ms > 0) {
          cancel = clock.after(ms, () => !stopped && run(i + 1, true));
          return;
        }
      } else {
        status = cmd === 'false' ? 1 : 0;
      }
    }
    cancel = clock.after(slept ? 0 : MIN_ITERATION_MS, () => !stopped && run(0, false));
  };
  run(0, false);
  return () => {
    stopped = true;
    cancel?.();
  };
}
