// HTTP for pods/binding, the bindings collection and pods/eviction: decode the body, call the
// registry's pods/binding or pods/eviction, answer 201 with a Success Status.
import type { ApiServer } from '../api-server';
import { readObjectBody } from '../http/body';
import { sendJson } from '../http/respond';
import { successStatus } from '../../machinery/status';
import type { WriteRequest } from './write';
import type { ResourceStore, WriteOptions } from '../../registry/generic/resource-store';
import { bindNamedPod, bindPod, type BindingBody } from '../../registry/pods/binding';
import { evictPod, type EvictionBody } from '../../registry/pods/eviction';

/** POST pods/<name>/binding */
export async function handleBinding(w: WriteRequest): Promise<void> {
  await bindPod(w.store, w.namespace, w.name!, (await readObjectBody(w.req)) as BindingBody, w.options);
  sendJson(w.res, 201, successStatus());
}

/** POST namespaces/<ns>/bindings: the older form, the pod named by the Binding's metadata. */
export async function handleBindingsCollection(pods: ResourceStore, req: WriteRequest['req'], res: WriteRequest['res'], namespace: string, options: WriteOptions): Promise<void> {
  await bindNamedPod(pods, namespace, (await readObjectBody(req)) as BindingBody, options);
  sendJson(res, 201, successStatus());
}

/** POST pods/<name>/eviction */
export async function handleEviction(w: WriteRequest, api: ApiServer): Promise<void> {
  const body = (await readObjectBody(w.req)) as EvictionBody;
  await evictPod(w.store, api.registry.storeFor('policy', 'poddisruptionbudgets'), w.namespace, w.name!, body, w.options);
  sendJson(w.res, 201, successStatus());
}
