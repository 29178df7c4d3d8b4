import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { byLogging } from './log-requests';

const pod = (name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string } = {}): Pod => ({
  metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
  spec: { containers: [], nodeName: o.node },
  status: {
    phase: o.phase ?? 'Running',
    conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
    containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: Boolean(o.ready), restartCount: o.restarts ?? 0 }],
  },
});

const first = (...pods: Pod[]) => [...pods].sort(byLogging)[0]!.metadata!.name;

describe('podutils.ByLogging: the pod kubectl logs picks', () => {
  it('prefers scheduled, then running, then ready pods', () => {
    expect(first(pod('unscheduled'), pod('scheduled', { node: 'n' }))).toBe('scheduled');
    expect(first(pod('pending', { node: 'n', phase: 'Pending' }), pod('running', { node: 'n' }))).toBe('running');
    expect(first(pod('not-ready', { node: 'n' }), pod('ready', { node: 'n', ready: '2026-01-01T00:00:00Z' }))).toBe('ready');
  });

  it('then the one ready longest, then more restarts, then the oldest', () => {
    expect(first(pod('late', { node: 'n', ready: '2026-01-02T00:00:00Z' }), pod('early', { node: 'n', ready: '2026-01-01T00:00:00Z' }))).toBe('early');
    expect(first(pod('calm', { node: 'n' }), pod('restarted', { node: 'n', restarts: 3 }))).toBe('restarted');
    expect(first(pod('new', { node: 'n', created: '2026-02-01T00:00:00Z' }), pod('old', { node: 'n' }))).toBe('old');
  });
});
