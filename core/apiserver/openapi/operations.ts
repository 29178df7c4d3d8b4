// The path items of one resource in a group-version document, shaped like the real API
// server's: list/create/deletecollection on the collection, get/replace/patch/delete on the
// item, subresources below it, each operation tagged with x-kubernetes-action and
// x-kubernetes-group-version-kind, and inline query parameters (kubectl looks for
// fieldValidation by name on PATCH operations).

import type { Verb } from '../../registry/types';
import { SCHEMA_REF_PREFIX } from '../../registry/openapi/definitions';
import type { SchemaObject } from '../../registry/openapi/schema-node';

export interface OpenAPIResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** e.g. 'status', 'scale', 'eviction', 'log'. */
  subresources: string[];
  /** The openAPIV3Schema of a custom resource version; built-in kinds leave it out. */
  schema?: SchemaObject;
  /** Verbs on the main resource (create-only kinds such as bindings and reviews); default: all. */
  verbs?: Verb[];
  /** Schemas of a kind that is neither generated nor custom, tagged with its group-version-kind. */
  definitions?: Record<string, SchemaObject>;
}

interface GVK {
  group: string;
  version: string;
  kind: string;
}

interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: SchemaObject & { uniqueItems?: boolean };
}

type Operation = Record<string, unknown>;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const RESPONSE_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

function query(name: string, description: string, type: 'string' | 'boolean' | 'integer' = 'string'): Parameter {
  return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}

function pathParam(name: string, description: string): Parameter {
  return { name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } };
}

const P = {
  pretty: query('pretty', "If 'true', then the output is pretty printed."),
  dryRun: query('dryRun', 'When present, indicates that modifications should not be persisted. Valid value: All.'),
  fieldManager: query('fieldManager', 'A name associated with the actor or entity that is making these changes.'),
  fieldValidation: query(
    'fieldValidation',
    'How the server treats fields the schema does not declare: Ignore drops them, Warn drops them and adds a warning header per field, Strict fails the request with BadRequest.',
  ),
  force: query('force', 'Force is going to "force" Apply requests: re-acquire fields owned by other managers.', 'boolean'),
  name: pathParam('name', 'name of the object'),
  namespace: pathParam('namespace', 'object name and auth scope, such as for teams and projects'),
  list: [
    query('allowWatchBookmarks', 'Requests watch events with type BOOKMARK.', 'boolean'),
    query('continue', 'The continue token of the previous page of a paged list.'),
    query('fieldSelector', 'A selector restricting the returned objects by their fields.'),
    query('labelSelector', 'A selector restricting the returned objects by their labels.'),
    query('limit', 'The maximum number of objects to return in one page.', 'integer'),
    query('resourceVersion', 'Sets a constraint on the resource versions that may be served.'),
    query('resourceVersionMatch', 'How resourceVersion applies to list calls.'),
    query('sendInitialEvents', 'Starts a watch with synthetic events for the current state.', 'boolean'),
    query('timeoutSeconds', 'Timeout for the list/watch call.', 'integer'),
    query('watch', 'Watch for changes and return them as a stream of add, update and remove notifications.', 'boolean'),
  ],
  delete: [
    query('gracePeriodSeconds', 'The duration in seconds before the object should be deleted.', 'integer'),
    query('orphanDependents', 'Deprecated: use propagationPolicy.', 'boolean'),
    query('propagationPolicy', 'Whether and how garbage collection is performed: Orphan, Background or Foreground.'),
  ],
};

function content(types: string[], schemaName: string): Record<string, { schema: SchemaObject }> {
  return Object.fromEntries(types.map((t) => [t, { schema: { $ref: SCHEMA_REF_PREFIX + schemaName } }]));
}

function responses(schemaName: string, codes: string[]): Record<string, unknown> {
  const text: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
  const out: Record<string, unknown> = {};
  for (const code of codes) out[code] = { description: text[code], content: content(RESPONSE_TYPES, schemaName) };
  out['401'] = { description: 'Unauthorized' };
  return out;
}

/** Operation ids as Kubernetes builds them: listAppsV1NamespacedDeployment. */
function operationId(verb: string, r: GVK, namespaced: boolean, suffix = ''): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const group = r.group
    .replace(/\.k8s\.io$/, '')
    .split('.')
    .map(cap)
    .join('');
  return `${verb}${group ? cap(group) : 'Core'}${cap(r.version)}${namespaced ? 'Namespaced' : ''}${r.kind}${suffix}`;
}

function tag(r: GVK): string {
  const group = r.group.replace(/\.k8s\.io$/, '').replace(/\./g, '_');
  return `${group || 'core'}_${r.version}`;
}

interface OpSpec {
  action: string;
  id: string;
  description: string;
  gvk: GVK;
  tag: string;
  parameters?: Parameter[];
  body?: Record<string, unknown>;
  responses: Record<string, unknown>;
}

function operation(o: OpSpec): Operation {
  return {
    tags: [o.tag],
    description: o.description,
    operationId: o.id,
    ...(o.parameters?.length ? { parameters: o.parameters } : {}),
    ...(o.body ? { requestBody: o.body } : {}),
    responses: o.responses,
    'x-kubernetes-action': o.action,
    'x-kubernetes-group-version-kind': o.gvk,
  };
}

const jsonBody = (schemaName: string) => ({ content: { '*/*': { schema: { $ref: SCHEMA_REF_PREFIX + schemaName } } }, required: true });
/** Custom resources take no strategic merge patch (no Go struct tags), and their spec says so. */
const patchBody = (custom: boolean) => ({
  content: content(custom ? PATCH_TYPES.filter((t) => t !== 'application/strategic-merge-patch+json') : PATCH_TYPES, `${META}Patch`),
  required: true,
});

/** get, replace and patch of an object (or of its status-like subresource). */
function readWriteOps(r: OpenAPIResource, gvk: GVK, schemaName: string, suffix: string, what: string): Record<string, Operation> {
  const base = { gvk, tag: tag(r) };
  return {
    get: operation({ ...base, action: 'get', id: operationId('read', r, r.namespaced, suffix), description: `read ${what} of the specified ${r.kind}`, responses: responses(schemaName, ['200']) }),
    put: operation({
      ...base,
      action: 'put',
      id: operationId('replace', r, r.namespaced, suffix),
      description: `replace ${what} of the specified ${r.kind}`,
      parameters: [P.dryRun, P.fieldManager, P.fieldValidation],
      body: jsonBody(schemaName),
      responses: responses(schemaName, ['200', '201']),
    }),
    patch: operation({
      ...base,
      action: 'patch',
      id: operationId('patch', r, r.namespaced, suffix),
      description: `partially update ${what} of the specified ${r.kind}`,
      parameters: [P.dryRun, P.fieldManager, P.fieldValidation, P.force],
      body: patchBody(Boolean(r.schema)),
      responses: responses(schemaName, ['200', '201']),
    }),
  };
}

/** Subresources served under another kind: the request and answer are that kind. */
const SUBRESOURCE_KINDS: Record<string, GVK & { schema: string; verbs: 'readwrite' | 'create' }> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', schema: 'io.k8s.api.autoscaling.v1.Scale', verbs: 'readwrite' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', schema: 'io.k8s.api.policy.v1.Eviction', verbs: 'create' },
  binding: { group: '', version: 'v1', kind: 'Binding', schema: 'io.k8s.api.core.v1.Binding', verbs: 'create' },
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', schema: 'io.k8s.api.authentication.v1.TokenRequest', verbs: 'create' },
};

/** Streaming subresources: plain text or an upgraded connection, no schema. */
const CONNECT_SUBRESOURCES: Record<string, string[]> = {
  log: ['get'],
  exec: ['get', 'post'],
  attach: ['get', 'post'],
  portforward: ['get', 'post'],
  proxy: ['get', 'post', 'put', 'patch', 'delete'],
};

const CONNECT_OPTION_SUFFIX: Record<string, string> = {
  exec: 'ExecOptions',
  attach: 'AttachOptions',
  portforward: 'PortForwardOptions',
  proxy: 'ProxyOptions',
};

function subresourceOps(r: OpenAPIResource, sub: string, kindGVK: GVK, schemaName: string): Record<string, Operation> {
  const suffix = sub.charAt(0).toUpperCase() + sub.slice(1);
  const other = SUBRESOURCE_KINDS[sub];
  if (other) {
    const gvk = { group: other.group, version: other.version, kind: other.kind };
    if (other.verbs === 'readwrite') return readWriteOps(r, gvk, other.schema, suffix, sub);
    return {
      post: operation({
        gvk,
        tag: tag(r),
        action: 'post',
        id: operationId('create', r, r.namespaced, suffix),
        description: `create ${sub} of a ${r.kind}`,
        parameters: [P.dryRun, P.fieldManager, P.fieldValidation],
        body: jsonBody(other.schema),
        responses: responses(other.schema, ['200', '201', '202']),
      }),
    };
  }
  const connect = CONNECT_SUBRESOURCES[sub];
  if (connect) {
    // Connect operations name their options kind (PodExecOptions, ServiceProxyOptions), not the
    // parent's: kubectl's field-validation check looks for PATCHes of the parent kind and must
    // only find the real one (which carries fieldValidation).
    const optionsKind = sub === 'log' ? r.kind : `${r.kind}${CONNECT_OPTION_SUFFIX[sub]}`;
    const connectGVK: GVK = { group: kindGVK.group, version: kindGVK.version, kind: optionsKind };
    const ops: Record<string, Operation> = {};
    for (const method of connect) {
      ops[method] = {
        tags: [tag(r)],
        description: `connect ${method.toUpperCase()} requests to ${sub} of ${r.kind}`,
        operationId: operationId(`connect${method.charAt(0).toUpperCase()}${method.slice(1)}`, r, r.namespaced, suffix),
        responses: { '200': { description: 'OK', content: { '*/*': { schema: { type: 'string' } } } }, '401': { description: 'Unauthorized' } },
        'x-kubernetes-action': 'connect',
        'x-kubernetes-group-version-kind': connectGVK,
      };
    }
    return ops;
  }
  // status, ephemeralcontainers, resize, approval, finalize: the object itself.
  return readWriteOps(r, kindGVK, schemaName, suffix, sub);
}

/** The verb each method of the collection (get: list, delete: deletecollection) or item path needs. */
const COLLECTION_VERBS: Record<string, Verb> = { get: 'list', post: 'create', delete: 'deletecollection' };
const ITEM_VERBS: Record<string, Verb> = { get: 'get', put: 'update', patch: 'patch', delete: 'delete' };

/** All path items of one resource, keyed by path. */
export function operationsFor(r: OpenAPIResource, schemaName: string): Record<string, object> {
  const can = (verb: Verb) => !r.verbs || r.verbs.includes(verb);
  const prefix = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const scope = r.namespaced ? `${prefix}/namespaces/{namespace}` : prefix;
  const collection = `${scope}/${r.plural}`;
  const item = `${collection}/{name}`;
  const gvk: GVK = { group: r.group, version: r.version, kind: r.kind };
  const listSchema = `${schemaName}List`;
  const scopeParams = r.namespaced ? [P.namespace, P.pretty] : [P.pretty];
  const base = { gvk, tag: tag(r) };
  const list = (namespaced: boolean, suffix = '') =>
    operation({
      ...base,
      action: 'list',
      id: operationId('list', r, namespaced, suffix),
      description: `list or watch objects of kind ${r.kind}`,
      parameters: P.list,
      responses: responses(listSchema, ['200']),
    });
  const collectionOps: Record<string, Operation> = {
    get: list(r.namespaced),
    post: operation({
      ...base,
      action: 'post',
      id: operationId('create', r, r.namespaced),
      description: `create a ${r.kind}`,
      parameters: [P.dryRun, P.fieldManager, P.fieldValidation],
      body: jsonBody(schemaName),
      responses: responses(schemaName, ['200', '201', '202']),
    }),
    delete: operation({
      ...base,
      action: 'deletecollection',
      id: operationId('deleteCollection', r, r.namespaced),
      description: `delete collection of ${r.kind}`,
      parameters: [P.dryRun, ...P.delete, ...P.list.filter((p) => p.name !== 'watch' && p.name !== 'allowWatchBookmarks')],
      body: { content: content(['*/*'], `${META}DeleteOptions`) },
      responses: responses(`${META}Status`, ['200']),
    }),
  };
  const itemOps: Record<string, Operation> = {
    ...readWriteOps(r, gvk, schemaName, '', 'the specified object'),
    delete: operation({
      ...base,
      action: 'delete',
      id: operationId('delete', r, r.namespaced),
      description: `delete a ${r.kind}`,
      parameters: [P.dryRun, ...P.delete],
      body: { content: content(['*/*'], `${META}DeleteOptions`) },
      responses: responses(`${META}Status`, ['200', '202']),
    }),
  };
  const paths: Record<string, object> = {};
  // Only the operations the resource serves: a create-only kind has no item path and no list.
  const served = (ops: Record<string, Operation>, verbs: Record<string, Verb>) =>
    Object.fromEntries(Object.entries(ops).filter(([method]) => can(verbs[method]!)));
  const collectionServed = served(collectionOps, COLLECTION_VERBS);
  if (Object.keys(collectionServed).length) paths[collection] = { ...collectionServed, parameters: scopeParams };
  const itemServed = served(itemOps, ITEM_VERBS);
  if (Object.keys(itemServed).length) paths[item] = { ...itemServed, parameters: [P.name, ...scopeParams] };
  if (r.namespaced && can('list')) paths[`${prefix}/${r.plural}`] = { get: list(false, 'ForAllNamespaces'), parameters: [P.pretty] };
  for (const sub of r.subresources) {
    paths[`${item}/${sub}`] = { ...subresourceOps(r, sub, gvk, schemaName), parameters: [P.name, ...scopeParams] };
  }
  return paths;
}

/** GET /api/<version>/ or /apis/<group>/<version>/ (gvPath without slashes around it): the resource list. */
export function discoveryOperation(gvPath: string): object {
  const parts = gvPath.split('/');
  const [group, version] = parts[0] === 'api' ? ['', parts[1]] : [parts[1], parts[2]];
  return {
    get: {
      tags: [tag({ group, version, kind: '' })],
      description: 'get available resources',
      operationId: operationId('get', { group, version, kind: 'APIResources' }, false),
      responses: responses(`${META}APIResourceList`, ['200']),
    },
  };
}
