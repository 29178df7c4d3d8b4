// OpenAPI component schemas of the metrics kinds, published in the /openapi/v3 documents of
// their group-versions (and so in /openapi/v2) for `kubectl explain`. metrics.k8s.io keeps the
// names and fields of k8s.io/metrics' v1beta1 types; the history kinds are named like a CRD's
// (group reversed, version, kind).
import type { SchemaObject } from '../registry/openapi/schema-node';
import { SCHEMA_REF_PREFIX } from '../registry/openapi/definitions';
import { HISTORY_GROUP, HISTORY_VERSION, METRICS_GROUP, METRICS_VERSION } from './metrics-objects';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const METRICS = 'io.k8s.metrics.pkg.apis.metrics.v1beta1.';
const HISTORY = 'dev.wheelhouse.metrics.v1alpha1.';

const ref = (name: string): SchemaObject => ({ $ref: SCHEMA_REF_PREFIX + name });
const str = (description: string): SchemaObject => ({ type: 'string', description });
const typeMeta = {
  apiVersion: str('The versioned schema of this representation of an object.'),
  kind: str('The REST resource this object represents.'),
};
const objectMeta: SchemaObject = { allOf: [ref(`${META}ObjectMeta`)], default: {}, description: "Standard object's metadata." };
const usage: SchemaObject = {
  type: 'object',
  additionalProperties: { allOf: [ref(QUANTITY)], default: {} },
  description: 'Resource usage: cpu (cores) and memory (working set, bytes), as quantities.',
};
const timestamp: SchemaObject = {
  allOf: [ref(`${META}Time`)],
  default: {},
  description: 'When the usage was measured: the end of the interval [timestamp-window, timestamp] it covers.',
};
const window: SchemaObject = { allOf: [ref(`${META}Duration`)], default: 0, description: 'The length of the interval the usage covers.' };
const gvk = (group: string, version: string, kind: string) => ({ 'x-kubernetes-group-version-kind': [{ group, version, kind }] });

/** An item kind and its List kind. */
function kindAndList(prefix: string, group: string, version: string, kind: string, description: string, properties: Record<string, SchemaObject>, required: string[]) {
  return {
    [prefix + kind]: { description, type: 'object', required, properties: { ...typeMeta, metadata: objectMeta, ...properties }, ...gvk(group, version, kind) },
    [`${prefix}${kind}List`]: {
      description: `A list of ${kind} objects.`,
      type: 'object',
      required: ['items'],
      properties: {
        ...typeMeta,
        items: { type: 'array', items: { allOf: [ref(prefix + kind)], default: {} }, description: `The ${kind} objects.` },
        metadata: { allOf: [ref(`${META}ListMeta`)], default: {}, description: 'Standard list metadata.' },
      },
      ...gvk(group, version, `${kind}List`),
    },
  };
}

const points: SchemaObject = { type: 'array', items: { allOf: [ref(`${HISTORY}UsagePoint`)], default: {} }, description: 'Usage at each scrape, oldest first.' };
const historyWindow = str('The interval between points (the scrape interval), as a Go duration such as "15s".');

export const metricsDefinitions: Record<string, SchemaObject> = {
  // Duration is not among the generated built-ins (no built-in kind refers to it).
  [`${META}Duration`]: { type: 'string', description: 'A length of time, as a Go duration such as "15s".' },
  [`${METRICS}ContainerMetrics`]: {
    description: 'Resource usage of one container.',
    type: 'object',
    required: ['name', 'usage'],
    properties: { name: { ...str('The container name, as in pod.spec.containers.'), default: '' }, usage },
  },
  ...kindAndList(METRICS, METRICS_GROUP, METRICS_VERSION, 'NodeMetrics', 'Resource usage of a node.', { timestamp, window, usage }, ['timestamp', 'window', 'usage']),
  ...kindAndList(
    METRICS,
    METRICS_GROUP,
    METRICS_VERSION,
    'PodMetrics',
    'Resource usage of a pod, per container.',
    {
      timestamp,
      window,
      containers: {
        type: 'array',
        items: { allOf: [ref(`${METRICS}ContainerMetrics`)], default: {} },
        description: "Usage of each of the pod's running containers, measured over the same window.",
        'x-kubernetes-list-type': 'atomic',
      },
    },
    ['timestamp', 'window', 'containers'],
  ),
  [`${HISTORY}UsagePoint`]: {
    description: 'Usage at one scrape.',
    type: 'object',
    required: ['timestamp', 'cpu', 'memory'],
    properties: {
      timestamp: { ...str('When it was measured (RFC 3339, milliseconds).'), format: 'date-time' },
      cpu: { type: 'integer', format: 'int64', description: 'CPU in millicores.' },
      memory: { type: 'integer', format: 'int64', description: 'Memory working set in bytes.' },
    },
  },
  [`${HISTORY}ContainerMetricsHistory`]: {
    description: "One container's usage over the history window.",
    type: 'object',
    required: ['name', 'points'],
    properties: { name: str('The container name.'), points },
  },
  ...kindAndList(HISTORY, HISTORY_GROUP, HISTORY_VERSION, 'NodeMetricsHistory', "A node's usage over the last minutes.", { window: historyWindow, points }, ['window', 'points']),
  ...kindAndList(
    HISTORY,
    HISTORY_GROUP,
    HISTORY_VERSION,
    'PodMetricsHistory',
    "A pod's usage over the last minutes, summed and per container (finished pods too, while they are in the window).",
    {
      window: historyWindow,
      points: { ...points, description: "The pod's usage (its containers' summed) at each scrape, oldest first." },
      containers: { type: 'array', items: { allOf: [ref(`${HISTORY}ContainerMetricsHistory`)], default: {} }, description: 'Each container, with its own points.' },
    },
    ['window', 'points', 'containers'],
  ),
};
