// GET of one object and of lists: JSON, Table or PartialObjectMetadata, with selectors,
// pagination (limit/continue) and resourceVersion semantics.
import type { ServerResponse } from 'node:http';
import { namespacePrefix } from '../../registry/generic/keys';
import type { ResourceStore } from '../../registry/generic/resource-store';
import { buildTable, partialObjectMetadata as partialMetadata, type IncludeObject, type TableListMeta } from '../../registry/printing/table';
import type { Printer } from '../../registry/types';
import type { KubeObject } from '../../machinery/object';
import { sendJson, sendParts, sendRaw } from '../http/respond';
import { ApiError, badRequest, expired } from '../../machinery/status';
import type { CachedObject } from '../../storage/watch-cache';
import { listFilter } from './list-filter';
import { intParam, type ResponseShape } from './options';
import { resourceVersionParam, tooLargeResourceVersion } from './resource-version';

export interface ListRequest {
  store: ResourceStore;
  namespace: string | undefined;
  query: URLSearchParams;
  shape: ResponseShape;
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString('base64url');
}

/** A token's rv is the revision of the list's first page, or -1: continue at the latest one. */
function decodeContinue(token: string, prefix: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (t.v !== 'meta.k8s.io/v1' || !Number.isSafeInteger(t.rv) || t.rv === 0 || t.rv! < -1 || typeof t.start !== 'string' || !t.start.startsWith(prefix)) {
      throw new Error('bad token');
    }
    return { rv: t.rv!, start: t.start };
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

/**
 * The 410 for a continue token older than the watch cache's history. Like the real server's
 * (whose limit is etcd's compaction), it carries a token that continues at the latest revision.
 */
function continueExpired(start: string): ApiError {
  return expired(
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    { continue: encodeContinue({ rv: -1, start }) },
  );
}

/** The cache always reflects the latest write, so a read can only be ahead of it, never wait. */
function checkReached(store: ResourceStore, rv: bigint | undefined): void {
  const current = store.cache.currentRevision();
  if (rv !== undefined && rv > BigInt(current)) throw tooLargeResourceVersion(rv, current);
}

function checkResourceVersion(store: ResourceStore, query: URLSearchParams): void {
  const match = query.get('resourceVersionMatch');
  if (match && match !== 'NotOlderThan' && match !== 'Exact') {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
  }
  const rv = resourceVersionParam(query);
  if (match && rv === undefined) {
    throw badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
  }
  checkReached(store, rv);
  const current = store.cache.currentRevision();
  if (match === 'Exact' && rv !== BigInt(current)) throw expired(`too old resource version: ${rv} (${current})`);
}

/**
 * Sends obj as the response. written says obj was just stored (not a dry run): then its JSON is
 * already in the watch cache and is sent as is.
 */
export function sendObject(res: ServerResponse, store: ResourceStore, code: number, obj: KubeObject, shape: ResponseShape, written = false): void {
  if (shape.kind === 'table') {
    sendJson(res, code, buildTable(store.def.printer, [obj], { now: new Date(), includeObject: shape.table.includeObject }));
  } else if (shape.kind === 'metadata') {
    sendJson(res, code, partialMetadata(obj));
  } else {
    // The object as just written is in the watch cache already, serialised: reuse that text.
    const cached = written ? store.find(obj.metadata.namespace, obj.metadata.name ?? '') : undefined;
    if (cached && cached.object.metadata.resourceVersion === obj.metadata.resourceVersion) sendRaw(res, code, cached.json);
    else sendJson(res, code, obj);
  }
}

export function handleGet(res: ServerResponse, { store, namespace, query, shape }: ListRequest, name: string): void {
  checkReached(store, resourceVersionParam(query));
  const found = store.get(namespace, name);
  if (shape.kind === 'object') sendRaw(res, 200, found.json);
  else sendObject(res, store, 200, found.object, shape);
}

export function handleList(res: ServerResponse, { store, namespace, query, shape }: ListRequest): void | Promise<void> {
  checkResourceVersion(store, query);
  const limit = intParam(query, 'limit');
  if (limit !== undefined && limit < 0) throw badRequest(`limit: Invalid value: ${limit}: must be greater than or equal to 0`);
  const token = query.get('continue');
  const cont = token ? decodeContinue(token, namespacePrefix(store.def, namespace)) : undefined;
  const rv = query.get('resourceVersion');
  if (cont && rv && rv !== '0') throw badRequest('specifying resource version is not allowed when using continue');
  const filter = listFilter(store.def, query);
  const opts = { namespace, filter, limit, startAfter: cont?.start };
  // A continued list reads the snapshot its first page was taken at.
  const result = cont && cont.rv > 0 ? store.listAt(cont.rv, opts) : store.list(opts);
  if (!result) throw continueExpired(cont!.start);
  const listMeta: { resourceVersion: string; continue?: string; remainingItemCount?: number } = {
    resourceVersion: String(result.revision),
  };
  if (result.continueAfter) {
    listMeta.continue = encodeContinue({ rv: result.revision, start: result.continueAfter });
    // Counted only for unfiltered lists, as the real server does.
    if (!filter) listMeta.remainingItemCount = result.remaining;
  }
  const def = store.def;
  if (shape.kind === 'metadata') {
    sendJson(res, 200, {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta,
      items: result.items.map((c) => partialMetadata(c.object)),
    });
    return;
  }
  if (shape.kind === 'table') return sendList(res, tableHead(def.printer, shape.table.includeObject, listMeta), result.items, tableRow(def.printer, shape.table.includeObject));
  const head = `{"kind":${JSON.stringify(`${def.kind}List`)},"apiVersion":${JSON.stringify(store.apiVersion)},"metadata":${JSON.stringify(listMeta)},"items":[`;
  return sendList(res, head, result.items, (c) => c.json);
}

/**
 * Sends head, then each item's JSON comma-separated, then `]}`. Large lists go out in slices
 * (see sendParts). The items are fixed when this is called, so the list stays the one taken
 * at its revision even if writes land between slices.
 */
function sendList(res: ServerResponse, head: string, items: CachedObject[], itemJson: (c: CachedObject) => string): void | Promise<void> {
  if (items.length <= STREAM_THRESHOLD) {
    sendRaw(res, 200, head + items.map(itemJson).join(',') + ']}');
    return;
  }
  return sendParts(res, 200, (function* () {
    for (let i = 0; i < items.length; i += STREAM_THRESHOLD) {
      const slice = items.slice(i, i + STREAM_THRESHOLD).map(itemJson);
      yield (i ? ',' : head) + slice.join(',') + (i + STREAM_THRESHOLD >= items.length ? ']}' : '');
    }
  })());
}

/** Lists longer than this are streamed in slices of this many objects. */
const STREAM_THRESHOLD = 500;

/** A Table's JSON up to the opening of its rows. */
function tableHead(printer: Printer, includeObject: IncludeObject, listMeta: TableListMeta): string {
  const head = JSON.stringify(buildTable(printer, [], { now: new Date(), includeObject, listMeta }));
  return `${head.slice(0, -'[]}'.length)}[`;
}

/**
 * A Table row as JSON, assembled from per-object JSON: each row's PartialObjectMetadata is
 * serialised once per object version and reused by every later list.
 */
function tableRow(printer: Printer, includeObject: IncludeObject): (c: CachedObject) => string {
  const now = new Date();
  return (c) => {
    let object: string;
    if (includeObject === 'None') object = 'null';
    else if (includeObject === 'Object') object = c.json;
    else object = c.partialJson ??= JSON.stringify(partialMetadata(c.object));
    return `{"cells":${JSON.stringify(printer.cells(c.object, now))},"object":${object}}`;
  };
}
