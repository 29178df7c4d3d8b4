import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube/kube-object';
import { deploymentTemplate, pausePatch, restartPatch, rollbackPatch } from './rollout';

const template = (image: string, extra: Record<string, string> = {}) => ({
  metadata: { labels: { app: 'web', ...extra } },
  spec: { containers: [{ name: 'web', image }] },
});
const deployment = (spec: Record<string, unknown>, annotations: Record<string, string> = {}): KubeObject => ({
  metadata: { name: 'web', uid: 'd1', annotations },
  spec,
});
const replicaSet = (revision: string, image: string, annotations: Record<string, string> = {}): KubeObject => ({
  metadata: { name: `web-${revision}`, annotations: { 'deployment.kubernetes.io/revision': revision, ...annotations } },
  spec: { template: template(image, { 'pod-template-hash': `h${revision}` }) },
});

describe('rollout writes, as kubectl makes them', () => {
  it('restart stamps the template with restartedAt in RFC 3339 seconds', () => {
    expect(restartPatch(new Date('2026-12-06T03:52:12.345Z'))).toEqual({
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-12-06T03:52:12Z' } } } },
    });
  });

  it('pause and resume set spec.paused', () => {
    expect(pausePatch(true)).toEqual({ spec: { paused: true } });
    expect(pausePatch(false)).toEqual({ spec: { paused: false } });
  });

  it("takes the pod-template-hash label out of a ReplicaSet's template", () => {
    expect(deploymentTemplate(replicaSet('1', 'nginx:1'))).toEqual(template('nginx:1'));
  });

  it("rolls back with a JSON patch of the revision's template and annotations", () => {
    const d = deployment({ template: template('nginx:3') }, {
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'set image 3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
    });
    const rs = replicaSet('1', 'nginx:1', { 'kubernetes.io/change-cause': 'first', 'deployment.kubernetes.io/desired-replicas': '2' });
    expect(rollbackPatch(d, rs)).toEqual([
      { op: 'replace', path: '/spec/template', value: template('nginx:1') },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: {
          'deployment.kubernetes.io/revision': '3',
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'kubernetes.io/change-cause': 'first',
        },
      },
    ]);
  });

  it.each([
    ['a paused Deployment', deployment({ paused: true, template: template('nginx:3') }), /paused/],
    ['a revision equal to the current template', deployment({ template: template('nginx:1') }), /already matches revision 1/],
  ])('refuses %s', (_name, d, error) => {
    expect(() => rollbackPatch(d, replicaSet('1', 'nginx:1'))).toThrow(error);
  });
});
