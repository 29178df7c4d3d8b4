import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../machinery/object';
import { FieldSet } from './field-set';
import { updateManagedFields } from './managed-fields';
import { PatchError } from './patch-error';
import {
  applyConflictCauses,
  applyConflictMessage,
  LAST_APPLIED_ANNOTATION,
  serverSideApply,
  type ApplyOptions,
  type ApplyResult,
} from './server-side-apply';
import { appliedDeployment, configMapSchema, createdDeployment, deploymentSchema } from '../../../test/support/ssa-schemas';

const T0 = new Date('2025-01-01T10:00:00Z');
const T1 = new Date('2025-01-01T11:00:00Z');
const statusReset = FieldSet.of([{ field: 'status' }]);

const opts = (manager: string, extra: Partial<ApplyOptions> = {}): ApplyOptions => ({
  manager,
  force: false,
  schema: deploymentSchema,
  apiVersion: 'apps/v1',
  now: T1,
  resetFields: statusReset,
  ...extra,
});

function applied(r: ApplyResult): KubeObject {
  if ('conflicts' in r) throw new Error(`unexpected conflicts: ${applyConflictMessage(r.conflicts)}`);
  return r.object;
}

const fieldsOf = (obj: KubeObject, manager: string) => obj.metadata.managedFields?.find((e) => e.manager === manager)?.fieldsV1;
const managers = (obj: KubeObject) => obj.metadata.managedFields?.map((e) => `${e.manager}/${e.operation}`);
const spec = (obj: KubeObject) => obj.spec as Record<string, unknown> & { template: { spec: { containers: Array<Record<string, unknown>> } } };

/** What a real cluster shows for the manifest applied with kubectl apply --server-side. */
const APPLY_FIELDS = {
  'f:metadata': { 'f:labels': { 'f:app': {} } },
  'f:spec': {
    'f:replicas': {},
    'f:selector': {},
    'f:template': {
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
    },
  },
};

function createdByApply(): KubeObject {
  return applied(serverSideApply(undefined, appliedDeployment(), opts('kubectl', { now: T0 })));
}

function createdByKubectlCreate(): KubeObject {
  const d = createdDeployment();
  updateManagedFields(undefined, d, { manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', schema: deploymentSchema, now: T0, resetFields: statusReset });
  return d;
}

describe('serverSideApply', () => {
  it('creates a missing object owned by the applier', () => {
    const obj = createdByApply();
    expect(obj.metadata.managedFields).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: '2025-01-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: APPLY_FIELDS },
    ]);
    expect({ ...obj, metadata: { ...obj.metadata, managedFields: undefined } }).toEqual({
      ...appliedDeployment(),
      metadata: { ...appliedDeployment().metadata, managedFields: undefined },
    });
  });

  it('removes a field the applier stops sending when nobody else owns it', () => {
    const config = appliedDeployment();
    delete (config.spec as Record<string, unknown>).replicas;
    const obj = applied(serverSideApply(createdByApply(), config, opts('kubectl')));
    expect(spec(obj).replicas).toBeUndefined();
    expect(JSON.stringify(fieldsOf(obj, 'kubectl'))).not.toContain('f:replicas');
  });

  it('keeps fields nobody owns (defaults) when the applier drops a sibling', () => {
    const live = createdByApply();
    Object.assign(live.spec as object, { progressDeadlineSeconds: 600 });
    const config = appliedDeployment();
    delete (config.spec as Record<string, unknown>).replicas;
    const obj = applied(serverSideApply(live, config, opts('kubectl')));
    expect(spec(obj).progressDeadlineSeconds).toBe(600);
  });

  it('keeps a dropped field another manager also owns', () => {
    const shared = applied(serverSideApply(createdByApply(), appliedDeployment(3), opts('other')));
    const config = appliedDeployment();
    delete (config.spec as Record<string, unknown>).replicas;
    const obj = applied(serverSideApply(shared, config, opts('kubectl')));
    expect(spec(obj).replicas).toBe(3);
    expect(fieldsOf(obj, 'other')).toMatchObject({ 'f:spec': { 'f:replicas': {} } });
  });

  it('shares ownership when another applier sends the same values', () => {
    const live = createdByApply();
    const obj = applied(serverSideApply(live, appliedDeployment(3), opts('other')));
    expect(fieldsOf(obj, 'other')).toEqual(APPLY_FIELDS);
    expect(fieldsOf(obj, 'kubectl')).toEqual(APPLY_FIELDS);
    expect(spec(obj)).toEqual(spec(live));
  });

  describe('conflicts', () => {
    it.each<{ name: string; live: () => KubeObject; config: KubeObject; manager: string; message: string; causes: object[] }>([
      {
        name: 'with another applier',
        live: createdByApply,
        config: appliedDeployment(5),
        manager: 'other',
        message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
        causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.spec.replicas' }],
      },
      {
        name: 'with an updater, naming its apiVersion',
        live: createdByKubectlCreate,
        config: appliedDeployment(3),
        manager: 'kubectl',
        message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using apps/v1: .spec.replicas',
        causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using apps/v1', field: '.spec.replicas' }],
      },
      {
        name: 'several fields',
        live: createdByKubectlCreate,
        config: appliedDeployment(3, 'nginx:1.27'),
        manager: 'kubectl',
        message:
          'Apply failed with 2 conflicts: conflicts with "kubectl-create" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
        causes: [
          { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using apps/v1', field: '.spec.replicas' },
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl-create" using apps/v1',
            field: '.spec.template.spec.containers[name="nginx"].image',
          },
        ],
      },
    ])('$name', ({ live, config, manager, message, causes }) => {
      const r = serverSideApply(live(), config, opts(manager));
      if (!('conflicts' in r)) throw new Error('expected conflicts');
      expect(applyConflictMessage(r.conflicts)).toBe(message);
      expect(applyConflictCauses(r.conflicts)).toEqual(causes);
    });

    it('groups several managers in order', () => {
      expect(
        applyConflictMessage([
          { manager: '"a"', field: '.x' },
          { manager: '"b" using v1', field: '.y' },
          { manager: '"a"', field: '.z' },
        ]),
      ).toBe('Apply failed with 3 conflicts: conflicts with "a":\n- .x\n- .z\nconflicts with "b" using v1:\n- .y');
    });

    it('force takes the fields over', () => {
      const obj = applied(serverSideApply(createdByKubectlCreate(), appliedDeployment(3, 'nginx:1.27'), opts('kubectl', { force: true })));
      expect(spec(obj).replicas).toBe(3);
      expect(spec(obj).template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'Always' });
      expect(managers(obj)).toEqual(['kubectl/Apply', 'kubectl-create/Update']);
      const create = JSON.stringify(fieldsOf(obj, 'kubectl-create'));
      expect(create).not.toContain('"f:replicas"');
      expect(create).not.toContain('"f:image"');
      expect(create).toContain('"f:imagePullPolicy"');
      expect(fieldsOf(obj, 'kubectl')).toEqual(APPLY_FIELDS);
    });

    it('the same values after kubectl create do not conflict and are shared', () => {
      const obj = applied(serverSideApply(createdByKubectlCreate(), appliedDeployment(1), opts('kubectl')));
      expect(managers(obj)).toEqual(['kubectl/Apply', 'kubectl-create/Update']);
      expect(JSON.stringify(fieldsOf(obj, 'kubectl-create'))).toContain('"f:replicas"');
    });
  });

  describe('lists', () => {
    const withContainers = (...containers: object[]): KubeObject => {
      const d = appliedDeployment();
      spec(d).template.spec.containers = containers as Array<Record<string, unknown>>;
      return d;
    };
    const names = (obj: KubeObject) => spec(obj).template.spec.containers.map((c) => `${c.name}:${c.image}`);

    it('merges associative lists per item, each applier owning its own', () => {
      let obj = applied(serverSideApply(undefined, withContainers({ name: 'a', image: 'x' }), opts('one')));
      obj = applied(serverSideApply(obj, withContainers({ name: 'b', image: 'y' }), opts('two')));
      expect(names(obj)).toEqual(['a:x', 'b:y']);
      obj = applied(serverSideApply(obj, withContainers({ name: 'a', image: 'x2' }), opts('one')));
      expect(names(obj)).toEqual(['a:x2', 'b:y']);
      obj = applied(serverSideApply(obj, withContainers({ name: 'c', image: 'z' }), opts('one')));
      expect(names(obj)).toEqual(['b:y', 'c:z']);
    });

    it('keeps applied items in applied order and live-only items ahead of the next shared one', () => {
      const live = applied(
        serverSideApply(undefined, withContainers({ name: 'a' }, { name: 'b' }, { name: 'c' }), opts('one', { force: true })),
      );
      const obj = applied(serverSideApply(live, withContainers({ name: 'c' }, { name: 'a' }, { name: 'd' }), opts('two', { force: true })));
      expect(spec(obj).template.spec.containers.map((c) => c.name)).toEqual(['b', 'c', 'a', 'd']);
    });

    it('replaces atomic lists, which conflict when owned by another', () => {
      const one = applied(serverSideApply(undefined, withContainers({ name: 'a', args: ['x', 'y'] }), opts('one')));
      const r = serverSideApply(one, withContainers({ name: 'a', args: ['z'] }), opts('two'));
      expect('conflicts' in r && applyConflictMessage(r.conflicts)).toBe(
        'Apply failed with 1 conflict: conflict with "one": .spec.template.spec.containers[name="a"].args',
      );
      const forced = applied(serverSideApply(one, withContainers({ name: 'a', args: ['z'] }), opts('two', { force: true })));
      expect(spec(forced).template.spec.containers[0].args).toEqual(['z']);
    });

    it('unions sets', () => {
      const withFinalizers = (...finalizers: string[]) => {
        const d = appliedDeployment();
        d.metadata.finalizers = finalizers;
        return d;
      };
      const one = applied(serverSideApply(undefined, withFinalizers('a'), opts('one')));
      const obj = applied(serverSideApply(one, withFinalizers('b'), opts('two', { force: true })));
      expect(obj.metadata.finalizers).toEqual(['a', 'b']);
      expect(fieldsOf(obj, 'two')).toMatchObject({ 'f:metadata': { 'f:finalizers': { 'v:"b"': {} } } });
    });

    it('replaces atomic structs whole', () => {
      const live = createdByApply();
      const config = appliedDeployment();
      (config.spec as Record<string, unknown>).selector = { matchExpressions: [] };
      const obj = applied(serverSideApply(live, config, opts('kubectl')));
      expect(spec(obj).selector).toEqual({ matchExpressions: [] });
    });
  });

  describe('upgrading from client-side apply', () => {
    function clientSideApplied(replicas: number): KubeObject {
      const d = createdDeployment();
      const config = appliedDeployment(2);
      d.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: `${JSON.stringify(config)}\n` };
      Object.assign(d.spec as object, { replicas });
      updateManagedFields(undefined, d, {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'apps/v1',
        schema: deploymentSchema,
        now: T0,
        resetFields: statusReset,
      });
      return d;
    }

    it('lets kubectl take fields still at their last-applied values, and updates the annotation', () => {
      const obj = applied(serverSideApply(clientSideApplied(2), appliedDeployment(3), opts('kubectl')));
      expect(spec(obj).replicas).toBe(3);
      expect(obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"nginx"},"name":"nginx"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}}}\n',
      );
    });

    it('still conflicts on fields changed since', () => {
      const r = serverSideApply(clientSideApplied(5), appliedDeployment(3), opts('kubectl'));
      expect('conflicts' in r && applyConflictMessage(r.conflicts)).toBe(
        'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      );
    });

    it('only for kubectl itself', () => {
      expect('conflicts' in serverSideApply(clientSideApplied(2), appliedDeployment(3), opts('helm'))).toBe(true);
    });
  });

  describe('requests the server refuses', () => {
    it.each<{ name: string; config: () => KubeObject; code: number; message: string }>([
      {
        name: 'managedFields in the body',
        config: () => ({ ...appliedDeployment(), metadata: { name: 'nginx', managedFields: [] } }),
        code: 400,
        message: 'metadata.managedFields must be nil',
      },
      {
        name: 'another version',
        config: () => ({ ...appliedDeployment(), apiVersion: 'apps/v1beta1' }),
        code: 400,
        message: 'Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1',
      },
      {
        name: 'a list item without its key',
        config: () => {
          const d = appliedDeployment();
          spec(d).template.spec.containers = [{ image: 'x' }];
          return d;
        },
        code: 500,
        message:
          'failed to create typed patch object (/nginx; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
      },
      {
        name: 'duplicate keys',
        config: () => {
          const d = appliedDeployment();
          spec(d).template.spec.containers = [{ name: 'a' }, { name: 'a' }];
          return d;
        },
        code: 500,
        message: 'failed to merge config: .spec.template.spec.containers: duplicate entries for key [name="a"]',
      },
    ])('$name', ({ config, code, message }) => {
      let err: unknown;
      try {
        serverSideApply(createdByApply(), config(), opts('kubectl'));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      expect(err).toMatchObject({ code, message });
    });
  });

  it('never gives ownership of server-set metadata', () => {
    const config = appliedDeployment();
    Object.assign(config.metadata, { namespace: 'default', uid: 'abc', resourceVersion: '5', generation: 3 });
    const obj = applied(serverSideApply(undefined, config, opts('kubectl', { now: T0 })));
    expect(fieldsOf(obj, 'kubectl')).toEqual(APPLY_FIELDS);
  });

  it('applies core kinds with granular maps', () => {
    const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    const o = { schema: configMapSchema, apiVersion: 'v1', resetFields: undefined };
    let obj = applied(serverSideApply(undefined, cm({ a: '1' }), opts('one', o)));
    obj = applied(serverSideApply(obj, cm({ b: '2' }), opts('two', o)));
    expect(obj.data).toEqual({ a: '1', b: '2' });
    obj = applied(serverSideApply(obj, cm({}), opts('one', o)));
    expect(obj.data).toEqual({ b: '2' });
    expect(fieldsOf(obj, 'one')).toEqual({ 'f:data': {} });
  });

  it('applies custom resources without a schema', () => {
    const w = (spec: object): KubeObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
    const o = { schema: undefined, apiVersion: 'example.com/v1', resetFields: undefined };
    let obj = applied(serverSideApply(undefined, w({ size: 1, tags: ['a'] }), opts('one', o)));
    expect(fieldsOf(obj, 'one')).toEqual({ 'f:spec': { '.': {}, 'f:size': {}, 'f:tags': {} } });
    obj = applied(serverSideApply(obj, w({ tags: ['b'] }), opts('one', o)));
    expect(obj.spec).toEqual({ tags: ['b'] });
  });
});
