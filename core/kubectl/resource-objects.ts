// The objects a command's arguments name, fetched, as kubectl's resource builder visits them
// with ContinueOnError and Latest (resource-builder.ts): `TYPE NAME...`, `TYPE/NAME...`, or
// `TYPE` with -l (every object of the type when there is no selector). A name that is not
// found does not stop the others: its error is kept for the end, as kubectl aggregates them.
import type { Session } from './command';
import type { ResourceInfo } from './discovery';
import { selectResources } from './resource-builder';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; uid?: string; annotations?: Record<string, string>; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

export interface ResourceObject {
  info: ResourceInfo;
  name: string;
  /** The object's namespace, or undefined for cluster-scoped kinds. */
  namespace?: string;
  object: KubeObject;
}

/** A name that could not be fetched: its error, reported after the others were handled. */
export interface FetchFailure {
  error: unknown;
}

export type Visited = (ResourceObject | FetchFailure)[];

export const isFailure = (v: ResourceObject | FetchFailure): v is FetchFailure => 'error' in v;

export async function fetchObjects(session: Session, args: string[], selector: string): Promise<Visited> {
  const selection = selectResources(session.rest, await session.discovery(), { args, namespace: session.config.namespace, selector, all: true });
  const visited: Visited = [];
  for await (const v of selection.visit()) visited.push(v.object ? { info: v.info, name: v.name, namespace: v.namespace, object: v.object as KubeObject } : { error: v.error });
  return visited;
}
