import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const schema = { openAPIV3Schema: { type: 'object' } };

function crd(change: (c: Kube<CustomResourceDefinition>) => void = () => undefined): Kube<CustomResourceDefinition> {
  const c: Kube<CustomResourceDefinition> = {
    metadata: { name: 'crontabs.stable.example.com' },
    spec: {
      group: 'stable.example.com',
      scope: 'Namespaced',
      names: { plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'] } as Kube<CustomResourceDefinition>['spec']['names'],
      versions: [{ name: 'v1', served: true, storage: true, schema }],
    },
  };
  change(c);
  strategy.defaults!(c);
  return c;
}

describe('customresourcedefinition', () => {
  it('defaults singular, listKind and conversion, and records the storage version', () => {
    const c = crd();
    strategy.prepareForCreate!(c);
    expect(c.spec.names).toEqual({ plural: 'crontabs', kind: 'CronTab', shortNames: ['ct'], singular: 'crontab', listKind: 'CronTabList' });
    expect(c.spec.conversion).toEqual({ strategy: 'None' });
    expect(c.status).toEqual({ storedVersions: ['v1'] });
  });

  const cases: { name: string; change: (c: Kube<CustomResourceDefinition>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'name not plural.group', change: (c) => (c.metadata.name = 'crontab.stable.example.com'), errors: ['FieldValueInvalid metadata.name'] },
    { name: 'group without a dot', change: (c) => ((c.spec.group = 'example'), (c.metadata.name = 'crontabs.example')), errors: ['FieldValueInvalid spec.group'] },
    { name: 'bad scope', change: (c) => (c.spec.scope = 'Global'), errors: ['FieldValueNotSupported spec.scope'] },
    {
      name: 'no storage version',
      change: (c) => (c.spec.versions[0]!.storage = false),
      errors: ['FieldValueInvalid spec.versions'],
    },
    {
      name: 'two storage versions',
      change: (c) => c.spec.versions.push({ name: 'v2', served: true, storage: true, schema }),
      errors: ['FieldValueInvalid spec.versions'],
    },
    {
      name: 'duplicate version names',
      change: (c) => c.spec.versions.push({ name: 'v1', served: true, storage: false, schema }),
      errors: ['FieldValueInvalid spec.versions'],
    },
    { name: 'no schema', change: (c) => delete c.spec.versions[0]!.schema, errors: ['FieldValueRequired spec.versions[0].schema.openAPIV3Schema'] },
    {
      name: 'non-object root',
      change: (c) => (c.spec.versions[0]!.schema = { openAPIV3Schema: { type: 'string' } }),
      errors: ['FieldValueInvalid spec.versions[0].schema.openAPIV3Schema.type'],
    },
    { name: 'bad version name', change: (c) => (c.spec.versions[0]!.name = 'V1'), errors: ['FieldValueInvalid spec.versions[0].name'] },
    { name: 'no kind', change: (c) => (c.spec.names.kind = ''), errors: ['FieldValueRequired spec.names.singular', 'FieldValueRequired spec.names.kind', 'FieldValueRequired spec.names.listKind'] },
    { name: 'kind equals listKind', change: (c) => (c.spec.names.listKind = 'CronTab'), errors: ['FieldValueInvalid spec.names.listKind'] },
    { name: 'bad short name', change: (c) => (c.spec.names.shortNames = ['c_t']), errors: ['FieldValueInvalid spec.names.shortNames[0]'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    expect(errorKeys(strategy.validate!(crd(change)))).toEqual(errors);
  });

  it('keeps group and plural fixed, and scope once established', () => {
    const old = crd();
    old.status = { conditions: [{ type: 'Established', status: 'True' }] } as Kube<CustomResourceDefinition>['status'];
    const next = crd((c) => {
      c.spec.group = 'other.example.com';
      c.spec.scope = 'Cluster';
    });
    expect(errorKeys(strategy.validateUpdate!(next, old))).toEqual(['FieldValueInvalid spec.group', 'FieldValueInvalid spec.scope']);
  });
});
