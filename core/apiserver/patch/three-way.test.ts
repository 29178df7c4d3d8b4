import { describe, expect, it } from 'vitest';
import { SchemaNode, type SchemaObject } from '../../registry/openapi/schema-node';
import { createThreeWayJsonMergePatch, createThreeWayStrategicMergePatch } from './three-way';

const schemas: Record<string, SchemaObject> = {
  Pod: { type: 'object', properties: { metadata: { type: 'object' }, spec: { $ref: '#/components/schemas/PodSpec' } } },
  PodSpec: {
    type: 'object',
    properties: {
      containers: { type: 'array', items: { $ref: '#/components/schemas/Container' }, 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
    },
  },
  Container: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' }, args: { type: 'array', items: { type: 'string' } } } },
};
const pod = new SchemaNode({ $ref: '#/components/schemas/Pod' }, (name) => schemas[name]);

describe('three-way strategic merge patch (kubectl apply)', () => {
  const original = { metadata: { labels: { a: '1', b: '2' } }, spec: { containers: [{ name: 'web', image: 'v1' }, { name: 'old', image: 'x' }] } };
  const current = {
    metadata: { labels: { a: '1', b: '2', other: 'kept' } },
    spec: { containers: [{ name: 'web', image: 'v1', args: ['x'] }, { name: 'old', image: 'x' }] },
    status: { phase: 'Running' },
  };

  it('is empty when the configuration did not change', () => {
    expect(createThreeWayStrategicMergePatch(original, original, current, pod)).toEqual({});
  });

  it('changes what modified changes, removes what the last apply set and keeps what others set', () => {
    const modified = { metadata: { labels: { a: '2' } }, spec: { containers: [{ name: 'web', image: 'v2' }] } };
    expect(createThreeWayStrategicMergePatch(original, modified, current, pod)).toEqual({
      metadata: { labels: { a: '2', b: null } },
      spec: {
        containers: [{ name: 'old', $patch: 'delete' }, { name: 'web', image: 'v2' }],
        '$setElementOrder/containers': [{ name: 'web' }],
      },
    });
  });

  it('adds what is new against the live object', () => {
    const modified = { ...original, spec: { containers: [...original.spec.containers, { name: 'side', image: 's' }] } };
    expect(createThreeWayStrategicMergePatch(original, modified, current, pod)).toEqual({
      spec: { containers: [{ name: 'side', image: 's' }], '$setElementOrder/containers': [{ name: 'web' }, { name: 'old' }, { name: 'side' }] },
    });
  });
});

describe('three-way JSON merge patch (kinds without a strategy)', () => {
  it('replaces lists, removes only what the last apply set', () => {
    const original = { spec: { a: 1, list: [1, 2] } };
    const current = { spec: { a: 1, list: [1, 2], mine: true } };
    expect(createThreeWayJsonMergePatch(original, { spec: { list: [3] } }, current)).toEqual({ spec: { a: null, list: [3] } });
    expect(createThreeWayJsonMergePatch(original, original, current)).toEqual({});
  });
});
