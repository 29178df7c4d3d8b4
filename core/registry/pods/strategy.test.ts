import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { podQOSClass } from './qos';
import { strategy } from './strategy';

type PodObject = Kube<Pod>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function pod(containers: Container[] = [{ name: 'web', image: 'nginx:1.27' }]): PodObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers } };
}

/** What the generic store does on create: prepare, default, validate. */
function created(p: PodObject): PodObject {
  strategy.prepareForCreate!(p);
  strategy.defaults!(p);
  return p;
}

describe('pod QoS class', () => {
  const withResources = (...rs: Container['resources'][]): PodObject =>
    created(pod(rs.map((resources, i) => ({ name: `c${i}`, image: 'x', resources }))));
  it.each<[string, PodObject, string]>([
    ['no resources', withResources(undefined), 'BestEffort'],
    ['zero requests', withResources({ requests: { cpu: '0' } }), 'BestEffort'],
    ['requests only', withResources({ requests: { cpu: '100m' } }), 'Burstable'],
    ['limits only (requests defaulted)', withResources({ limits: { cpu: '1', memory: '1Gi' } }), 'Guaranteed'],
    ['equal requests and limits', withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } }), 'Guaranteed'],
    ['requests below limits', withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }), 'Burstable'],
    ['cpu limit only', withResources({ limits: { cpu: '1' } }), 'Burstable'],
    ['one container without limits', withResources({ limits: { cpu: '1', memory: '1Gi' } }, undefined), 'Burstable'],
  ])('%s -> %s', (_n, p, qos) => {
    expect(podQOSClass(p)).toBe(qos);
    expect(p.status?.qosClass).toBe(qos);
  });
});

describe('pod strategy', () => {
  it('starts pods Pending with defaults', () => {
    const p = created(pod());
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(p.spec?.enableServiceLinks).toBe(true);
    expect(strategy.validate!(p)).toEqual([]);
  });

  it('marks gated pods unschedulable', () => {
    const p = pod();
    p.spec!.schedulingGates = [{ name: 'example.com/wait' }];
    created(p);
    expect(p.status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' });
  });

  it('rejects images with surrounding spaces on pods only', () => {
    expect(brief(strategy.validate!(created(pod([{ name: 'a', image: ' nginx' }]))))).toEqual(['FieldValueInvalid spec.containers[0].image']);
  });

  describe('updates', () => {
    const base = (): PodObject => {
      const p = created(pod());
      p.spec!.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }];
      p.spec!.activeDeadlineSeconds = 100;
      return p;
    };
    it.each<[string, (p: PodObject) => void, string[]]>([
      ['image change allowed', (p) => (p.spec!.containers[0].image = 'nginx:1.28'), []],
      ['shorter deadline allowed', (p) => (p.spec!.activeDeadlineSeconds = 50), []],
      ['longer deadline rejected', (p) => (p.spec!.activeDeadlineSeconds = 200), ['FieldValueInvalid spec.activeDeadlineSeconds']],
      ['removing deadline rejected', (p) => delete p.spec!.activeDeadlineSeconds, ['FieldValueInvalid spec.activeDeadlineSeconds']],
      ['toleration added', (p) => p.spec!.tolerations!.push({ key: 'x', operator: 'Exists' }), []],
      ['tolerationSeconds changed', (p) => (p.spec!.tolerations![0].tolerationSeconds = 5), []],
      ['toleration removed', (p) => (p.spec!.tolerations = []), ['FieldValueForbidden spec.tolerations']],
      ['container added', (p) => p.spec!.containers.push({ name: 'b', image: 'b' }), ['FieldValueForbidden spec.containers']],
      ['port changed', (p) => (p.spec!.containers[0].ports = [{ containerPort: 81, protocol: 'TCP' }]), ['FieldValueForbidden spec']],
      ['image cleared', (p) => (p.spec!.containers[0].image = ''), ['FieldValueRequired spec.containers[0].image']],
    ])('%s', (_n, edit, expected) => {
      const old = base();
      const next = structuredClone(old);
      edit(next);
      strategy.defaults!(next);
      expect(brief(strategy.validateUpdate!(next, old))).toEqual(expected);
    });

    it('explains what may change', () => {
      const old = base();
      const next = structuredClone(old);
      next.spec!.restartPolicy = 'Never';
      const [err] = strategy.validateUpdate!(next, old);
      expect(err.detail).toMatch(/^pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,/);
      expect(err.detail).toContain('spec.restartPolicy');
    });
  });

  it('validates pod IPs on status updates', () => {
    const p = created(pod());
    (p as { status?: unknown }).status = { phase: 'Running', podIPs: [{ ip: '127.0.0.5' }, { ip: 'nope' }] };
    expect(brief(strategy.validateStatusUpdate!(p, p))).toEqual(['FieldValueInvalid status.podIPs[1]']);
  });

  it.each<[string, Partial<Pod['spec']>, string | undefined, number | undefined, number]>([
    ['not on a node: at once', {}, 'Pending', 10, 0],
    ['on a node: the default 30 s', { nodeName: 'n1' }, 'Running', undefined, 30],
    ['on a node: its terminationGracePeriodSeconds', { nodeName: 'n1', terminationGracePeriodSeconds: 5 }, 'Running', undefined, 5],
    ['on a node: the requested period wins', { nodeName: 'n1', terminationGracePeriodSeconds: 5 }, 'Running', 2, 2],
    ['a negative request: at once', { nodeName: 'n1' }, 'Running', -1, 0],
    ['succeeded: at once', { nodeName: 'n1' }, 'Succeeded', undefined, 0],
    ['failed: at once', { nodeName: 'n1' }, 'Failed', undefined, 0],
  ])('grace period on delete: %s', (_n, spec, phase, requested, seconds) => {
    const p = created(pod());
    Object.assign(p.spec!, spec);
    p.status!.phase = phase;
    expect(strategy.gracePeriod!(p, requested)).toBe(seconds);
  });
});
