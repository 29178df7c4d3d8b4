import { describe, expect, it } from 'vitest';
import { SchemaNode, type SchemaObject } from '../../registry/openapi/schema-node';
import { PatchError } from './patch-error';
import { applyStrategicMergePatch, createTwoWayStrategicMergePatch } from './strategic-merge-patch';

// A slice of the built-in schemas, written the way Kubernetes publishes them in /openapi/v3
// (fields that carry a description or default wrap their $ref in allOf).
const ref = (name: string): SchemaObject => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });
const list = (items: SchemaObject, ext: SchemaObject = {}): SchemaObject => ({ type: 'array', items, ...ext });
const mergeList = (item: string, key: string, strategy = 'merge'): SchemaObject =>
  list(ref(item), {
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': [key],
    'x-kubernetes-patch-merge-key': key,
    'x-kubernetes-patch-strategy': strategy,
  });
const str: SchemaObject = { type: 'string' };
const stringMap: SchemaObject = { type: 'object', additionalProperties: str };

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const components: Record<string, SchemaObject> = {
  [`${META}.ObjectMeta`]: {
    type: 'object',
    properties: {
      name: str,
      labels: stringMap,
      annotations: stringMap,
      finalizers: list(str, { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' }),
      ownerReferences: mergeList(`${META}.OwnerReference`, 'uid'),
    },
  },
  [`${META}.OwnerReference`]: { type: 'object', properties: { uid: str, kind: str, name: str, controller: { type: 'boolean' } } },
  [`${CORE}.Pod`]: { type: 'object', properties: { metadata: ref(`${META}.ObjectMeta`), spec: ref(`${CORE}.PodSpec`) } },
  [`${CORE}.PodTemplateSpec`]: { type: 'object', properties: { metadata: ref(`${META}.ObjectMeta`), spec: ref(`${CORE}.PodSpec`) } },
  [`${CORE}.PodSpec`]: {
    type: 'object',
    properties: {
      containers: mergeList(`${CORE}.Container`, 'name'),
      volumes: mergeList(`${CORE}.Volume`, 'name', 'merge,retainKeys'),
      tolerations: list(ref(`${CORE}.Toleration`), { 'x-kubernetes-list-type': 'atomic' }),
      nodeSelector: stringMap,
    },
  },
  [`${CORE}.Container`]: {
    type: 'object',
    properties: {
      name: str,
      image: str,
      imagePullPolicy: str,
      args: list(str, { 'x-kubernetes-list-type': 'atomic' }),
      ports: mergeList(`${CORE}.ContainerPort`, 'containerPort'),
      env: mergeList(`${CORE}.EnvVar`, 'name'),
    },
  },
  [`${CORE}.ContainerPort`]: { type: 'object', properties: { containerPort: { type: 'integer' }, name: str, protocol: str } },
  [`${CORE}.EnvVar`]: { type: 'object', properties: { name: str, value: str } },
  [`${CORE}.Volume`]: {
    type: 'object',
    properties: { name: str, emptyDir: { type: 'object', properties: {} }, configMap: ref(`${CORE}.ConfigMapVolumeSource`) },
  },
  [`${CORE}.ConfigMapVolumeSource`]: { type: 'object', properties: { name: str } },
  [`${CORE}.Toleration`]: { type: 'object', properties: { key: str, operator: str, effect: str } },
  [`${CORE}.Node`]: { type: 'object', properties: { metadata: ref(`${META}.ObjectMeta`), spec: ref(`${CORE}.NodeSpec`) } },
  [`${CORE}.NodeSpec`]: { type: 'object', properties: { unschedulable: { type: 'boolean' }, podCIDR: str } },
  [`${APPS}.Deployment`]: { type: 'object', properties: { metadata: ref(`${META}.ObjectMeta`), spec: ref(`${APPS}.DeploymentSpec`) } },
  [`${APPS}.DeploymentSpec`]: {
    type: 'object',
    properties: {
      replicas: { type: 'integer' },
      strategy: { ...ref(`${APPS}.DeploymentStrategy`), 'x-kubernetes-patch-strategy': 'retainKeys' },
      template: ref(`${CORE}.PodTemplateSpec`),
    },
  },
  [`${APPS}.DeploymentStrategy`]: {
    type: 'object',
    properties: { type: str, rollingUpdate: ref(`${APPS}.RollingUpdateDeployment`) },
  },
  [`${APPS}.RollingUpdateDeployment`]: { type: 'object', properties: { maxSurge: str, maxUnavailable: str } },
};
const schema = (name: string) => new SchemaNode(components[name], (n) => components[n]);
const podSchema = schema(`${CORE}.Pod`);
const deploymentSchema = schema(`${APPS}.Deployment`);
const nodeSchema = schema(`${CORE}.Node`);

const container = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: `${name}:1`, ...extra });
const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});
const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata,
  spec,
});
const withTemplate = (podSpec: Record<string, unknown>, templateMeta: Record<string, unknown> = {}) => ({
  replicas: 2,
  template: { metadata: templateMeta, spec: podSpec },
});

interface Row {
  name: string;
  schema: SchemaNode | undefined;
  doc: unknown;
  patch: unknown;
  expected: unknown;
}

describe('applyStrategicMergePatch: what kubectl sends', () => {
  const rows: Row[] = [
    {
      name: 'kubectl label / annotate: merges into metadata, null removes',
      schema: podSchema,
      doc: pod({ containers: [container('app')] }, { name: 'p', labels: { app: 'web', old: 'x' } }),
      patch: { metadata: { labels: { env: 'prod', old: null }, annotations: { note: 'hi' } } },
      expected: pod({ containers: [container('app')] }, { name: 'p', labels: { app: 'web', env: 'prod' }, annotations: { note: 'hi' } }),
    },
    {
      name: 'kubectl set image: patches the named container only',
      schema: deploymentSchema,
      doc: deployment(withTemplate({ containers: [container('app', { env: [{ name: 'A', value: '1' }] }), container('sidecar')] })),
      patch: { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2' }] } } } },
      expected: deployment(
        withTemplate({ containers: [{ name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }] }, container('sidecar')] }),
      ),
    },
    {
      name: 'kubectl rollout restart: adds a template annotation',
      schema: deploymentSchema,
      doc: deployment(withTemplate({ containers: [container('app')] }, { labels: { app: 'web' } })),
      patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } } } } },
      expected: deployment(
        withTemplate(
          { containers: [container('app')] },
          { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } },
        ),
      ),
    },
    {
      name: 'kubectl cordon / uncordon: sets spec.unschedulable',
      schema: nodeSchema,
      doc: { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.0.0.0/24' } },
      patch: { spec: { unschedulable: true } },
      expected: { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.0.0.0/24', unschedulable: true } },
    },
    {
      name: 'kubectl scale (as a strategic patch): sets replicas',
      schema: deploymentSchema,
      doc: deployment(withTemplate({ containers: [container('app')] })),
      patch: { spec: { replicas: 5 } },
      expected: deployment({ ...withTemplate({ containers: [container('app')] }), replicas: 5 }),
    },
    {
      name: 'a container removed with $patch: delete',
      schema: podSchema,
      doc: pod({ containers: [container('a'), container('b'), container('c')] }),
      patch: { spec: { containers: [{ name: 'b', $patch: 'delete' }] } },
      expected: pod({ containers: [container('a'), container('c')] }),
    },
    {
      // kubectl apply: last-applied had containers app (env A, B) and old; the new manifest has app
      // with env A and a new image. The live object also has a server-added container and a
      // defaulted field, which survive.
      name: 'kubectl apply (client side): three-way patch with $setElementOrder, deletions and nulls',
      schema: deploymentSchema,
      doc: deployment(
        withTemplate({
          containers: [
            container('app', { imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }),
            container('old'),
            container('injected'),
          ],
          nodeSelector: { disk: 'ssd' },
        }),
        { name: 'web', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      ),
      patch: {
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"new":true}' } },
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'app' }],
              containers: [
                { name: 'app', image: 'app:2', '$setElementOrder/env': [{ name: 'A' }], env: [{ name: 'B', $patch: 'delete' }] },
                { name: 'old', $patch: 'delete' },
              ],
              nodeSelector: null,
            },
          },
        },
      },
      expected: deployment(
        withTemplate({
          containers: [
            { name: 'app', image: 'app:2', imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }] },
            container('injected'),
          ],
        }),
        { name: 'web', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"new":true}' } },
      ),
    },
  ];

  it.each(rows)('$name', ({ doc, patch, schema, expected }) => {
    expect(applyStrategicMergePatch(doc, patch, schema)).toEqual(expected);
  });
});

describe('applyStrategicMergePatch: lists and directives', () => {
  const spec = (s: Record<string, unknown>) => pod(s);
  const rows: Row[] = [
    {
      name: 'a new merge-list element goes before the existing ones without $setElementOrder',
      schema: podSchema,
      doc: spec({ containers: [container('a'), container('b')] }),
      patch: { spec: { containers: [container('new')] } },
      expected: spec({ containers: [container('new'), container('a'), container('b')] }),
    },
    {
      name: '$setElementOrder puts a new element where kubectl apply asks',
      schema: podSchema,
      doc: spec({ containers: [container('a'), container('b')] }),
      patch: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }, { name: 'new' }], containers: [container('new')] } },
      expected: spec({ containers: [container('a'), container('b'), container('new')] }),
    },
    {
      name: '$setElementOrder reorders; a server-only element stays before those that followed it',
      schema: podSchema,
      doc: spec({ containers: [container('a'), container('server'), container('b')] }),
      patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } },
      expected: spec({ containers: [container('server'), container('b'), container('a')] }),
    },
    {
      // Go deletes and appends inside the live list's backing array, and $setElementOrder then
      // orders server-only items by that array; the real server yields this order.
      name: 'kubectl apply swapping a container: a server-only one ends between kept and new',
      schema: podSchema,
      doc: spec({ containers: [container('old'), container('app'), container('injected')] }),
      patch: {
        spec: {
          '$setElementOrder/containers': [{ name: 'app' }, { name: 'new' }],
          containers: [container('new'), { name: 'old', $patch: 'delete' }],
        },
      },
      expected: spec({ containers: [container('app'), container('injected'), container('new')] }),
    },
    {
      name: 'ports merge by their numeric containerPort',
      schema: podSchema,
      doc: spec({ containers: [container('a', { ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] })] }),
      patch: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 443, name: 'https' }] }] } },
      expected: spec({
        containers: [container('a', { ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443, name: 'https' }] })],
      }),
    },
    {
      name: 'a null inside a merged element removes that field',
      schema: podSchema,
      doc: spec({ containers: [container('a', { imagePullPolicy: 'Always' })] }),
      patch: { spec: { containers: [{ name: 'a', imagePullPolicy: null }] } },
      expected: spec({ containers: [container('a')] }),
    },
    {
      name: 'lists without a merge strategy (tolerations, args) are replaced',
      schema: podSchema,
      doc: spec({ containers: [container('a', { args: ['x', 'y'] })], tolerations: [{ key: 'k1' }, { key: 'k2' }] }),
      patch: { spec: { containers: [{ name: 'a', args: ['z'] }], tolerations: [{ key: 'k3' }] } },
      expected: spec({ containers: [container('a', { args: ['z'] })], tolerations: [{ key: 'k3' }] }),
    },
    {
      name: 'finalizers (merge strategy on strings) merge as a set, new ones first',
      schema: podSchema,
      doc: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
      patch: { metadata: { finalizers: ['b', 'c'] } },
      expected: pod({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
    },
    {
      name: 'a set merge with only new items puts them first',
      schema: podSchema,
      doc: pod({}, { name: 'p', finalizers: ['a', 'b'] }),
      patch: { metadata: { finalizers: ['c'] } },
      expected: pod({}, { name: 'p', finalizers: ['c', 'a', 'b'] }),
    },
    {
      name: '$deleteFromPrimitiveList removes strings from a set',
      schema: podSchema,
      doc: pod({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
      patch: { metadata: { '$setElementOrder/finalizers': ['a', 'c'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
      expected: pod({}, { name: 'p', finalizers: ['a', 'c'] }),
    },
    {
      name: '$deleteFromPrimitiveList for a list the object lacks changes nothing',
      schema: podSchema,
      doc: pod({}, { name: 'p' }),
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
      expected: pod({}, { name: 'p' }),
    },
    {
      name: 'ownerReferences merge by uid',
      schema: podSchema,
      doc: pod({}, { name: 'p', ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs', controller: true }] }),
      patch: { metadata: { ownerReferences: [{ uid: 'u1', controller: false }] } },
      expected: pod({}, { name: 'p', ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs', controller: false }] }),
    },
    {
      name: '$patch: replace on a list keeps exactly the patch elements',
      schema: podSchema,
      doc: spec({ containers: [container('a', { env: [{ name: 'A' }] }), container('b')] }),
      patch: { spec: { containers: [{ name: 'c', image: 'c:1' }, { $patch: 'replace' }] } },
      expected: spec({ containers: [container('c')] }),
    },
    {
      name: '$patch: replace on a map keeps exactly the patch keys',
      schema: podSchema,
      doc: spec({ nodeSelector: { disk: 'ssd', zone: 'a' } }),
      patch: { spec: { nodeSelector: { zone: 'b', $patch: 'replace' } } },
      expected: spec({ nodeSelector: { zone: 'b' } }),
    },
    {
      name: '$patch: delete on a map empties it',
      schema: podSchema,
      doc: spec({ nodeSelector: { disk: 'ssd' } }),
      patch: { spec: { nodeSelector: { $patch: 'delete' } } },
      expected: spec({ nodeSelector: {} }),
    },
    {
      name: '$patch: delete for a map the object lacks adds nothing',
      schema: podSchema,
      doc: spec({}),
      patch: { spec: { nodeSelector: { $patch: 'delete' } } },
      expected: spec({}),
    },
    {
      name: '$retainKeys (DeploymentSpec.strategy): switching to Recreate clears rollingUpdate',
      schema: deploymentSchema,
      doc: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } }),
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      expected: deployment({ strategy: { type: 'Recreate' } }),
    },
    {
      name: '$retainKeys in a volume (merge,retainKeys): switching emptyDir to configMap',
      schema: podSchema,
      doc: spec({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'other', emptyDir: {} }] }),
      patch: { spec: { volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' } }] } },
      expected: spec({ volumes: [{ name: 'data', configMap: { name: 'cm' } }, { name: 'other', emptyDir: {} }] }),
    },
    {
      name: 'a new field is taken without its nulls or directive maps',
      schema: podSchema,
      doc: spec({}),
      patch: { spec: { nodeSelector: { a: '1', b: null }, containers: [{ name: 'x', env: null }, { name: 'y', $patch: 'delete' }] } },
      expected: spec({ nodeSelector: { a: '1' }, containers: [{ name: 'x' }] }),
    },
    {
      name: 'fields the schema does not know: maps merge, lists are replaced',
      schema: podSchema,
      doc: { ...spec({}), extra: { a: 1, list: [{ name: 'a' }] } },
      patch: { extra: { b: 2, list: [{ name: 'b' }] } },
      expected: { ...spec({}), extra: { a: 1, b: 2, list: [{ name: 'b' }] } },
    },
    {
      name: 'no schema at all behaves like a JSON merge patch',
      schema: undefined,
      doc: { a: { b: 1, c: [1, 2] } },
      patch: { a: { b: null, c: [3] } },
      expected: { a: { c: [3] } },
    },
    {
      name: 'a null patch changes nothing',
      schema: podSchema,
      doc: spec({ containers: [container('a')] }),
      patch: null,
      expected: spec({ containers: [container('a')] }),
    },
  ];

  it.each(rows)('$name', ({ doc, patch, schema, expected }) => {
    expect(applyStrategicMergePatch(doc, patch, schema)).toEqual(expected);
  });

  it('leaves its inputs untouched', () => {
    const doc = spec({ containers: [container('a'), container('b')] });
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'b' }], containers: [{ name: 'a', $patch: 'delete' }] } };
    const [docCopy, patchCopy] = [structuredClone(doc), structuredClone(patch)];
    applyStrategicMergePatch(doc, patch, podSchema);
    expect(doc).toEqual(docCopy);
    expect(patch).toEqual(patchCopy);
  });
});

describe('applyStrategicMergePatch: errors', () => {
  const doc = pod({ containers: [container('a')], volumes: [{ name: 'v', emptyDir: {} }] }, { name: 'p', finalizers: [] });
  const rows: Array<{ name: string; patch: unknown; code: number; message: string | RegExp }> = [
    {
      name: 'a patch that is not an object',
      patch: [{ op: 'add' }],
      code: 400,
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
    {
      name: 'an unknown $patch on a map',
      patch: { metadata: { $patch: 'frob', name: 'q' } },
      code: 500,
      message: 'unknown patch type: frob in map: map[$patch:frob name:q]',
    },
    {
      name: '$patch: merge on a map (the real code supports only replace and delete there)',
      patch: { metadata: { $patch: 'merge' } },
      code: 500,
      message: 'unknown patch type: merge in map: map[$patch:merge]',
    },
    {
      name: '$patch: merge in a list',
      patch: { spec: { containers: [{ $patch: 'merge' }] } },
      code: 500,
      message: 'merging lists cannot yet be specified in the patch',
    },
    {
      name: 'a merge-list element without its merge key',
      patch: { spec: { containers: [{ image: 'x' }] } },
      code: 500,
      message: 'map: map[image:x] does not contain declared merge key: name',
    },
    {
      name: 'a delete directive without the merge key',
      patch: { spec: { containers: [{ $patch: 'delete' }] } },
      code: 500,
      message: 'map: map[$patch:delete] does not contain declared merge key: name',
    },
    {
      name: '$retainKeys that is not a list',
      patch: { spec: { volumes: [{ name: 'v', $retainKeys: 'name' }] } },
      code: 400,
      message: 'invalid patch format of retainKeys',
    },
    {
      name: '$retainKeys missing a key the patch sets',
      patch: { spec: { volumes: [{ name: 'v', $retainKeys: ['name'], configMap: { name: 'x' } }] } },
      code: 400,
      message: 'invalid patch format of retainKeys',
    },
    {
      name: '$setElementOrder without a field name',
      patch: { spec: { $setElementOrder: [] } },
      code: 400,
      message: 'invalid patch format of setElementOrder list',
    },
    {
      name: '$deleteFromPrimitiveList without a field name',
      patch: { metadata: { $deleteFromPrimitiveList: ['a'] } },
      code: 400,
      message: 'invalid patch format of primitive list',
    },
    {
      name: '$setElementOrder that contradicts the patch list',
      patch: {
        spec: {
          '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
          containers: [{ name: 'b', image: 'b' }, { name: 'a', image: 'a' }],
        },
      },
      code: 500,
      message: /doesn't match \$setElementOrder list/,
    },
    {
      name: 'a list of lists in a merge list',
      patch: { metadata: { finalizers: [['a']] } },
      code: 422,
      message: 'lists of lists are not supported',
    },
    {
      name: 'mixed element types in a merge list',
      patch: { spec: { containers: ['a'] } },
      code: 500,
      message: /^list element types are not identical/,
    },
  ];

  it.each(rows)('$name answers $code', ({ patch, code, message }) => {
    let err: unknown;
    try {
      applyStrategicMergePatch(doc, patch, podSchema);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    expect((err as PatchError).code).toBe(code);
    if (typeof message === 'string') expect((err as PatchError).message).toBe(message);
    else expect((err as PatchError).message).toMatch(message);
  });
});

describe('createTwoWayStrategicMergePatch (kubectl edit)', () => {
  const rows: Array<{ name: string; schema: SchemaNode; original: unknown; modified: unknown; expected: unknown }> = [
    {
      name: 'equal objects give an empty patch',
      schema: deploymentSchema,
      original: deployment(withTemplate({ containers: [container('a')] })),
      modified: deployment(withTemplate({ containers: [container('a')] })),
      expected: {},
    },
    {
      name: 'an edit of replicas, a label, an image and an env var',
      schema: deploymentSchema,
      original: deployment(
        withTemplate({ containers: [container('app', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })] }),
        { name: 'web', labels: { app: 'web' } },
      ),
      modified: deployment(
        { ...withTemplate({ containers: [{ name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }] }] }), replicas: 5 },
        { name: 'web', labels: { app: 'web', tier: 'front' } },
      ),
      expected: {
        metadata: { labels: { tier: 'front' } },
        spec: {
          replicas: 5,
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'app' }],
              containers: [
                { name: 'app', image: 'app:2', '$setElementOrder/env': [{ name: 'A' }], env: [{ name: 'B', $patch: 'delete' }] },
              ],
            },
          },
        },
      },
    },
    {
      name: 'a removed and an added container, and a reorder',
      schema: podSchema,
      original: pod({ containers: [container('a'), container('b'), container('c')] }),
      modified: pod({ containers: [container('c'), container('a'), container('d')] }),
      expected: {
        spec: {
          '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'd' }],
          containers: [container('d'), { name: 'b', $patch: 'delete' }],
        },
      },
    },
    {
      name: 'a removed finalizer becomes $deleteFromPrimitiveList',
      schema: podSchema,
      original: pod({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
      modified: pod({}, { name: 'p', finalizers: ['a', 'c', 'd'] }),
      expected: {
        metadata: {
          finalizers: ['d'],
          '$deleteFromPrimitiveList/finalizers': ['b'],
          '$setElementOrder/finalizers': ['a', 'c', 'd'],
        },
      },
    },
    {
      name: 'a removed map key becomes null; replaced lists are sent whole',
      schema: podSchema,
      original: pod({ nodeSelector: { a: '1' }, tolerations: [{ key: 'x' }] }),
      modified: pod({ tolerations: [{ key: 'y' }] }),
      expected: { spec: { nodeSelector: null, tolerations: [{ key: 'y' }] } },
    },
    {
      name: 'a retainKeys field carries $retainKeys',
      schema: deploymentSchema,
      original: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } }),
      modified: deployment({ strategy: { type: 'Recreate' } }),
      expected: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
    },
    {
      name: 'a volume switching source carries $retainKeys in the element',
      schema: podSchema,
      original: pod({ volumes: [{ name: 'data', emptyDir: {} }] }),
      modified: pod({ volumes: [{ name: 'data', configMap: { name: 'cm' } }] }),
      expected: {
        spec: {
          '$setElementOrder/volumes': [{ name: 'data' }],
          volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' }, emptyDir: null }],
        },
      },
    },
  ];

  it.each(rows)('$name', ({ schema, original, modified, expected }) => {
    const patch = createTwoWayStrategicMergePatch(original, modified, schema);
    expect(patch).toEqual(expected);
    expect(applyStrategicMergePatch(original, patch, schema)).toEqual(modified);
  });
});
