import { describe, expect, it } from 'vitest';
import { ManualClock } from '../client/clock';
import { pendingPod } from '../../test/support/scheduler-fixtures';
import { podInfo } from './pod-info';
import { MAX_UNSCHEDULABLE_MS, SchedulingQueue } from './queue';

const info = (name: string, priority = 0) => ({ ...podInfo(pendingPod(name)), priority });

describe('SchedulingQueue', () => {
  it('pops by priority, then in arrival order', async () => {
    const q = new SchedulingQueue(new ManualClock());
    q.add(info('a'));
    q.add(info('b', 10));
    q.add(info('c'));
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await q.pop())!.info.pod.metadata.name);
    expect(order).toEqual(['b', 'a', 'c']);
  });

  it('backs off 1 s, then 2 s, capped at 10 s', async () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue(clock);
    q.add(info('a'));
    const waits: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const qp = (await q.pop())!;
      q.addBackoff(qp);
      let waited = 0;
      while (q.pending.active === 0) {
        clock.advance(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('moves unschedulable pods back only for events that may help them', async () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue(clock);
    q.add(info('a'));
    const qp = (await q.pop())!;
    q.addUnschedulable(qp, q.schedulingCycle, ['NodeAffinity']);
    q.moveUnschedulable((by) => by.has('NodeResourcesFit'));
    expect(q.pending).toEqual({ active: 0, backoff: 0, unschedulable: 1 });
    q.moveUnschedulable((by) => by.has('NodeAffinity'));
    expect(q.pending).toEqual({ active: 0, backoff: 1, unschedulable: 0 }); // still in its backoff
    clock.advance(1000);
    expect(q.pending.active).toBe(1);
  });

  it('retries a pod when a cluster change came during its attempt', async () => {
    const q = new SchedulingQueue(new ManualClock());
    q.add(info('a'));
    const qp = (await q.pop())!;
    const cycle = q.schedulingCycle;
    q.moveUnschedulable(() => true);
    q.addUnschedulable(qp, cycle, ['NodeResourcesFit']);
    expect(q.pending).toEqual({ active: 0, backoff: 1, unschedulable: 0 });
  });

  it('flushes unschedulable pods after 5 minutes', async () => {
    const clock = new ManualClock();
    const q = new SchedulingQueue(clock);
    q.add(info('a'));
    q.addUnschedulable((await q.pop())!, q.schedulingCycle, ['NodeAffinity']);
    clock.advance(MAX_UNSCHEDULABLE_MS);
    expect(q.pending).toEqual({ active: 1, backoff: 0, unschedulable: 0 });
  });
});
