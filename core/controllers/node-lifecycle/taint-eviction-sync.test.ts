// The taint eviction controller's sync on fakes, as taint_eviction_test.go: node wrk1 with its
// taints and pod web seeded, syncNode, then later changes (each synced as its handler would
// have it) and the manual clock moving on, which brings the evictions due; the client's actions
// and the events.
import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { timestamp } from '../../client/clock';
import { FakeContext } from '../../../test/support/controller-fakes';
import { node, pod, settle } from '../../../test/support/node-fixtures';
import { TaintEvictionController } from './taint-eviction-controller';

const DEAD: Taint = { key: 'example.com/dead', effect: 'NoExecute' };
const SLOW: Taint = { key: 'example.com/slow', effect: 'NoExecute' };
const tolerate = (taint: Taint, seconds?: number): Toleration => ({ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
const DAY = 24 * 3600_000;

const EVICT = ['update-status pods default/web', 'delete pods default/web'];
const MARK = 'Normal TaintManagerEviction Marking for deletion Pod default/web';
const CANCEL = 'Normal TaintManagerEviction Cancelling deletion of Pod default/web';

type Step = (ctx: FakeContext, controller: TaintEvictionController) => unknown;
const advance = (ms: number): Step => (ctx) => ctx.clock.advance(ms);
const taintWrk1 = (...taints: Taint[]): Step => (ctx, c) => {
  ctx.seed(node('wrk1', { taints }));
  return c.syncNode('wrk1');
};
const bindWeb: Step = (ctx, c) => {
  ctx.seed(pod('web', 'wrk1'));
  return c.syncPod('default/web');
};
const deleteWeb: Step = (ctx, c) => {
  ctx.informer('', 'pods').remove('default', 'web');
  return c.syncPod('default/web');
};
/** Tolerated for 30 s; the taint gone at 10 s and back at 20 s: a new countdown, while the first one's wake-up is still due at 30 s. */
const RETAINTED = [advance(10_000), taintWrk1(), advance(10_000), taintWrk1(DEAD)];

interface Row {
  name: string;
  taints?: Taint[];
  tolerations?: Toleration[];
  /** Bound only later, by a step. */
  unbound?: boolean;
  steps?: Step[];
  actions: string[];
  events: string[];
}

const rows: Row[] = [
  { name: 'a pod that does not tolerate the taint: evicted at once', actions: EVICT, events: [MARK] },
  { name: 'a NoSchedule taint: nothing', taints: [{ ...DEAD, effect: 'NoSchedule' }], steps: [advance(DAY)], actions: [], events: [] },
  { name: 'tolerated for ever: never evicted', tolerations: [{ operator: 'Exists' }], steps: [advance(DAY)], actions: [], events: [] },
  { name: 'tolerated for 60 s: left until then', tolerations: [tolerate(DEAD, 60)], steps: [advance(59_999)], actions: [], events: [] },
  { name: 'tolerated for 60 s: evicted at 60 s', tolerations: [tolerate(DEAD, 60)], steps: [advance(60_000)], actions: EVICT, events: [MARK] },
  {
    name: 'two taints tolerated for 60 s and 30 s: evicted at the shorter',
    taints: [DEAD, SLOW],
    tolerations: [tolerate(DEAD, 60), tolerate(SLOW, 30)],
    steps: [advance(30_000)],
    actions: EVICT,
    events: [MARK],
  },
  {
    name: 'the taint removed before the time: the deletion cancelled, with an event',
    tolerations: [tolerate(DEAD, 60)],
    steps: [advance(30_000), taintWrk1(), advance(DAY)],
    actions: [],
    events: [CANCEL],
  },
  {
    name: 'the pod deleted before the time: the deletion cancelled, with an event',
    tolerations: [tolerate(DEAD, 60)],
    steps: [advance(30_000), deleteWeb, advance(DAY)],
    actions: [],
    events: [CANCEL],
  },
  {
    name: 'a later change of the taints keeps the countdown’s start',
    tolerations: [tolerate(DEAD, 60), tolerate(SLOW)],
    steps: [advance(30_000), taintWrk1(DEAD, SLOW), advance(30_000)],
    actions: EVICT,
    events: [MARK],
  },
  {
    name: 'tainted again after a cancel: not evicted when the first countdown would have ended',
    tolerations: [tolerate(DEAD, 30)],
    steps: [...RETAINTED, advance(29_999)],
    actions: [],
    events: [CANCEL],
  },
  {
    name: 'tainted again after a cancel: evicted when the new countdown ends',
    tolerations: [tolerate(DEAD, 30)],
    steps: [...RETAINTED, advance(30_000)],
    actions: EVICT,
    events: [CANCEL, MARK],
  },
  { name: 'a pod bound to a node already tainted: evicted when it arrives', unbound: true, steps: [bindWeb], actions: EVICT, events: [MARK] },
];

describe('taint eviction controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(node('wrk1', { taints: row.taints ?? [DEAD] }), ...(row.unbound ? [] : [pod('web', 'wrk1', row.tolerations)]));
    const controller = new TaintEvictionController(ctx);
    await controller.syncNode('wrk1');
    await settle(); // the evictions due now
    for (const step of row.steps ?? []) {
      await step(ctx, controller);
      await settle();
    }
    controller.stop();

    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events);
    if (row.actions.length > 0) {
      expect((ctx.fakeClient.actions[0]?.object as Pod | undefined)?.status?.conditions).toContainEqual({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastTransitionTime: timestamp(ctx.clock.now()), // when it was evicted: the last step
      });
    }
  });
});
