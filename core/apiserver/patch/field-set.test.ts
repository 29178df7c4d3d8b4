import { describe, expect, it } from 'vitest';
import {
  compareObjects,
  FieldPathError,
  FieldSet,
  fieldSetOf,
  parsePathElement,
  pathString,
  serializePathElement,
  type FieldPath,
  type PathElement,
} from './field-set';
import { appliedDeployment, configMapSchema, deploymentSchema, schemaFor } from '../../../test/support/ssa-schemas';

const f = (...names: string[]): FieldPath => names.map((field) => ({ field }));
const v1 = (s: FieldSet) => s.toFieldsV1();

describe('path elements', () => {
  it.each<{ name: string; pe: PathElement; key: string; path: string }>([
    { name: 'field', pe: { field: 'image' }, key: 'f:image', path: '.image' },
    { name: 'one key', pe: { key: [['name', 'nginx']] }, key: 'k:{"name":"nginx"}', path: '[name="nginx"]' },
    {
      name: 'two keys, sorted by name',
      pe: { key: [['containerPort', 80], ['protocol', 'TCP']] },
      key: 'k:{"containerPort":80,"protocol":"TCP"}',
      path: '[containerPort=80,protocol="TCP"]',
    },
    { name: 'set value', pe: { value: 'example.com/guard' }, key: 'v:"example.com/guard"', path: '[="example.com/guard"]' },
    { name: 'index', pe: { index: 2 }, key: 'i:2', path: '[2]' },
    { name: 'HTML characters escaped as Go does', pe: { value: 'a<b>&' }, key: 'v:"a\\u003cb\\u003e\\u0026"', path: '[="a<b>&"]' },
  ])('$name', ({ pe, key, path }) => {
    expect(serializePathElement(pe)).toBe(key);
    expect(pathString([pe])).toBe(path);
    expect(serializePathElement(parsePathElement(key)!)).toBe(key);
  });

  it.each([
    { key: 'x', error: 'key must be 2 characters long:' },
    { key: 'f-name', error: 'missing colon: f-name' },
    { key: 'k:{nope', error: 'parsing key as path element' },
  ])('rejects $key', ({ key, error }) => {
    expect(() => parsePathElement(key)).toThrow(error);
  });

  it('skips unknown path element types, as SMD does', () => {
    expect(parsePathElement('z:whatever')).toBeUndefined();
    expect(v1(FieldSet.fromFieldsV1({ 'z:x': {}, 'f:a': {} }))).toEqual({ 'f:a': {} });
  });

  it('prints nested paths the way conflicts do', () => {
    expect(pathString([...f('spec', 'template', 'spec', 'containers'), { key: [['name', 'nginx']] }, { field: 'image' }])).toBe(
      '.spec.template.spec.containers[name="nginx"].image',
    );
  });
});

describe('FieldSet', () => {
  const a = FieldSet.of(f('spec', 'replicas'), f('spec', 'paused'), f('metadata', 'labels', 'app'));
  const b = FieldSet.of(f('spec', 'replicas'), f('metadata', 'labels'), f('status', 'replicas'));

  it.each<{ name: string; got: () => FieldSet; want: object }>([
    {
      name: 'union',
      got: () => a.union(b),
      want: {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': { 'f:paused': {}, 'f:replicas': {} },
        'f:status': { 'f:replicas': {} },
      },
    },
    { name: 'intersection', got: () => a.intersection(b), want: { 'f:spec': { 'f:replicas': {} } } },
    {
      name: 'difference keeps children of removed members',
      got: () => a.difference(b),
      want: { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:paused': {} } },
    },
    { name: 'recursive difference drops them', got: () => a.recursiveDifference(b), want: { 'f:spec': { 'f:paused': {} } } },
  ])('$name', ({ got, want }) => {
    expect(v1(got())).toEqual(want);
  });

  it('round-trips fieldsV1, members with children carrying "."', () => {
    const doc = {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
    };
    const set = FieldSet.fromFieldsV1(doc);
    expect(set.has(f('metadata', 'labels'))).toBe(true);
    expect(set.has(f('metadata'))).toBe(false);
    expect(set.has([...f('spec', 'containers'), { key: [['name', 'nginx']] }])).toBe(true);
    expect(v1(set)).toEqual(doc);
    expect(JSON.stringify(v1(set))).toBe(JSON.stringify(doc));
  });

  it('orders keys as SMD does: fields, then keys, then values, "." first', () => {
    const set = FieldSet.of(
      f('b'),
      f('a'),
      [{ field: 'list' }, { value: 'y' }],
      [{ field: 'list' }, { value: 'x' }],
      [{ field: 'list' }, { key: [['name', 'b']] }],
      [{ field: 'list' }, { key: [['name', 'a']] }],
      f('list'),
    );
    expect(JSON.stringify(v1(set))).toBe(
      '{"f:a":{},"f:b":{},"f:list":{".":{},"k:{\\"name\\":\\"a\\"}":{},"k:{\\"name\\":\\"b\\"}":{},"v:\\"x\\"":{},"v:\\"y\\"":{}}}',
    );
  });

  it('lists paths members first, then children, each level sorted', () => {
    const set = FieldSet.of(f('spec', 'template', 'x'), f('spec', 'replicas'), f('spec', 'b'));
    expect(set.paths().map(pathString)).toEqual(['.spec.b', '.spec.replicas', '.spec.template.x']);
  });
});

describe('fieldSetOf', () => {
  it('gives what an apply owns: leaves, list items with ".", atomic structs whole', () => {
    expect(v1(fieldSetOf(appliedDeployment(), deploymentSchema))).toEqual({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {} },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    });
  });

  it.each<{ name: string; obj: object; schema?: ReturnType<typeof schemaFor>; want: object }>([
    {
      name: 'two-key list items, defaulting a missing key',
      obj: { spec: { template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] } } } },
      schema: deploymentSchema,
      want: {
        'f:spec': {
          'f:template': {
            'f:spec': {
              'f:containers': {
                'k:{"name":"a"}': {
                  '.': {},
                  'f:name': {},
                  'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                },
              },
            },
          },
        },
      },
    },
    {
      name: 'sets by value, empty structs as leaves, empty lists not at all',
      obj: { metadata: { finalizers: ['a', 'b'] }, spec: { template: { spec: { securityContext: {}, containers: [] } } } },
      schema: deploymentSchema,
      want: {
        'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} } },
        'f:spec': { 'f:template': { 'f:spec': { 'f:securityContext': {} } } },
      },
    },
    {
      name: 'lists without list-type but a merge strategy are keyed by the merge key',
      obj: { spec: { template: { spec: { volumes: [{ name: 'data', emptyDir: {} }] } } } },
      schema: deploymentSchema,
      want: { 'f:spec': { 'f:template': { 'f:spec': { 'f:volumes': { 'k:{"name":"data"}': { '.': {}, 'f:emptyDir': {}, 'f:name': {} } } } } } },
    },
    {
      name: 'no schema: maps granular with "." on keys that are not declared fields, lists atomic',
      obj: { spec: { size: 3, tags: ['x'], nested: { a: 1 } } },
      want: { 'f:spec': { '.': {}, 'f:nested': { '.': {}, 'f:a': {} }, 'f:size': {}, 'f:tags': {} } },
    },
    {
      name: 'map entries of a declared map',
      obj: { data: { a: '1', b: '2' } },
      schema: configMapSchema,
      want: { 'f:data': { 'f:a': {}, 'f:b': {} } },
    },
  ])('$name', ({ obj, schema, want }) => {
    expect(v1(fieldSetOf(obj, schema))).toEqual(want);
  });

  it.each([
    {
      name: 'missing key',
      obj: { spec: { template: { spec: { containers: [{ image: 'x' }] } } } },
      error: '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    },
    { name: 'map in a set', obj: { metadata: { finalizers: [{}] } }, error: "element 0: associative list without keys has an element that's a map type" },
  ])('rejects $name', ({ obj, error }) => {
    expect(() => fieldSetOf(obj, deploymentSchema)).toThrow(FieldPathError);
    expect(() => fieldSetOf(obj, deploymentSchema)).toThrow(error);
  });
});

describe('compareObjects', () => {
  const containers = (...cs: object[]) => ({ spec: { template: { spec: { containers: cs } } } });
  it.each<{ name: string; lhs: object; rhs: object; added?: object; modified?: object; removed?: object }>([
    { name: 'equal', lhs: { spec: { replicas: 1 } }, rhs: { spec: { replicas: 1 } } },
    { name: 'modified leaf', lhs: { spec: { replicas: 1 } }, rhs: { spec: { replicas: 2 } }, modified: { 'f:spec': { 'f:replicas': {} } } },
    {
      name: 'added map counts itself',
      lhs: { metadata: {} },
      rhs: { metadata: { labels: { app: 'x' } } },
      added: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
    },
    {
      name: 'removed list item',
      lhs: containers({ name: 'a', image: 'x' }, { name: 'b' }),
      rhs: containers({ name: 'a', image: 'x' }),
      removed: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"b"}': { '.': {}, 'f:name': {} } } } } } },
    },
    {
      name: 'atomic selector modified whole',
      lhs: { spec: { selector: { matchLabels: { a: '1' } } } },
      rhs: { spec: { selector: { matchLabels: { a: '2' } } } },
      modified: { 'f:spec': { 'f:selector': {} } },
    },
    { name: 'null to value', lhs: { spec: { selector: null } }, rhs: { spec: { selector: {} } }, modified: { 'f:spec': { 'f:selector': {} } } },
  ])('$name', ({ lhs, rhs, added = {}, modified = {}, removed = {} }) => {
    const c = compareObjects(lhs, rhs, deploymentSchema);
    expect({ added: v1(c.added), modified: v1(c.modified), removed: v1(c.removed) }).toEqual({ added, modified, removed });
  });
});

describe('FieldSet.includes', () => {
  const f = (...names: string[]) => names.map((field) => ({ field }));
  it('holds for subsets only: a member is not implied by paths below it', () => {
    const big = FieldSet.of(f('spec', 'replicas'), f('spec', 'template', 'image'), f('status'));
    expect(big.includes(FieldSet.of(f('spec', 'replicas')))).toBe(true);
    expect(big.includes(FieldSet.of(f('spec', 'template', 'image'), f('status')))).toBe(true);
    expect(big.includes(new FieldSet())).toBe(true);
    expect(big.includes(FieldSet.of(f('spec')))).toBe(false);
    expect(big.includes(FieldSet.of(f('spec', 'paused')))).toBe(false);
    expect(big.includes(FieldSet.of(f('status', 'phase')))).toBe(false);
  });
});
