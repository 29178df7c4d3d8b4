import { describe, expect, it } from 'vitest';
import type { Namespace } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';
import { resource } from './index';
import { validateObjectMeta } from '../validation/object-meta';

type NamespaceObject = Kube<Namespace>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function created(name: string, spec?: Namespace['spec']): NamespaceObject {
  const ns: NamespaceObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, ...(spec ? { spec } : {}) };
  strategy.prepareForCreate!(ns);
  strategy.defaults!(ns);
  return ns;
}

describe('namespace strategy', () => {
  it('creates Active namespaces with the kubernetes finalizer and name label', () => {
    const ns = created('team-a');
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(strategy.validate!(ns)).toEqual([]);
  });

  it('appends kubernetes to user finalizers', () => {
    expect(created('a', { finalizers: ['example.com/x'] }).spec?.finalizers).toEqual(['example.com/x', 'kubernetes']);
  });

  it('puts the name label back when a user removes or changes it', () => {
    const old = created('team-a');
    const next = structuredClone(old);
    next.metadata.labels = { 'kubernetes.io/metadata.name': 'other', extra: 'x' };
    strategy.prepareForUpdate!(next, old);
    strategy.defaults!(next);
    expect(next.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a', extra: 'x' });
  });

  it('keeps spec on main-resource updates (finalizers change only via /finalize)', () => {
    const old = created('a');
    const next = structuredClone(old);
    next.spec = { finalizers: [] };
    strategy.prepareForUpdate!(next, old);
    expect(next.spec).toEqual({ finalizers: ['kubernetes'] });
  });

  it.each<[string, string, string[]]>([
    ['DNS label', 'team-a', []],
    ['dots are not allowed', 'team.a', ['FieldValueInvalid metadata.name']],
  ])('name: %s', (_n, name, expected) => {
    const ns = created(name);
    const errs = [...validateObjectMeta(ns.metadata, { namespaced: false, validateName: resource.validateName }), ...strategy.validate!(ns)];
    expect(brief(errs)).toEqual(expected);
  });

  it('checks spec finalizer names', () => {
    expect(brief(strategy.validate!(created('a', { finalizers: ['custom'] })))).toEqual(['FieldValueInvalid spec.finalizers']);
  });

  it.each<[string, string | undefined, string, string[]]>([
    ['active', undefined, 'Active', []],
    ['terminating without deletion', undefined, 'Terminating', ['FieldValueInvalid status.Phase']],
    ['terminating while deleting', '2025-01-01T00:00:00Z', 'Terminating', []],
    ['active while deleting', '2025-01-01T00:00:00Z', 'Active', ['FieldValueInvalid status.Phase']],
  ])('status: %s', (_n, deletionTimestamp, phase, expected) => {
    const ns = created('a');
    if (deletionTimestamp) ns.metadata = { ...ns.metadata, deletionTimestamp };
    ns.status = { phase };
    expect(brief(strategy.validateStatusUpdate!(ns, ns))).toEqual(expected);
  });
});
