// POST, PUT, PATCH and DELETE on resources: decoding, field validation (Strict/Warn/Ignore),
// the four patch types, server-side apply, and the responses a real API server gives.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeleteOptions, ResourceStore, WriteOptions } from '../../registry/generic/resource-store';
import { decodeBody, mediaType, readBody, readObjectBody, requireObject } from '../http/body';
import { sendJson } from '../http/respond';
import type { KubeObject } from '../../machinery/object';
import { decodeFields } from '../openapi/field-decoder';
import { unknownFieldsMessage, unknownFieldWarnings } from '../openapi/unknown-fields';
import { pruneFields } from './prune-fields';
import { resetFieldsFor } from '../field-ownership';
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { applyJsonPatch } from '../patch/json-patch';
import { applyMergePatch } from '../patch/merge-patch';
import { applyConflictCauses, applyConflictMessage, serverSideApply } from '../patch/server-side-apply';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch';
import type { Schemas } from '../schemas';
import { ApiError, badRequest, staleConflict, successStatus, unsupportedMediaType } from '../../machinery/status';
import { type DecodeFailure, undecodable, unpatchable } from './decode-errors';
import { listFilter } from './list-filter';
import { boolParam, dryRunOf, fieldManagerOf, fieldValidationOf, intParam, type ResponseShape } from './options';
import { sendObject } from './read';

export interface WriteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  store: ResourceStore;
  schemas: Schemas;
  namespace: string | undefined;
  name?: string;
  query: URLSearchParams;
  shape: ResponseShape;
  options: WriteOptions;
}

export function writeOptions(req: IncomingMessage, query: URLSearchParams, base: Pick<WriteOptions, 'user'>): WriteOptions {
  return { user: base.user, dryRun: dryRunOf(query), fieldManager: fieldManagerOf(req, query) };
}

/**
 * Decodes a written object as the API server decodes it into its Go type (built-in kinds: a
 * value of the wrong JSON type is refused, nulls and quantities normalised), then applies
 * fieldValidation: Strict refuses unknown fields with 400, Warn answers with Warning headers,
 * Ignore says nothing; unknown fields are dropped in every case (they have nowhere to go in a
 * typed object).
 */
function checkFields(w: WriteRequest, obj: KubeObject, schema: SchemaNode | undefined, failure: DecodeFailure): void {
  if (!schema || schema.preservesUnknownFields) return;
  const { unknown, error } = decodeFields(obj, schema, !w.store.def.custom);
  if (error) throw failure(error, obj);
  if (unknown.length) {
    const mode = fieldValidationOf(w.query);
    if (mode === 'Strict') throw badRequest(unknownFieldsMessage(unknown));
    if (mode === 'Warn') {
      w.res.setHeader('Warning', unknownFieldWarnings(unknown).map((t) => `299 - ${JSON.stringify(t)}`));
    }
    pruneFields(obj, unknown);
  }
}

/** The request body as an object; built-in kinds get their metadata checked by the decoder. */
async function decodeObject(w: WriteRequest): Promise<KubeObject> {
  const body = await readObjectBody(w.req);
  const typed = !w.store.def.custom && w.schemas.schemaFor(w.store.def);
  if (!typed && body.metadata !== undefined && (typeof body.metadata !== 'object' || body.metadata === null || Array.isArray(body.metadata))) {
    throw badRequest('metadata: Invalid value: must be an object');
  }
  return body as KubeObject;
}

/** Decodes and checks a create or update body. */
async function decodeWrite(w: WriteRequest): Promise<KubeObject> {
  const obj = await decodeObject(w);
  checkFields(w, obj, w.schemas.schemaFor(w.store.def), undecodable(w.store.def.kind, w.store.def.version));
  obj.metadata ??= {};
  return obj;
}

export async function handleCreate(w: WriteRequest): Promise<void> {
  fieldValidationOf(w.query);
  const obj = await decodeWrite(w);
  const created = await w.store.create(w.namespace, obj, w.options);
  sendObject(w.res, w.store, 201, created, w.shape, !w.options.dryRun);
}

export async function handleUpdate(w: WriteRequest): Promise<void> {
  fieldValidationOf(w.query);
  const obj = await decodeWrite(w);
  const updated = await w.store.update(w.namespace, w.name!, obj, w.options);
  sendObject(w.res, w.store, 200, updated, w.shape, !w.options.dryRun);
}

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

export async function handlePatch(w: WriteRequest): Promise<void> {
  fieldValidationOf(w.query);
  const type = mediaType(w.req.headers['content-type']);
  if (!PATCH_TYPES.includes(type)) throw unsupportedMediaType(type, Boolean(w.store.def.custom));
  const schema = w.schemas.schemaFor(w.store.def);
  // Strategic merge needs Go struct tags; custom resources have none, as in Kubernetes.
  if (type === 'application/strategic-merge-patch+json' && (!schema || w.store.def.custom)) {
    throw unsupportedMediaType(type, Boolean(w.store.def.custom));
  }
  const patch = decodeBody(await readBody(w.req), type === 'application/apply-patch+yaml' ? type : 'application/json');
  if (type === 'application/apply-patch+yaml') return handleApply(w, requireObject(patch) as KubeObject, schema);

  const result = await w.store.guaranteedUpdate(
    w.namespace,
    w.name!,
    (current) => {
      const currentVersion = current.metadata.resourceVersion;
      let next: unknown;
      if (type === 'application/json-patch+json') next = applyJsonPatch(current, patch);
      else if (type === 'application/merge-patch+json') next = applyMergePatch(current, requireObject(patch));
      else next = applyStrategicMergePatch(current, requireObject(patch), schema!);
      const obj = requireObject(next) as KubeObject;
      checkFields(w, obj, schema, unpatchable);
      // A resourceVersion the patch sets is a precondition, as the registry's Update checks it
      // (kubectl label --resource-version); it is not retried.
      const wanted = obj.metadata?.resourceVersion;
      if (wanted && wanted !== currentVersion) throw staleConflict(w.store.def, w.name!);
      return obj;
    },
    w.options,
  );
  sendObject(w.res, w.store, 200, result, w.shape, !w.options.dryRun);
}

async function handleApply(w: WriteRequest, applied: KubeObject, schema: SchemaNode | undefined): Promise<void> {
  const manager = w.query.get('fieldManager');
  if (!manager) throw badRequest('fieldManager: Required value: is required for apply patch');
  const force = boolParam(w.query, 'force') ?? false;
  // Decoded first, as the server does: a mistyped metadata.name is a decode error.
  checkFields(w, applied, schema, undecodable(w.store.def.kind, w.store.def.version));
  if (applied.metadata?.name && applied.metadata.name !== w.name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${w.name})`);
  }
  const options: WriteOptions = { ...w.options, fieldManager: manager, applied: true };
  const run = (live: KubeObject | undefined): KubeObject => {
    const out = serverSideApply(live, applied, {
      manager,
      force,
      schema,
      apiVersion: w.store.apiVersion,
      now: new Date(),
      subresource: w.options.subresource,
      resetFields: resetFieldsFor(w.store.def, w.options.subresource),
    });
    if ('conflicts' in out) {
      throw new ApiError(409, 'Conflict', applyConflictMessage(out.conflicts), { causes: applyConflictCauses(out.conflicts) });
    }
    return out.object;
  };
  if (!w.store.find(w.namespace, w.name!)) {
    const obj = run(undefined);
    obj.metadata.name = w.name;
    const created = await w.store.create(w.namespace, obj, options);
    sendObject(w.res, w.store, 201, created, w.shape, !w.options.dryRun);
    return;
  }
  const result = await w.store.guaranteedUpdate(w.namespace, w.name!, (current) => run(current), options);
  sendObject(w.res, w.store, 200, result, w.shape, !w.options.dryRun);
}

async function deleteOptionsOf(w: WriteRequest): Promise<DeleteOptions> {
  const raw = await readBody(w.req);
  const opts: DeleteOptions = {};
  if (raw.length && raw.toString('utf8').trim() !== '') {
    const body = requireObject(decodeBody(raw, w.req.headers['content-type'] ?? 'application/json'));
    if (body.kind !== undefined && body.kind !== 'DeleteOptions') {
      throw badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (DeleteOptions)`);
    }
    Object.assign(opts, body);
    if (Array.isArray(body.dryRun) && body.dryRun.includes('All')) w.options.dryRun = true;
  }
  const grace = intParam(w.query, 'gracePeriodSeconds');
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const policy = w.query.get('propagationPolicy');
  if (policy) opts.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  const orphan = boolParam(w.query, 'orphanDependents');
  if (orphan !== undefined) opts.orphanDependents = orphan;
  if (opts.propagationPolicy && !['Foreground', 'Background', 'Orphan'].includes(opts.propagationPolicy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0) opts.gracePeriodSeconds = 0;
  return opts;
}

export async function handleDelete(w: WriteRequest): Promise<void> {
  const opts = await deleteOptionsOf(w);
  const def = w.store.def;
  const { object, deleted } = await w.store.delete(w.namespace, w.name!, opts, w.options);
  if (deleted && !def.returnDeletedObject) {
    sendJson(w.res, 200, successStatus({ name: w.name, group: def.group || undefined, kind: def.plural, uid: object.metadata.uid }));
    return;
  }
  const code = !deleted && opts.orphanDependents === false ? 202 : 200;
  sendObject(w.res, w.store, code, object, w.shape);
}

export async function handleDeleteCollection(w: WriteRequest): Promise<void> {
  const opts = await deleteOptionsOf(w);
  const { items } = w.store.list({ namespace: w.namespace, filter: listFilter(w.store.def, w.query) });
  const out: KubeObject[] = [];
  for (const c of items) {
    try {
      out.push((await w.store.delete(c.object.metadata.namespace, c.object.metadata.name!, opts, w.options)).object);
    } catch (e) {
      // Something else deleted it meanwhile: that is what was asked.
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  }
  sendJson(w.res, 200, {
    kind: `${w.store.def.kind}List`,
    apiVersion: w.store.apiVersion,
    metadata: { resourceVersion: String(w.store.cache.currentRevision()) },
    items: out,
  });
}
