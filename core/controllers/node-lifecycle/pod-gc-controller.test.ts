import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PodGcController, POD_GC_QUARANTINE_MS } from './pod-gc-controller';
import { Harness } from '../../../test/support/node-lifecycle-harness';

describe('PodGcController', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.start((x) => new PodGcController(x.cluster.context));
    await h.addNode('wrk1');
  });
  afterEach(() => h.stop());

  it('force-deletes pods of a node that stays gone for the quarantine period', async () => {
    await h.addPod('orphan', 'wrk1');
    await h.client.delete('', 'nodes', undefined, 'wrk1');
    await h.settle();
    h.clock.advance(POD_GC_QUARANTINE_MS - 1_000);
    await h.settle();
    expect(h.pod('default', 'orphan')).toBeDefined();
    h.clock.advance(1_000);
    await h.waitFor(() => !h.pod('default', 'orphan'), 'orphan gone');
  });

  it('marks an orphan Failed with the DisruptionTarget condition before deleting it', async () => {
    await h.addPod('orphan', 'ghost');
    const seen: unknown[] = [];
    const off = h.cluster.registry.onResourceEvent((def, e) => {
      if (def.plural === 'pods' && e.type === 'MODIFIED') seen.push(e.current.object.status);
    });
    h.clock.advance(POD_GC_QUARANTINE_MS);
    await h.waitFor(() => !h.pod('default', 'orphan'), 'orphan gone');
    off();
    expect(seen.at(-1)).toMatchObject({
      phase: 'Failed',
      conditions: expect.arrayContaining([{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: expect.any(String) }]),
    });
  });

  it('keeps pods of a node that comes back within the quarantine', async () => {
    await h.addPod('kept', 'wrk1');
    await h.client.delete('', 'nodes', undefined, 'wrk1');
    await h.settle();
    await h.client.create('', 'nodes', undefined, { metadata: { name: 'wrk1' } });
    h.clock.advance(POD_GC_QUARANTINE_MS);
    await h.settle();
    expect(h.pod('default', 'kept')).toBeDefined();
  });

  it.each([
    { name: 'NotReady and out of service: collected', ready: 'False' as const, outOfService: true, collected: true },
    { name: 'NotReady only: stays Terminating', ready: 'False' as const, outOfService: false, collected: false },
    { name: 'Ready and out of service: stays Terminating', ready: 'True' as const, outOfService: true, collected: false },
  ])('terminating pod on a node $name', async ({ ready, outOfService, collected }) => {
    await h.addPod('stuck', 'wrk1');
    await h.addPod('canary', 'ghost');
    await h.client.delete('', 'pods', 'default', 'stuck');
    expect(h.pod('default', 'stuck')?.metadata.deletionTimestamp).toBeDefined();
    await h.postReady('wrk1', ready);
    const taints = outOfService ? [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }] : [];
    await h.client.update('', 'nodes', undefined, 'wrk1', (n: { spec?: object }) => void (n.spec = { ...n.spec, taints }));
    if (collected) await h.waitFor(() => !h.pod('default', 'stuck'), 'stuck pod gone');
    // The canary (its node never existed) is collected last; by then every verdict is in.
    h.clock.advance(POD_GC_QUARANTINE_MS);
    await h.waitFor(() => !h.pod('default', 'canary'), 'canary gone');
    expect(!h.pod('default', 'stuck')).toBe(collected);
  });
});
