// The create fast path must give exactly what the general path (Compare against the zero object,
// then the set algebra) gives: the same entries, the same fieldsV1 keys in the same order.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../machinery/object';
import { schemaResolver } from '../../registry/openapi/definitions';
import { SchemaNode } from '../../registry/openapi/schema-node';
import { FieldSet } from './field-set';
import { recordChange, updateManagedFields, type UpdateOptions } from './managed-fields';

const schema = (name: string) => new SchemaNode({ $ref: `#/components/schemas/${name}` }, schemaResolver());
const statusReset = FieldSet.of([{ field: 'status' }]);

const container = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: 'nginx:1.27',
  imagePullPolicy: 'IfNotPresent',
  ports: [
    { containerPort: 80, protocol: 'TCP', name: 'http' },
    { containerPort: 443, protocol: 'TCP' },
  ],
  env: [
    { name: 'MODE', value: 'x' },
    { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
  ],
  resources: { requests: { cpu: '100m' }, limits: { memory: '64Mi' } },
  volumeMounts: [{ name: 'data', mountPath: '/data' }],
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...extra,
});

const podSpec = () => ({
  containers: [container('web'), container('side', { args: ['a', 'b', 'a'] })],
  initContainers: [container('init')],
  volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } }],
  tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }],
  nodeSelector: { disk: 'ssd' },
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  schedulerName: 'default-scheduler',
  terminationGracePeriodSeconds: 30,
});

interface Case {
  schema: string;
  apiVersion: string;
  object: Record<string, unknown>;
  reset?: FieldSet;
}

const meta = (extra: Record<string, unknown> = {}) => ({
  name: 'x',
  namespace: 'default',
  uid: 'u',
  creationTimestamp: '2025-01-01T00:00:00Z',
  generation: 1,
  labels: { app: 'web', 'example.com/tier': 'front' },
  annotations: { note: 'hi' },
  finalizers: ['a/b', 'c/d'],
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'r1', controller: true }],
  ...extra,
});

const CASES: Record<string, Case> = {
  pod: {
    schema: 'io.k8s.api.core.v1.Pod',
    apiVersion: 'v1',
    object: { apiVersion: 'v1', kind: 'Pod', metadata: meta(), spec: podSpec(), status: { phase: 'Pending' } },
    reset: statusReset,
  },
  deployment: {
    schema: 'io.k8s.api.apps.v1.Deployment',
    apiVersion: 'apps/v1',
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(),
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' }, creationTimestamp: null }, spec: podSpec() },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    reset: statusReset,
  },
  service: {
    schema: 'io.k8s.api.core.v1.Service',
    apiVersion: 'v1',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(),
      spec: {
        ports: [
          { port: 80, protocol: 'TCP', targetPort: 8080, name: 'http' },
          { port: 80, protocol: 'UDP', targetPort: 8080, name: 'dns' },
        ],
        selector: { app: 'web' },
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ipFamilies: ['IPv4'],
      },
    },
    reset: statusReset,
  },
  configMap: {
    schema: 'io.k8s.api.core.v1.ConfigMap',
    apiVersion: 'v1',
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(), data: { a: '1', 'b.properties': 'x=y\n' }, binaryData: {} },
  },
  cronJob: {
    schema: 'io.k8s.api.batch.v1.CronJob',
    apiVersion: 'batch/v1',
    object: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(),
      spec: { schedule: '*/1 * * * *', jobTemplate: { metadata: {}, spec: { template: { spec: podSpec() }, backoffLimit: 6 } } },
    },
    reset: statusReset,
  },
  statefulSet: {
    schema: 'io.k8s.api.apps.v1.StatefulSet',
    apiVersion: 'apps/v1',
    object: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(),
      spec: {
        serviceName: 'web',
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: podSpec() },
        updateStrategy: { type: 'RollingUpdate' },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    },
    reset: statusReset,
  },
  customResource: {
    schema: 'none',
    apiVersion: 'example.com/v1',
    object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta(), spec: { size: 3, parts: [{ a: 1 }], nested: { deep: { x: null } }, empty: {} } },
  },
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The object with random parts dropped, nulled, emptied or duplicated. */
function mutate(value: unknown, rnd: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    const r = rnd();
    if (r < 0.08) return [];
    if (r < 0.12) return null;
    const out = value.filter(() => rnd() > 0.15).map((v) => mutate(v, rnd, depth + 1));
    if (out.length && rnd() < 0.1) out.push(out[0]);
    return out;
  }
  if (value && typeof value === 'object') {
    const r = rnd();
    if (depth > 0 && r < 0.06) return {};
    if (depth > 0 && r < 0.09) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (depth > 0 && rnd() < 0.12) continue;
      out[k] = mutate(v, rnd, depth + 1);
    }
    if (rnd() < 0.05) out.unknownField = { a: [1, 2] };
    return out;
  }
  return value;
}

function bothPaths(c: Case, object: Record<string, unknown>) {
  const opts: UpdateOptions = {
    manager: 'kubectl-create',
    operation: 'Update',
    apiVersion: c.apiVersion,
    schema: c.schema === 'none' ? undefined : schema(c.schema),
    now: new Date('2025-01-01T10:00:00Z'),
    resetFields: c.reset,
  };
  const fast = structuredClone(object) as unknown as KubeObject;
  const general = structuredClone(object) as unknown as KubeObject;
  updateManagedFields(undefined, fast, opts);
  recordChange(new Map(), undefined, general, opts);
  return { fast: JSON.stringify(fast.metadata?.managedFields), general: JSON.stringify(general.metadata?.managedFields) };
}

describe('creationFieldsV1 (the create fast path)', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`gives what the general path gives for a ${name}`, () => {
      const { fast, general } = bothPaths(c, c.object);
      expect(general).toBeDefined();
      expect(fast).toBe(general);
    });
  }

  it('gives what the general path gives for hundreds of damaged objects, empty and unkeyable ones included', () => {
    let unreadable = 0;
    let compared = 0;
    for (const [name, c] of Object.entries(CASES)) {
      for (let seed = 1; seed <= 120; seed++) {
        const object = mutate(c.object, random(seed)) as Record<string, unknown>;
        const { fast, general } = bothPaths(c, object);
        expect(fast, `${name} seed ${seed}`).toBe(general);
        compared++;
        if (general === undefined) unreadable++;
      }
    }
    // The generator reaches both outcomes: owned fields, and objects the schema cannot key.
    expect(unreadable).toBeGreaterThan(0);
    expect(unreadable).toBeLessThan(compared / 2);
  });
});
