import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Taint } from 'kubernetes-types/core/v1';
import { TaintEvictionController } from './taint-eviction-controller';
import { Harness } from '../../../test/support/node-lifecycle-harness';

const DEAD: Taint = { key: 'example.com/dead', effect: 'NoExecute' };

describe('TaintEvictionController', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.start((x) => new TaintEvictionController(x.cluster.context));
    await h.addNode('wrk1');
  });
  afterEach(() => h.stop());

  const taint = (taints: Taint[]) => h.client.update('', 'nodes', undefined, 'wrk1', (n: { spec?: object }) => void (n.spec = { ...n.spec, taints }));
  const terminating = (name: string) => !!h.pod('default', name)?.metadata.deletionTimestamp;

  it('deletes at once a pod that does not tolerate the taint, later one that tolerates it for a while, never one that tolerates it for ever', async () => {
    await h.addPod('intolerant', 'wrk1');
    await h.addPod('patient', 'wrk1', [{ key: DEAD.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]);
    await h.addPod('forever', 'wrk1', [{ operator: 'Exists' }]);
    await taint([DEAD]);

    await h.waitFor(() => terminating('intolerant'), 'intolerant pod deleted');
    expect(h.pod('default', 'intolerant')?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    h.clock.advance(59_000);
    await h.settle();
    expect(terminating('patient')).toBe(false);
    h.clock.advance(1_000);
    await h.waitFor(() => terminating('patient'), 'patient pod deleted after its tolerationSeconds');
    await h.settle();
    expect(terminating('forever')).toBe(false);
    expect(h.events('TaintManagerEviction').map((e) => e.message).sort()).toEqual([
      'Marking for deletion Pod default/intolerant',
      'Marking for deletion Pod default/patient',
    ]);
    expect(h.events('TaintManagerEviction')[0]?.source).toBe('taint-eviction-controller');
  });

  it('cancels a scheduled deletion when the taint goes away', async () => {
    await h.addPod('patient', 'wrk1', [{ key: DEAD.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]);
    await taint([DEAD]);
    await h.settle();
    await taint([]);
    await h.waitFor(() => h.events('TaintManagerEviction').length === 1, 'cancel event');
    expect(h.events('TaintManagerEviction')[0]?.message).toBe('Cancelling deletion of Pod default/patient');
    h.clock.advance(120_000);
    await h.settle();
    expect(terminating('patient')).toBe(false);
  });

  it('judges a pod bound to an already tainted node', async () => {
    await taint([DEAD]);
    await h.settle();
    await h.addPod('late', 'wrk1', undefined, false);
    await h.waitFor(() => terminating('late'), 'late pod deleted');
  });

  it.each([
    { name: 'NoSchedule taints evict nothing', taints: [{ key: DEAD.key, effect: 'NoSchedule' }] },
    { name: 'a tolerated taint with no tolerationSeconds evicts nothing', taints: [{ key: 'ok', value: 'yes', effect: 'NoExecute' }] },
  ])('$name', async ({ taints }) => {
    await h.addPod('tolerant', 'wrk1', [
      { key: 'ok', operator: 'Equal', value: 'yes', effect: 'NoExecute' },
      { key: 'canary', operator: 'Exists' },
    ]);
    await h.addPod('canary', 'wrk1');
    await taint([...taints, { key: 'canary', effect: 'NoExecute' }]);
    // The canary pod is judged in the same pass; once it goes, the other pod's verdict is in.
    await h.waitFor(() => terminating('canary'), 'canary deleted');
    await h.settle();
    h.clock.advance(600_000);
    await h.settle();
    expect(terminating('tolerant')).toBe(false);
  });
});
