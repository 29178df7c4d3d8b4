import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { planStreams } from './workload-streams';

const pod = (name: string, containers: Record<string, string | undefined>, deleting = false): Pod => ({
  metadata: { name, uid: `u-${name}`, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  status: { containerStatuses: Object.entries(containers).map(([n, id]) => ({ name: n, containerID: id, image: 'i', imageID: '', ready: true, restartCount: 0 })) },
});

describe('planStreams', () => {
  it('opens one stream per started container, in pod name order, skipping known ones', () => {
    const plan = planStreams([pod('web-b', { app: 'sim://2' }), pod('web-a', { app: 'sim://1', side: 'sim://3' }), pod('web-c', { app: undefined })], new Set(['u-web-b/app/sim://2']), 1);
    expect(plan).toEqual({
      open: [
        { key: 'u-web-a/app/sim://1', pod: 'web-a', container: 'app' },
        { key: 'u-web-a/side/sim://3', pod: 'web-a', container: 'side' },
      ],
      left: [],
    });
  });

  it('stops at the bound and names the pods left out', () => {
    const pods = ['a', 'b', 'c', 'd'].map((n) => pod(n, { app: `sim://${n}` }));
    expect(planStreams(pods, new Set(), 1, 3)).toEqual({
      open: [
        { key: 'u-a/app/sim://a', pod: 'a', container: 'app' },
        { key: 'u-b/app/sim://b', pod: 'b', container: 'app' },
      ],
      left: ['c', 'd'],
    });
  });

  it('opens a new stream for a restarted container, and none for a pod being deleted', () => {
    const plan = planStreams([pod('a', { app: 'sim://new' }), pod('b', { app: 'sim://b' }, true)], new Set(['u-a/app/sim://old']), 0);
    expect(plan.open.map((s) => s.key)).toEqual(['u-a/app/sim://new']);
  });
});
