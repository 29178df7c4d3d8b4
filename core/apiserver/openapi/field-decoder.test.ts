import { describe, expect, it } from 'vitest';
import { quantityFormatError } from '../../machinery/quantity';
import { schemaResolver } from '../../registry/openapi/definitions';
import { decodeFields } from './field-decoder';
import { SchemaNode } from '../../registry/openapi/schema-node';

const builtIn = (name: string) => new SchemaNode({ $ref: `#/components/schemas/${name}` }, schemaResolver());
const deployment = builtIn('io.k8s.api.apps.v1.Deployment');
const pod = builtIn('io.k8s.api.core.v1.Pod');
const secret = builtIn('io.k8s.api.core.v1.Secret');

const cannot = (value: string, field: string, type: string) => `json: cannot unmarshal ${value} into Go struct field ${field} of type ${type}`;

describe('decodeFields: what does not decode into the Go type', () => {
  it.each<[string, SchemaNode, Record<string, unknown>, string]>([
    ['a string int32', deployment, { spec: { replicas: '3' } }, cannot('string', 'DeploymentSpec.spec.replicas', 'int32')],
    ['a fraction', deployment, { spec: { replicas: 1.5 } }, cannot('number 1.5', 'DeploymentSpec.spec.replicas', 'int32')],
    ['an int32 overflow', deployment, { spec: { replicas: 2 ** 31 } }, cannot('number 2147483648', 'DeploymentSpec.spec.replicas', 'int32')],
    ['an int64 overflow', pod, { spec: { activeDeadlineSeconds: 2 ** 64 } }, cannot('number 18446744073709552000', 'PodSpec.spec.activeDeadlineSeconds', 'int64')],
    ['a bool as a string', deployment, { spec: { paused: 'true' } }, cannot('string', 'DeploymentSpec.spec.paused', 'bool')],
    ['a number in a string map', deployment, { metadata: { annotations: { a: 5 } } }, cannot('number', 'ObjectMeta.metadata.annotations', 'string')],
    ['a list for a string map', deployment, { metadata: { labels: [1] } }, cannot('array', 'ObjectMeta.metadata.labels', 'map[string]string')],
    ['a bool for a string map', deployment, { metadata: { annotations: true } }, cannot('bool', 'ObjectMeta.metadata.annotations', 'map[string]string')],
    ['a string for a list', pod, { spec: { containers: 'c' } }, cannot('string', 'PodSpec.spec.containers', '[]v1.Container')],
    ['a string list item for a struct', pod, { spec: { containers: ['c'] } }, cannot('string', 'PodSpec.spec.containers', 'v1.Container')],
    ['a number for a struct', deployment, { spec: 5 }, cannot('number', 'Deployment.spec', 'v1.DeploymentSpec')],
    ['a field in a list item (no index in Go)', pod, { spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } }, cannot('string', 'ContainerPort.spec.containers.ports.containerPort', 'int32')],
    ['an int-or-string fraction', deployment, { spec: { strategy: { rollingUpdate: { maxSurge: 1.5 } } } }, cannot('number 1.5', 'RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge', 'int32')],
    ['an int-or-string bool', deployment, { spec: { strategy: { rollingUpdate: { maxSurge: true } } } }, cannot('bool', 'RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge', 'int32')],
    ['a number in []byte data', secret, { data: { a: 5 } }, cannot('number', 'Secret.data', '[]uint8')],
    ['a bad quantity (ParseQuantity says it, without the field)', pod, { spec: { containers: [{ name: 'c', resources: { limits: { cpu: 'lots' } } }] } }, quantityFormatError],
    ['a quantity object', pod, { spec: { overhead: { cpu: {} } } }, quantityFormatError],
    ['the first error in document order', deployment, { spec: { replicas: 'x', paused: 'y' } }, cannot('string', 'DeploymentSpec.spec.replicas', 'int32')],
  ])('%s', (_name, node, obj, error) => {
    expect(decodeFields(obj, node, true).error).toBe(error);
  });

  it('leaves custom resources to their structural schema validation', () => {
    expect(decodeFields({ spec: { replicas: 'x' } }, deployment, false).error).toBeUndefined();
  });
});

describe('decodeFields: what Go keeps of valid input', () => {
  it.each<[string, SchemaNode, Record<string, unknown>, Record<string, unknown>]>([
    ['a null field is left out', deployment, { metadata: { annotations: null, name: 'd' }, spec: { replicas: null } }, { metadata: { name: 'd' }, spec: {} }],
    ['a null map value is the zero value', deployment, { metadata: { labels: { a: null } } }, { metadata: { labels: { a: '' } } }],
    ['a null list item is the zero value', pod, { spec: { containers: [{ name: 'c', args: ['a', null] }, null] } }, { spec: { containers: [{ name: 'c', args: ['a', ''] }, {}] } }],
    ['quantities are stored in canonical form', pod, { spec: { overhead: { cpu: 1.5, memory: '1024Mi', x: null } } }, { spec: { overhead: { cpu: '1500m', memory: '1Gi', x: '0' } } }],
    ['int64 and int-or-string values are kept', pod, { spec: { activeDeadlineSeconds: 2 ** 40, containers: [{ name: 'c', readinessProbe: { httpGet: { port: 'http' } } }] } }, { spec: { activeDeadlineSeconds: 2 ** 40, containers: [{ name: 'c', readinessProbe: { httpGet: { port: 'http' } } }] } }],
    ['raw extensions hold anything', builtIn('io.k8s.api.apps.v1.ControllerRevision'), { revision: 1, data: { a: [1, 'x', null, { b: true }] } }, { revision: 1, data: { a: [1, 'x', null, { b: true }] } }],
  ])('%s', (_name, node, obj, want) => {
    expect(decodeFields(obj, node, true)).toEqual({ unknown: [], error: undefined });
    expect(obj).toEqual(want);
  });
});
