// The HTTP(S) front of the control plane: authentication, then routing of every request to
// health, version, discovery, OpenAPI or a resource handler. All state lives in the
// Registry it is handed; this file only decides who handles what.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserInfo } from '../registry/generic/resource-store';
import type { Registry } from '../registry/registry';
import type { ResourceDef } from '../registry/types';
import type { Authenticator } from './authn';
import { Catalog } from './catalog';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  legacyApiVersions,
  legacyGroup,
  legacyGroupList,
  legacyResourceList,
  wantsAggregated,
} from './discovery';
import { sendError, sendJson, sendRaw } from './http/respond';
import { parseResourcePath, type ResourceRequest } from './request-info';
import { responseShape } from './handlers/options';
import { handleGet, handleList } from './handlers/read';
import { handleWatch } from './handlers/watch';
import {
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handlePatch,
  handleUpdate,
  writeOptions,
  type WriteRequest,
} from './handlers/write';
import { handleGetScale, handleUpdateScale, scalePatchType } from './handlers/scale';
import type { Schemas } from './schemas';
import { requestAttributes, verbOf } from './authz/attributes';
import { forbiddenError, type Decision, type RequestAttributes } from './authz/rbac-authorizer';
import { ApiError, methodNotAllowed, notFound, unauthorized } from '../machinery/status';
import { OpenApiService } from './openapi-service';
import { serveOpenAPIV2 } from './openapi-v2-endpoint';
import { boolParam } from './handlers/options';
import { requestTarget } from './http/request-target';
import { impersonatedUser } from './impersonation';

/** A handler for a subresource other than status and scale (binding, eviction, token, ...). */
export type SubresourceHandler = (w: WriteRequest, server: ApiServer) => Promise<void> | void;

export type VirtualHandler = (req: IncomingMessage, res: ServerResponse, user: UserInfo, target: ResourceRequest) => Promise<void>;

export interface ApiServerOptions {
  registry: Registry;
  /** OpenAPI schemas of every kind (the registry's field manager tracks fields with the same). */
  schemas: Schemas;
  authenticator: Authenticator;
  /** host:port for APIVersions.serverAddressByClientCIDRs. */
  serverAddress: string;
  version: object;
  /** Interval between watch bookmarks (default 60 s, as kube-apiserver). */
  bookmarkIntervalMs?: number;
  /** Decides whether an authenticated user may make a request; absent: everyone may. */
  authorize?: (user: UserInfo, attrs: RequestAttributes) => Decision;
}

export class ApiServer {
  readonly catalog = new Catalog();
  readonly registry: Registry;
  readonly schemas: Schemas;
  private readonly openapi: OpenApiService;
  private readonly subresourceHandlers = new Map<string, SubresourceHandler>();
  private readonly virtual = new Map<ResourceDef, VirtualHandler>();
  private ready = false;

  constructor(private readonly opts: ApiServerOptions) {
    this.registry = opts.registry;
    this.schemas = opts.schemas;
    this.openapi = new OpenApiService(this.catalog, this.schemas);
    // Discovery and OpenAPI serve what the registry stores, custom resources coming and going.
    for (const def of this.registry.definitions()) this.catalog.add(def);
    this.registry.onDefinitionChange((def, served) => (served ? this.catalog.add(def) : this.catalog.remove(def.group, def.version, def.plural)));
  }

  /** Serves a resource that stores nothing: create-only (the review APIs) or read-only (metrics), as def.verbs say. */
  registerVirtual(def: ResourceDef, handler: VirtualHandler): void {
    this.virtual.set(def, handler);
    this.catalog.add(def);
  }

  /** e.g. handleSubresource('pods', 'binding', fn) */
  handleSubresource(plural: string, subresource: string, handler: SubresourceHandler, group = ''): void {
    this.subresourceHandlers.set(`${group}/${plural}/${subresource}`, handler);
  }

  setReady(ready: boolean): void {
    this.ready = ready;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const authenticated = await this.opts.authenticator.authenticate(req);
      if (!authenticated) throw unauthorized();
      await this.route(req, res, impersonatedUser(req, authenticated, this.opts.authorize));
    } catch (e) {
      sendError(res, e);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, user: UserInfo): Promise<void> {
    const target = requestTarget(req.url);
    const path = target.pathname.replace(/\/+$/, '') || '/';
    const query = target.query;
    const rr = parseResourcePath(path);
    if (this.opts.authorize) {
      const attrs = requestAttributes(req.method ?? 'GET', path, query, rr);
      if (!this.opts.authorize(user, attrs).allowed) throw forbiddenError(user, attrs);
    }
    switch (path) {
      case '/healthz':
      case '/livez':
        return sendRaw(res, 200, 'ok', 'text/plain; charset=utf-8');
      case '/readyz':
        if (!this.ready) return sendRaw(res, 503, 'readyz check failed', 'text/plain; charset=utf-8');
        return sendRaw(res, 200, 'ok', 'text/plain; charset=utf-8');
      case '/version':
        return sendJson(res, 200, this.opts.version);
      case '/api':
        return this.discovery(req, res, true);
      case '/apis':
        return this.discovery(req, res, false);
      case '/openapi/v2':
        return serveOpenAPIV2(req, res, this.openapi);
      case '/openapi/v3':
        return sendJson(res, 200, this.openapi.index());
    }
    if (path.startsWith('/openapi/v3/')) {
      const doc = this.openapi.document(path.slice('/openapi/v3/'.length));
      if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendRaw(res, 200, doc.json);
    }
    if (rr) return this.resource(req, res, rr, query, user);
    // Discovery documents of one group or group-version (no resource in the path).
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'api' && parts.length === 2) {
      const list = legacyResourceList(this.catalog, '', parts[1]!);
      if (!list) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, list);
    }
    if (parts[0] === 'apis' && parts.length === 2) {
      const g = legacyGroup(this.catalog, parts[1]!);
      if (!g) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, g);
    }
    if (parts[0] === 'apis' && parts.length === 3) {
      const list = legacyResourceList(this.catalog, parts[1]!, parts[2]!);
      if (!list) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, list);
    }
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }

  private discovery(req: IncomingMessage, res: ServerResponse, legacy: boolean): void {
    if (wantsAggregated(req.headers.accept)) {
      sendJson(res, 200, aggregatedDiscovery(this.catalog, legacy), AGGREGATED_CONTENT_TYPE);
    } else if (legacy) {
      sendJson(res, 200, legacyApiVersions(this.opts.serverAddress));
    } else {
      sendJson(res, 200, legacyGroupList(this.catalog));
    }
  }

  private async resource(
    req: IncomingMessage,
    res: ServerResponse,
    rr: ResourceRequest,
    query: URLSearchParams,
    user: UserInfo,
  ): Promise<void> {
    const def = this.catalog.lookup(rr.group, rr.version, rr.resource);
    const virtual = def && this.virtual.get(def);
    if (virtual) {
      const verb = req.method === 'POST' && !rr.name ? 'create' : req.method === 'GET' ? (rr.name ? 'get' : 'list') : undefined;
      if (!verb || rr.subresource || !def.verbs?.includes(verb)) throw methodNotAllowed('the server does not allow this method on the requested resource');
      if ((def.namespaced && rr.name && !rr.namespace) || (!def.namespaced && rr.namespace)) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return virtual(req, res, user, rr);
    }
    const store = def && this.registry.storeOf(def);
    if (!def || !store) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const namespace = def.namespaced ? rr.namespace : undefined;
    if (def.namespaced && rr.name && !namespace) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    if (!def.namespaced && rr.namespace) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const shape = responseShape(req, query);
    const method = req.method ?? 'GET';
    const w: WriteRequest = {
      req,
      res,
      store,
      schemas: this.schemas,
      namespace,
      name: rr.name,
      query,
      shape,
      options: writeOptions(req, query, { user }),
    };

    if (rr.subresource) return this.subresource(w, rr.subresource, method);
    if (!rr.name) {
      switch (method) {
        case 'GET':
          if (boolParam(query, 'watch')) return handleWatch(req, res, { store, namespace, query, shape, bookmarkIntervalMs: this.opts.bookmarkIntervalMs });
          return handleList(res, { store, namespace, query, shape });
        case 'POST':
          return handleCreate(w);
        case 'DELETE':
          return handleDeleteCollection(w);
      }
      throw methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
    switch (method) {
      case 'GET':
        if (boolParam(query, 'watch')) {
          // GET .../name?watch=true is the legacy form of a watch with a name field selector.
          const q = new URLSearchParams(query);
          q.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${rr.name}`].filter(Boolean).join(','));
          return handleWatch(req, res, { store, namespace, query: q, shape, bookmarkIntervalMs: this.opts.bookmarkIntervalMs });
        }
        return handleGet(res, { store, namespace, query, shape }, rr.name);
      case 'PUT':
        return handleUpdate(w);
      case 'PATCH':
        return handlePatch(w);
      case 'DELETE':
        return handleDelete(w);
    }
    throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  }

  private async subresource(w: WriteRequest, sub: string, method: string): Promise<void> {
    const def = w.store.def;
    if (!w.name) throw notFound(def, '');
    if (sub === 'status' && def.status) {
      w.options.subresource = 'status';
      if (method === 'GET') return handleGet(w.res, w, w.name);
      if (method === 'PUT') return handleUpdate(w);
      if (method === 'PATCH') return handlePatch(w);
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    }
    // A subresource that narrows what an update changes (namespaces/finalize) takes a PUT of the object.
    if (def.subresources?.some((s) => s.name === sub && s.writes && s.verbs.includes('update'))) {
      if (method !== 'PUT') throw methodNotAllowed('the server does not allow this method on the requested resource');
      w.options.subresource = sub;
      return handleUpdate(w);
    }
    if (sub === 'scale' && def.scale) {
      if (method === 'GET') return handleGetScale(w);
      if (method === 'PUT') return handleUpdateScale(w, undefined);
      if (method === 'PATCH') return handleUpdateScale(w, scalePatchType(w.req.headers['content-type']));
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    }
    const handler = this.subresourceHandlers.get(`${def.group}/${def.plural}/${sub}`);
    if (!handler) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    // A kind's own subresource answers only the verbs its definition declares (binding: create, log: get, ...).
    const verb = verbOf(method, true);
    if (!verb || !def.subresources?.find((s) => s.name === sub)?.verbs.includes(verb)) {
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    }
    return handler(w, this);
  }
}
