// Hand-written schemas in Kubernetes' OpenAPI v3 form for the server-side apply and
// managedFields tests: just enough of Deployment, ConfigMap and Service to exercise granular
// structs and maps, atomic structs, associative lists with one and two keys, and sets.
import type { KubeObject } from '../../core/machinery/object';
import { SchemaNode, type SchemaObject } from '../../core/registry/openapi/schema-node';

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const wrapped = (name: string, extra: SchemaObject = {}): SchemaObject => ({ allOf: [ref(name)], ...extra });
const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer', format: 'int32' };
const stringMap: SchemaObject = { type: 'object', additionalProperties: { type: 'string', default: '' } };
const mapList = (item: string, keys: string[]): SchemaObject => ({
  type: 'array',
  items: wrapped(item),
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
});

const definitions: Record<string, SchemaObject> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    type: 'object',
    properties: {
      name: str,
      namespace: str,
      uid: str,
      resourceVersion: str,
      generation: { type: 'integer', format: 'int64' },
      creationTimestamp: wrapped('io.k8s.apimachinery.pkg.apis.meta.v1.Time'),
      labels: stringMap,
      annotations: stringMap,
      finalizers: { type: 'array', items: str, 'x-kubernetes-list-type': 'set' },
      managedFields: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' },
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': {
    type: 'object',
    properties: { matchLabels: stringMap, matchExpressions: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' } },
    'x-kubernetes-map-type': 'atomic',
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.api.apps.v1.Deployment': {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: wrapped('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { default: {} }),
      spec: wrapped('io.k8s.api.apps.v1.DeploymentSpec', { default: {} }),
      status: wrapped('io.k8s.api.apps.v1.DeploymentStatus', { default: {} }),
    },
    'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    type: 'object',
    required: ['selector', 'template'],
    properties: {
      replicas: int,
      selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'),
      template: wrapped('io.k8s.api.core.v1.PodTemplateSpec', { default: {} }),
      strategy: wrapped('io.k8s.api.apps.v1.DeploymentStrategy', { default: {} }),
      minReadySeconds: int,
      revisionHistoryLimit: int,
      paused: { type: 'boolean' },
      progressDeadlineSeconds: int,
    },
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    type: 'object',
    properties: { type: str, rollingUpdate: ref('io.k8s.api.apps.v1.RollingUpdateDeployment') },
  },
  'io.k8s.api.apps.v1.RollingUpdateDeployment': {
    type: 'object',
    properties: {
      maxSurge: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
      maxUnavailable: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
    },
  },
  'io.k8s.api.apps.v1.DeploymentStatus': {
    type: 'object',
    properties: { replicas: int, observedGeneration: { type: 'integer', format: 'int64' } },
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    type: 'object',
    properties: {
      metadata: wrapped('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { default: {} }),
      spec: wrapped('io.k8s.api.core.v1.PodSpec', { default: {} }),
    },
  },
  'io.k8s.api.core.v1.PodSpec': {
    type: 'object',
    required: ['containers'],
    properties: {
      containers: {
        ...mapList('io.k8s.api.core.v1.Container', ['name']),
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
      volumes: {
        type: 'array',
        items: wrapped('io.k8s.api.core.v1.Volume'),
        // No list-type: the patch strategy makes it associative, keyed by the merge key.
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge,retainKeys',
      },
      restartPolicy: str,
      dnsPolicy: str,
      schedulerName: str,
      terminationGracePeriodSeconds: { type: 'integer', format: 'int64' },
      securityContext: ref('io.k8s.api.core.v1.PodSecurityContext'),
      nodeSelector: { ...stringMap, 'x-kubernetes-map-type': 'atomic' },
    },
  },
  'io.k8s.api.core.v1.PodSecurityContext': { type: 'object', properties: { runAsUser: { type: 'integer', format: 'int64' } } },
  'io.k8s.api.core.v1.Volume': { type: 'object', required: ['name'], properties: { name: str, emptyDir: { type: 'object', properties: {} } } },
  'io.k8s.api.core.v1.Container': {
    type: 'object',
    required: ['name'],
    properties: {
      name: str,
      image: str,
      imagePullPolicy: str,
      args: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
      ports: {
        ...mapList('io.k8s.api.core.v1.ContainerPort', ['containerPort', 'protocol']),
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-patch-strategy': 'merge',
      },
      env: mapList('io.k8s.api.core.v1.EnvVar', ['name']),
      resources: wrapped('io.k8s.api.core.v1.ResourceRequirements', { default: {} }),
      terminationMessagePath: str,
      terminationMessagePolicy: str,
    },
  },
  'io.k8s.api.core.v1.ContainerPort': {
    type: 'object',
    required: ['containerPort'],
    properties: { name: str, containerPort: int, protocol: { type: 'string', default: 'TCP' } },
  },
  'io.k8s.api.core.v1.EnvVar': { type: 'object', required: ['name'], properties: { name: str, value: str } },
  'io.k8s.api.core.v1.ResourceRequirements': {
    type: 'object',
    properties: { limits: { type: 'object', additionalProperties: str }, requests: { type: 'object', additionalProperties: str } },
  },
  'io.k8s.api.core.v1.ConfigMap': {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: wrapped('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { default: {} }),
      data: stringMap,
    },
    'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
  },
};

const resolve = (name: string) => definitions[name];

export const schemaFor = (name: string): SchemaNode => new SchemaNode(ref(name), resolve);
export const deploymentSchema = schemaFor('io.k8s.api.apps.v1.Deployment');
export const configMapSchema = schemaFor('io.k8s.api.core.v1.ConfigMap');

/** A Deployment as `kubectl create deployment nginx --image=nginx` sends it, after defaulting. */
export function createdDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              imagePullPolicy: 'Always',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

/** The manifest a user applies for the same Deployment. */
export function appliedDeployment(replicas = 3, image = 'nginx'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
    },
  };
}
