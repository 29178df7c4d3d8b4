import { describe, expect, it } from 'vitest';
import type { ManagedFieldsEntry } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../machinery/object';
import { FieldSet } from './field-set';
import {
  decodeManagedFields,
  encodeManagedFields,
  isManagedFieldsReset,
  updateManagedFields,
  validateManagedFields,
  type UpdateOptions,
} from './managed-fields';
import { createdDeployment, deploymentSchema } from '../../../test/support/ssa-schemas';

const T0 = new Date('2025-01-01T10:00:00.123Z');
const T1 = new Date('2025-01-01T11:00:00Z');
const statusReset = FieldSet.of([{ field: 'status' }]);
const opts = (manager: string, now = T0, extra: Partial<UpdateOptions> = {}): UpdateOptions => ({
  manager,
  operation: 'Update',
  apiVersion: 'apps/v1',
  schema: deploymentSchema,
  now,
  resetFields: statusReset,
  ...extra,
});

/** What `kubectl get deploy nginx -o yaml --show-managed-fields` shows after `kubectl create deployment`. */
const CREATE_FIELDS = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
  'f:spec': {
    'f:progressDeadlineSeconds': {},
    'f:replicas': {},
    'f:revisionHistoryLimit': {},
    'f:selector': {},
    'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
    'f:template': {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"nginx"}': {
            '.': {},
            'f:image': {},
            'f:imagePullPolicy': {},
            'f:name': {},
            'f:resources': {},
            'f:terminationMessagePath': {},
            'f:terminationMessagePolicy': {},
          },
        },
        'f:dnsPolicy': {},
        'f:restartPolicy': {},
        'f:schedulerName': {},
        'f:securityContext': {},
        'f:terminationGracePeriodSeconds': {},
      },
    },
  },
};

function created(): KubeObject {
  const d = createdDeployment();
  updateManagedFields(undefined, d, opts('kubectl-create'));
  return d;
}

function edited(from: KubeObject, change: (d: KubeObject & { spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } } }) => void, manager: string, now = T1): KubeObject {
  const next = structuredClone(from) as Parameters<typeof change>[0];
  change(next);
  updateManagedFields(from, next, opts(manager, now));
  return next;
}

const byManager = (obj: KubeObject) => Object.fromEntries((obj.metadata.managedFields ?? []).map((e) => [e.manager, e.fieldsV1]));

describe('updateManagedFields', () => {
  it('records a create the way a real cluster shows kubectl create deployment', () => {
    expect(created().metadata.managedFields).toEqual([
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2025-01-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: CREATE_FIELDS },
    ]);
  });

  it('gives the fields an edit changes to its manager and takes them from the others', () => {
    const d = edited(created(), (x) => (x.spec.template.spec.containers[0].image = 'nginx:1.27'), 'kubectl-edit');
    const containers = (fields: object) => ({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': fields } } } } });
    expect(byManager(d)['kubectl-edit']).toEqual(containers({ 'f:image': {} }));
    expect(JSON.stringify(byManager(d)['kubectl-create'])).not.toContain('"f:image"');
    expect(d.metadata.managedFields?.map((e) => [e.manager, e.time])).toEqual([
      ['kubectl-create', '2025-01-01T10:00:00Z'],
      ['kubectl-edit', '2025-01-01T11:00:00Z'],
    ]);
  });

  it.each([
    { name: 'a write that changes nothing leaves the entries alone', change: () => {}, managers: ['kubectl-create'] },
    {
      name: 'a manager left with nothing disappears',
      change: (x: KubeObject) => {
        const fresh = createdDeployment();
        Object.assign(x, { spec: fresh.spec });
        (x.metadata.labels as Record<string, string>).app = 'web';
      },
      managers: ['kubectl-create', 'kubectl-label'],
    },
  ])('$name', ({ change, managers }) => {
    const d = edited(created(), change, 'kubectl-label');
    expect(d.metadata.managedFields?.map((e) => e.manager)).toEqual(managers);
  });

  it('reuses a stored entry document while its set is unchanged, and re-encodes one that lost fields', () => {
    const live = edited(created(), (x) => (x.spec.template.spec.containers[0].image = 'nginx:1.27'), 'kubectl-edit').metadata.managedFields!;
    const fresh = decodeManagedFields(live, true);
    const again = encodeManagedFields(fresh)!;
    expect(again.map((e) => e.fieldsV1)).toEqual(live.map((e) => e.fieldsV1));
    expect(again[0]!.fieldsV1).toBe(live[0]!.fieldsV1);
    const sent = decodeManagedFields(live);
    expect(encodeManagedFields(sent)![0]!.fieldsV1).not.toBe(live[0]!.fieldsV1);
    const shrunk = decodeManagedFields(live, true);
    const create = [...shrunk.values()][0]!;
    create.set = create.set.difference(FieldSet.of([{ field: 'spec' }, { field: 'replicas' }]));
    const encoded = encodeManagedFields(shrunk)!;
    expect(encoded[0]!.fieldsV1).not.toBe(live[0]!.fieldsV1);
    expect(JSON.stringify(encoded[0]!.fieldsV1)).not.toContain('f:replicas');
  });

  it('drops a manager whose every field another write took', () => {
    const first = edited(created(), (x) => (x.spec.replicas = 2), 'kubectl-scale');
    const second = edited(first, (x) => (x.spec.replicas = 5), 'kubectl-edit', new Date('2025-01-01T12:00:00Z'));
    expect(second.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-create', 'kubectl-edit']);
    expect(byManager(second)['kubectl-edit']).toEqual({ 'f:spec': { 'f:replicas': {} } });
  });

  it('merges repeated writes by one manager into one entry with the latest time', () => {
    const first = edited(created(), (x) => (x.spec.replicas = 2), 'kubectl-edit');
    const second = edited(first, (x) => (x.spec.template.spec.containers[0].image = 'x'), 'kubectl-edit', new Date('2025-01-01T12:00:00Z'));
    const entries = second.metadata.managedFields!.filter((e) => e.manager === 'kubectl-edit');
    expect(entries).toHaveLength(1);
    expect(entries[0].time).toBe('2025-01-01T12:00:00Z');
    expect(entries[0].fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } },
    });
  });

  it('keeps separate entries per subresource, and resets fields the endpoint ignores', () => {
    const d = created();
    const next = structuredClone(d);
    next.status = { replicas: 1, observedGeneration: 1 };
    next.spec = { ...(next.spec as object), replicas: 7 };
    updateManagedFields(d, next, opts('kube-controller-manager', T1, { subresource: 'status', resetFields: FieldSet.of([{ field: 'spec' }]) }));
    const entry = next.metadata.managedFields!.find((e) => e.manager === 'kube-controller-manager')!;
    expect(entry).toMatchObject({ operation: 'Update', subresource: 'status', fieldsV1: { 'f:status': { 'f:observedGeneration': {}, 'f:replicas': {} } } });
  });

  it('ignores server-set metadata', () => {
    const d = created();
    const next = structuredClone(d);
    Object.assign(next.metadata, { resourceVersion: '9', generation: 2, uid: 'u' });
    updateManagedFields(d, next, opts('kubectl-edit', T1));
    expect(next.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-create']);
  });

  it('tracks custom resources without a schema with "." on every map', () => {
    const cr: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 3 } };
    updateManagedFields(undefined, cr, { ...opts('kubectl-create'), apiVersion: 'example.com/v1', schema: undefined, resetFields: undefined });
    expect(cr.metadata.managedFields?.[0].fieldsV1).toEqual({ 'f:spec': { '.': {}, 'f:size': {} } });
  });

  describe('client-sent managedFields', () => {
    const withSent = (sent: unknown) => {
      const d = created();
      const next = structuredClone(d);
      (next.metadata as Record<string, unknown>).managedFields = sent;
      next.metadata.labels = { app: 'nginx', tier: 'web' };
      updateManagedFields(d, next, opts('kubectl-label', T1));
      return next.metadata.managedFields?.map((e) => e.manager);
    };
    it.each([
      { name: 'missing: kept from the live object', sent: undefined, managers: ['kubectl-create', 'kubectl-label'] },
      { name: 'empty list: reset', sent: [], managers: ['kubectl-label'] },
      { name: 'one empty entry: reset', sent: [{}], managers: ['kubectl-label'] },
      { name: 'malformed: live ones kept', sent: [{ manager: 'x', operation: 'Bogus' }], managers: ['kubectl-create', 'kubectl-label'] },
      {
        name: 'well-formed: used as sent',
        sent: [{ manager: 'mine', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }],
        managers: ['mine', 'kubectl-label'],
      },
    ])('$name', ({ sent, managers }) => {
      expect(withSent(sent)).toEqual(managers);
    });
  });

  it('folds the oldest of more than ten update managers into ancient-changes', () => {
    let d = created();
    for (let i = 0; i < 11; i++) {
      d = edited(d, (x) => (x.metadata.labels = { ...x.metadata.labels, [`l${i}`]: 'x' }), `m${i}`, new Date(Date.UTC(2025, 0, 2, 0, i)));
    }
    const managers = d.metadata.managedFields!.map((e) => e.manager);
    expect(managers).toHaveLength(10);
    expect(managers).toContain('ancient-changes');
    expect(managers).not.toContain('kubectl-create');
    expect(managers).not.toContain('m0');
    const ancient = d.metadata.managedFields!.find((e) => e.manager === 'ancient-changes')!;
    expect(JSON.stringify(ancient.fieldsV1)).toContain('f:l0');
    expect(JSON.stringify(ancient.fieldsV1)).toContain('f:progressDeadlineSeconds');
  });
});

describe('validateManagedFields', () => {
  const good: ManagedFieldsEntry = { manager: 'm', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} };
  it.each<{ name: string; entry: object; error?: string }>([
    { name: 'valid', entry: good },
    { name: 'bad operation', entry: { ...good, operation: 'Patch' }, error: 'operation must be `Apply` or `Update`' },
    { name: 'no apiVersion', entry: { ...good, apiVersion: '' }, error: 'apiVersion must not be empty' },
    { name: 'no fieldsType', entry: { ...good, fieldsType: undefined }, error: 'missing fieldsType in managed fields entry 0' },
    { name: 'other fieldsType', entry: { ...good, fieldsType: 'FieldsV2' }, error: 'invalid fieldsType "FieldsV2" in managed fields entry 0' },
    { name: 'bad fieldsV1 key', entry: { ...good, fieldsV1: { 'f-x': {} } }, error: 'missing colon: f-x' },
  ])('$name', ({ entry, error }) => {
    const got = validateManagedFields([entry]);
    if (error) expect(got).toContain(error);
    else expect(got).toBeUndefined();
  });

  it.each([
    { mf: [], reset: true },
    { mf: [{}], reset: true },
    { mf: undefined, reset: false },
    { mf: [{ manager: 'x' }], reset: false },
  ])('reset $mf -> $reset', ({ mf, reset }) => {
    expect(isManagedFieldsReset(mf)).toBe(reset);
  });
});

describe('encodeManagedFields', () => {
  it('sorts Apply before Update, then by time, manager, apiVersion', () => {
    const entry = (manager: string, operation: 'Apply' | 'Update', time?: string, apiVersion = 'v1'): ManagedFieldsEntry => ({
      manager,
      operation,
      apiVersion,
      ...(time ? { time } : {}),
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { 'f:a': {} } },
    });
    const decoded = decodeManagedFields([
      entry('z', 'Update', '2025-01-01T00:00:00Z'),
      entry('b', 'Update', '2024-01-01T00:00:00Z'),
      entry('a', 'Update', '2025-01-01T00:00:00Z', 'v2'),
      entry('a', 'Update', '2025-01-01T00:00:00Z'),
      entry('q', 'Apply', '2026-01-01T00:00:00Z'),
    ]);
    expect(encodeManagedFields(decoded)!.map((e) => `${e.operation}/${e.manager}/${e.apiVersion}`)).toEqual([
      'Apply/q/v1',
      'Update/b/v1',
      'Update/a/v1',
      'Update/a/v2',
      'Update/z/v1',
    ]);
  });
});
