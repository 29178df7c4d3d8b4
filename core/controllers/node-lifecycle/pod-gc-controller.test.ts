import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PodGcController, POD_GC_QUARANTINE_MS } from './pod-gc-controller';
import { Harness } from '../../../test/support/node-lifecycle-harness';

// Whole-cluster stories (node events, the quarantine timer); the cases one by one are on fakes in pod-gc-sync.test.ts.
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

  it('keeps pods of a node that comes back within the quarantine', async () => {
    await h.addPod('kept', 'wrk1');
    await h.client.delete('', 'nodes', undefined, 'wrk1');
    await h.settle();
    await h.client.create('', 'nodes', undefined, { metadata: { name: 'wrk1' } });
    h.clock.advance(POD_GC_QUARANTINE_MS);
    await h.settle();
    expect(h.pod('default', 'kept')).toBeDefined();
  });
});
