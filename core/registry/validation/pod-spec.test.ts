import { describe, expect, it } from 'vitest';
import type { Container, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultPodSpec } from '../defaults/pod-spec';
import type { FieldError } from '../../machinery/field-errors';
import { validatePodSpec, validatePodTemplateSpec } from './pod-spec';

const brief = (errs: FieldError[]): string[] => errs.map((e) => `${e.type} ${e.field}`);

/** A defaulted spec with one nginx container, changed by `edit`. */
function spec(edit: (s: PodSpec, c: Container) => void = () => {}): PodSpec {
  const s: PodSpec = { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] };
  edit(s, s.containers[0]);
  defaultPodSpec(s);
  return s;
}

describe('validatePodSpec', () => {
  it('accepts a defaulted valid spec', () => {
    expect(validatePodSpec(spec(), 'spec')).toEqual([]);
  });

  it.each<[string, (s: PodSpec, c: Container) => void, string[]]>([
    ['containers required', (s) => (s.containers = []), ['FieldValueRequired spec.containers']],
    ['container name required', (_s, c) => (c.name = ''), ['FieldValueRequired spec.containers[0].name']],
    ['container name DNS label', (_s, c) => (c.name = 'Web'), ['FieldValueInvalid spec.containers[0].name']],
    ['duplicate container names', (s, c) => s.containers.push({ ...c, ports: [] }), ['FieldValueDuplicate spec.containers[1].name']],
    ['init container name clashes', (s, c) => (s.initContainers = [{ name: c.name, image: 'busybox' }]), ['FieldValueDuplicate spec.initContainers[0].name']],
    ['image required', (_s, c) => (c.image = ''), ['FieldValueRequired spec.containers[0].image']],
    ['containerPort range', (_s, c) => (c.ports = [{ containerPort: 70000 }]), ['FieldValueInvalid spec.containers[0].ports[0].containerPort']],
    ['containerPort required', (_s, c) => (c.ports = [{ containerPort: 0 }]), ['FieldValueRequired spec.containers[0].ports[0].containerPort']],
    ['second port bad', (_s, c) => (c.ports = [{ containerPort: 80 }, { containerPort: -1 }]), ['FieldValueInvalid spec.containers[0].ports[1].containerPort']],
    ['protocol', (_s, c) => (c.ports = [{ containerPort: 80, protocol: 'HTTP' }]), ['FieldValueNotSupported spec.containers[0].ports[0].protocol']],
    [
      'duplicate port names',
      (_s, c) => (c.ports = [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }]),
      ['FieldValueDuplicate spec.containers[0].ports[1].name'],
    ],
    [
      'host port conflict',
      (s, c) => {
        c.ports = [{ containerPort: 80, hostPort: 8080 }];
        s.containers.push({ name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] });
      },
      ['FieldValueDuplicate spec.containers[1].ports[0].hostPort'],
    ],
    ['env name', (_s, c) => (c.env = [{ name: 'A=B', value: 'x' }]), ['FieldValueInvalid spec.containers[0].env[0].name']],
    [
      'env valueFrom two sources',
      (_s, c) => (c.env = [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } }]),
      ['FieldValueInvalid spec.containers[0].env[0].valueFrom'],
    ],
    [
      'env valueFrom with value',
      (_s, c) => (c.env = [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]),
      ['FieldValueInvalid spec.containers[0].env[0].valueFrom'],
    ],
    [
      'env fieldRef unsupported path',
      (_s, c) => (c.env = [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.host' } } }]),
      ['FieldValueNotSupported spec.containers[0].env[0].valueFrom.fieldRef.fieldPath'],
    ],
    ['volume mount unknown', (_s, c) => (c.volumeMounts = [{ name: 'data', mountPath: '/data' }]), ['FieldValueNotFound spec.containers[0].volumeMounts[0].name']],
    ['volume without source', (s) => (s.volumes = [{ name: 'v', emptyDir: undefined }]), []],
    ['volume two sources', (s) => (s.volumes = [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }]), ['FieldValueForbidden spec.volumes[0].hostPath']],
    ['duplicate volumes', (s) => (s.volumes = [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }]), ['FieldValueDuplicate spec.volumes[1].name']],
    ['configMap volume name', (s) => (s.volumes = [{ name: 'v', configMap: {} }]), ['FieldValueRequired spec.volumes[0].configMap.name']],
    [
      'requests above limits',
      (_s, c) => (c.resources = { requests: { cpu: '2' }, limits: { cpu: '1' } }),
      ['FieldValueInvalid spec.containers[0].resources.requests'],
    ],
    ['bad quantity', (_s, c) => (c.resources = { limits: { memory: '1GB' } }), ['FieldValueInvalid spec.containers[0].resources.limits[memory]']],
    ['negative quantity', (_s, c) => (c.resources = { requests: { cpu: '-1' } }), ['FieldValueInvalid spec.containers[0].resources.requests[cpu]']],
    ['unknown resource', (_s, c) => (c.resources = { requests: { disk: '1' } }), ['FieldValueInvalid spec.containers[0].resources.requests[disk]']],
    ['restartPolicy', (s) => (s.restartPolicy = 'Sometimes'), ['FieldValueNotSupported spec.restartPolicy']],
    ['dnsPolicy', (s) => (s.dnsPolicy = 'Google'), ['FieldValueNotSupported spec.dnsPolicy']],
    ['dnsPolicy None needs config', (s) => (s.dnsPolicy = 'None'), ['FieldValueRequired spec.dnsConfig']],
    ['probe handler required', (_s, c) => (c.readinessProbe = {}), ['FieldValueRequired spec.containers[0].readinessProbe']],
    [
      'liveness successThreshold',
      (_s, c) => (c.livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 }),
      ['FieldValueInvalid spec.containers[0].livenessProbe.successThreshold'],
    ],
    [
      'probe two handlers',
      (_s, c) => (c.readinessProbe = { tcpSocket: { port: 80 }, exec: { command: ['true'] } }),
      ['FieldValueForbidden spec.containers[0].readinessProbe.tcpSocket'],
    ],
    [
      'probe port name (charset and no lowercase letter)',
      (_s, c) => (c.readinessProbe = { httpGet: { port: 'HTTP' } }),
      ['FieldValueInvalid spec.containers[0].readinessProbe.httpGet.port', 'FieldValueInvalid spec.containers[0].readinessProbe.httpGet.port'],
    ],
    [
      'init container probes need restartPolicy Always',
      (s) => (s.initContainers = [{ name: 'init', image: 'busybox', livenessProbe: { exec: { command: ['x'] } } }]),
      ['FieldValueForbidden spec.initContainers[0].livenessProbe'],
    ],
    ['toleration operator', (s) => (s.tolerations = [{ key: 'k', operator: 'Is' }]), ['FieldValueNotSupported spec.tolerations[0].operator']],
    ['toleration empty key', (s) => (s.tolerations = [{ operator: 'Equal', value: 'x' }]), ['FieldValueInvalid spec.tolerations[0].operator']],
    ['toleration effect', (s) => (s.tolerations = [{ key: 'k', effect: 'NoRun' }]), ['FieldValueNotSupported spec.tolerations[0].effect']],
    [
      'tolerationSeconds needs NoExecute',
      (s) => (s.tolerations = [{ key: 'k', effect: 'NoSchedule', tolerationSeconds: 5 }]),
      ['FieldValueInvalid spec.tolerations[0].effect'],
    ],
    ['nodeSelector value', (s) => (s.nodeSelector = { disk: 'ssd fast' }), ['FieldValueInvalid spec.nodeSelector']],
    [
      'node affinity needs terms',
      (s) => (s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }),
      ['FieldValueRequired spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms'],
    ],
    [
      'pod anti-affinity topologyKey',
      (s) => (s.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: '' }] } }),
      [
        'FieldValueRequired spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
        // Kubernetes also runs the label-name check on the empty key: "name part must be non-empty" and the regex.
        'FieldValueInvalid spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
        'FieldValueInvalid spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
      ],
    ],
    [
      'preferred weight',
      (s) => (s.affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { topologyKey: 'zone' } }] } }),
      ['FieldValueInvalid spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight'],
    ],
    ['terminationGracePeriodSeconds', (s) => (s.terminationGracePeriodSeconds = -1), ['FieldValueInvalid spec.terminationGracePeriodSeconds']],
    ['serviceAccountName', (s) => (s.serviceAccountName = 'Bad_SA'), ['FieldValueInvalid spec.serviceAccountName']],
    ['activeDeadlineSeconds', (s) => (s.activeDeadlineSeconds = 0), ['FieldValueInvalid spec.activeDeadlineSeconds']],
    ['hostname', (s) => (s.hostname = 'a.b'), ['FieldValueInvalid spec.hostname']],
  ])('%s', (_n, edit, expected) => {
    expect(brief(validatePodSpec(spec(edit), 'spec'))).toEqual(expected);
  });

  it('states the request/limit relation like Kubernetes', () => {
    const s = spec((_s, c) => (c.resources = { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } }));
    expect(validatePodSpec(s, 'spec')).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.containers[0].resources.requests',
        value: '2Gi',
        detail: 'must be less than or equal to memory limit of 1Gi',
      },
    ]);
  });

  it('reports an undefaulted spec the way the API would see it', () => {
    expect(brief(validatePodSpec({ containers: [{ name: 'a', image: 'x' }] }, 'spec'))).toEqual([
      'FieldValueRequired spec.containers[0].terminationMessagePolicy',
      'FieldValueRequired spec.containers[0].imagePullPolicy',
      'FieldValueRequired spec.restartPolicy',
      'FieldValueRequired spec.dnsPolicy',
    ]);
  });
});

describe('validatePodTemplateSpec', () => {
  it('checks template labels at <path>.labels and the spec at <path>.spec', () => {
    const t: PodTemplateSpec = { metadata: { labels: { app: 'a b' } }, spec: spec((_s, c) => (c.image = '')) };
    expect(brief(validatePodTemplateSpec(t, 'spec.template'))).toEqual([
      'FieldValueInvalid spec.template.labels',
      'FieldValueRequired spec.template.spec.containers[0].image',
    ]);
  });
});
