import { describe, expect, it } from 'vitest';
import type { ResourceInfo } from '../discovery';
import { rolloutPatch, rfc3339Local } from './object-patches';
import { deploymentTarget, deploymentUndoPatch, equalIgnoreHash } from './rollback';
import { rolloutState } from './status';
import type { Revision } from './history';

const deployment = (spec: object, status: object, generation = 2) => ({ metadata: { name: 'web', generation }, spec, status });
const info = (kind: string, group = 'apps') => ({ group, kind, resource: `${kind.toLowerCase()}s` }) as ResourceInfo;

describe('rollout status of a deployment', () => {
  it('waits for the spec to be observed, then for new, old and available replicas, in that order', () => {
    expect(rolloutState('apps', 'Deployment', deployment({ replicas: 2 }, { observedGeneration: 1 }), 0).message).toBe('Waiting for deployment spec update to be observed...\n');
    expect(rolloutState('apps', 'Deployment', deployment({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 3 }), 0).message).toContain('1 out of 2 new replicas have been updated');
    expect(rolloutState('apps', 'Deployment', deployment({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 3 }), 0).message).toContain('1 old replicas are pending termination');
    expect(rolloutState('apps', 'Deployment', deployment({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 }), 0).message).toContain('1 of 2 updated replicas are available');
    expect(rolloutState('apps', 'Deployment', deployment({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }), 0)).toEqual({ message: 'deployment "web" successfully rolled out\n', done: true });
  });

  it('fails on a passed progress deadline, another revision, and kinds without a viewer', () => {
    const stuck = deployment({ replicas: 1 }, { observedGeneration: 2, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] });
    expect(() => rolloutState('apps', 'Deployment', stuck, 0)).toThrow('deployment "web" exceeded its progress deadline');
    expect(() => rolloutState('apps', 'Deployment', deployment({}, {}), 3)).toThrow('desired revision (3) is different from the running revision (0)');
    expect(() => rolloutState('apps', 'ReplicaSet', {}, 0)).toThrow('no status viewer has been implemented for ReplicaSet.apps');
  });
});

describe('rollout pause, resume and restart patches', () => {
  it('patches spec.paused, and refuses what is already so or not a deployment', () => {
    expect(rolloutPatch('pause', info('Deployment'), { spec: {} }, new Date())).toEqual({ spec: { paused: true } });
    expect(rolloutPatch('resume', info('Deployment'), { spec: { paused: true } }, new Date())).toEqual({ spec: { paused: null } });
    expect(() => rolloutPatch('pause', info('Deployment'), { spec: { paused: true } }, new Date())).toThrow('is already paused');
    expect(() => rolloutPatch('resume', info('StatefulSet'), { spec: {} }, new Date())).toThrow('resuming is not supported');
  });

  it('restarts through the restartedAt annotation, not a paused deployment, not twice in a second', () => {
    const now = new Date('2026-12-06T18:21:19.500Z');
    const at = rfc3339Local(now);
    expect(rolloutPatch('restart', info('DaemonSet'), { spec: {} }, now)).toEqual({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
    expect(rolloutPatch('restart', info('DaemonSet'), { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } }, now)).toEqual({});
    expect(() => rolloutPatch('restart', info('Deployment'), { spec: { paused: true } }, now)).toThrow("can't restart paused deployment");
    expect(() => rolloutPatch('restart', info('ConfigMap', ''), {}, now)).toThrow('restarting is not supported');
  });
});

describe('rollout undo of a deployment', () => {
  const revision = (number: number, image: string): Revision => ({
    number,
    changeCause: '',
    template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${number}` } }, spec: { containers: [{ name: 'c', image }] } },
    source: { metadata: { annotations: { 'deployment.kubernetes.io/revision': String(number), note: 'kept' } }, spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${number}` } } } } },
  });

  it('goes back to the revision before the latest unless told which', () => {
    const found = new Map([1, 3, 2].map((n) => [n, revision(n, `nginx:${n}`)]));
    expect(deploymentTarget(found, 0, 'web').number).toBe(2);
    expect(deploymentTarget(found, 1, 'web').number).toBe(1);
    expect(() => deploymentTarget(found, 7, 'web')).toThrow('unable to find specified revision 7 in history');
    expect(() => deploymentTarget(new Map([[1, revision(1, 'x')]]), 0, 'web')).toThrow('no rollout history found for deployment "web"');
  });

  it('compares templates without the hash label and Go zero values', () => {
    const a = revision(1, 'nginx').template;
    expect(equalIgnoreHash(a, { ...a, metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', args: [] }], hostNetwork: false } })).toBe(true);
    expect(equalIgnoreHash(a, revision(2, 'other').template)).toBe(false);
  });

  it('replaces the template without its hash and keeps only the deployment-owned annotations', () => {
    const patch = deploymentUndoPatch({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '3', mine: 'dropped' } } }, revision(1, 'x').source);
    expect(patch).toEqual([
      { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } } } },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3', note: 'kept' } },
    ]);
  });
});
