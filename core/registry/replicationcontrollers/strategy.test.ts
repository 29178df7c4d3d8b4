import { describe, expect, it } from 'vitest';
import type { ReplicationController, ReplicationControllerSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type RCObject = Kube<ReplicationController>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function rc(edit: (spec: ReplicationControllerSpec) => void = () => {}): RCObject {
  const spec: ReplicationControllerSpec = {
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  };
  edit(spec);
  const r = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web', namespace: 'default' }, spec } as RCObject;
  strategy.prepareForCreate!(r);
  strategy.defaults!(r);
  return r;
}

describe('replication controller strategy', () => {
  it('defaults selector, labels and replicas from the template', () => {
    const r = rc();
    expect(r.spec?.selector).toEqual({ app: 'web' });
    expect(r.metadata.labels).toEqual({ app: 'web' });
    expect(r.spec?.replicas).toBe(1);
    expect(r.spec?.template?.spec?.restartPolicy).toBe('Always');
    expect(r.status).toEqual({ replicas: 0 });
    expect(strategy.validate!(r)).toEqual([]);
  });

  it.each<[string, (s: ReplicationControllerSpec) => void, string[]]>([
    ['selector mismatch', (s) => (s.selector = { app: 'other' }), ['FieldValueInvalid spec.template.metadata.labels']],
    ['negative replicas', (s) => (s.replicas = -1), ['FieldValueInvalid spec.replicas']],
    ['restartPolicy', (s) => (s.template!.spec!.restartPolicy = 'Never'), ['FieldValueNotSupported spec.template.spec.restartPolicy']],
    ['template required', (s) => (delete s.template, (s.selector = { a: 'b' })), ['FieldValueRequired spec.template']],
    ['template image', (s) => (s.template!.spec!.containers[0].image = ''), ['FieldValueRequired spec.template.spec.containers[0].image']],
  ])('%s', (_n, edit, expected) => {
    expect(brief(strategy.validate!(rc(edit)))).toEqual(expected);
  });
});
