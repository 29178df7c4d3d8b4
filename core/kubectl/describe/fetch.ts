// What describers ask the server, as kubectl's describers ask it: the object by name, lists
// followed page by page (limit = --chunk-size, continue), and the events about an object
// (fieldSelector involvedObject.name/namespace/kind/uid).
import type { Event } from 'kubernetes-types/core/v1';
import type { RestClient } from '../rest';

export interface DescribeContext {
  rest: RestClient;
  showEvents: boolean;
  chunkSize: number;
  now: Date;
}

export interface ObjectRef {
  namespace?: string;
  name: string;
  kind?: string;
  uid?: string;
}

/** The API path of a core or grouped resource: `/api/v1/namespaces/ns/pods`. */
export function apiPath(groupVersion: string, resource: string, namespace?: string, name?: string): string {
  const base = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}

export const getObject = <T>(ctx: DescribeContext, path: string) => ctx.rest.json<T>({ path });

/** Every item of a list, page by page (runtimeresource.FollowContinue). */
export async function listAll<T>(ctx: DescribeContext, path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined;
  do {
    const page = await ctx.rest.json<{ items?: T[]; metadata?: { continue?: string } }>({ path, query: { ...query, limit: ctx.chunkSize || undefined, continue: next } });
    items.push(...(page.items ?? []));
    next = page.metadata?.continue || undefined;
  } while (next);
  return items;
}

/** Events about an object (searchEvents); undefined when events are not shown, [] when they cannot be read. */
export async function searchEvents(ctx: DescribeContext, ref: ObjectRef): Promise<Event[] | undefined> {
  if (!ctx.showEvents) return undefined;
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace ?? ''}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  try {
    return await listAll<Event>(ctx, apiPath('v1', 'events', ref.namespace), { fieldSelector: terms.join(',') });
  } catch {
    return [];
  }
}
