import { describe, expect, it } from 'vitest';
import { ManualClock } from '../client/clock';
import { simulateCommand } from './simulated-command';
import { MIN_ITERATION_MS, playLoop } from './shell-loop';

function play(script: string, clock: ManualClock) {
  const b = simulateCommand(['sh', '-c', script], undefined);
  if (b.kind !== 'forever' || !b.loop) throw new Error(`no loop in ${script}`);
  const printed: string[] = [...b.output];
  const exits: number[] = [];
  const stop = playLoop(b.loop, clock, { print: (l) => printed.push(l), exit: (c) => exits.push(c) });
  return { printed, exits, stop };
}

describe('playLoop', () => {
  it('runs the body once per sleep, with the counter the script keeps', () => {
    const clock = new ManualClock();
    const { printed, stop } = play('i=0; echo start; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done', clock);
    expect(printed).toEqual(['start', 'tick 1']);
    clock.advance(999);
    expect(printed).toEqual(['start', 'tick 1']);
    clock.advance(1);
    expect(printed).toEqual(['start', 'tick 1', 'tick 2']);
    clock.advance(2000);
    expect(printed).toEqual(['start', 'tick 1', 'tick 2', 'tick 3', 'tick 4']);
    stop();
    clock.advance(5000);
    expect(printed).toHaveLength(5);
  });

  it('gives a body without sleep a minimum period, so a busy loop prints fast but yields', () => {
    const clock = new ManualClock();
    const { printed } = play('while true; do echo ${X}spam; done', clock);
    expect(printed).toEqual(['spam']);
    for (let i = 0; i < 10; i++) clock.advance(MIN_ITERATION_MS);
    expect(printed).toHaveLength(11);
  });

  it('ends with exit, after what it printed', () => {
    const clock = new ManualClock();
    const { printed, exits } = play('while true; do echo once; sleep 2; exit 4; done', clock);
    clock.advance(2000);
    expect(printed).toEqual(['once']);
    expect(exits).toEqual([4]);
  });
});
