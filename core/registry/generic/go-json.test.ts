import { describe, expect, it } from 'vitest';
import { normalizeObject } from './go-json';

describe('the Go round trip', () => {
  it.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    ['drops empty omitempty maps (labels after the last label is removed)', 'io.k8s.api.core.v1.ConfigMap',
      { metadata: { name: 'c', labels: {}, annotations: {} }, data: {} }, { metadata: { name: 'c' } }],
    ['drops nulls of pointers and lists', 'io.k8s.api.apps.v1.Deployment',
      { metadata: { name: 'd', finalizers: null }, spec: { replicas: null, template: { spec: { containers: [{ name: 'a', image: 'x', args: null }] } } } },
      { metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } }],
    ['keeps a pointer set to zero (replicas: 0) and non-omitempty zeros', 'io.k8s.api.apps.v1.Deployment',
      { metadata: { name: 'd' }, spec: { replicas: 0, template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 0 }] }] } } } },
      { metadata: { name: 'd' }, spec: { replicas: 0, template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 0 }] }] } } } }],
    ['drops empty omitempty strings and false booleans', 'io.k8s.api.core.v1.Pod',
      { metadata: { name: 'p', namespace: '' }, spec: { hostNetwork: false, nodeName: '', containers: [] } },
      { metadata: { name: 'p' }, spec: { containers: [] } }],
    ['keeps null for a struct that is not a pointer (Time encodes its zero value as null)', 'io.k8s.api.core.v1.Pod',
      { metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } },
      { metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } }],
    ['leaves fields it does not know alone', 'io.k8s.api.core.v1.ConfigMap',
      { metadata: { name: 'c' }, whatever: {} }, { metadata: { name: 'c' }, whatever: {} }],
  ])('%s', (_name, schema, input, expected) => {
    normalizeObject(input, schema);
    expect(input).toEqual(expected);
  });
});
