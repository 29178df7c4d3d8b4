// The objects a command's arguments name, fetched, as kubectl's resource builder visits them
// with ContinueOnError and Latest: `TYPE NAME...`, `TYPE/NAME...`, or `TYPE` with -l (every
// object of the type when there is no selector). A name that is not found does not stop the
// others: its error is kept for the end, as kubectl aggregates them.
import { CommandError, type Session } from './command';
import { collectionPath, groupVersion, objectPath, type ResourceInfo } from './discovery';
import { resolveTargets } from './resource-args';
import { ServerError } from './rest';

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
  const targets = resolveTargets(args, await session.discovery());
  if (selector && targets.some((t) => t.names.length)) throw new CommandError('name cannot be provided when a selector is specified');
  const visited: Visited = [];
  for (const { info, names } of targets) {
    const namespace = info.namespaced ? session.config.namespace : undefined;
    const typed = (o: KubeObject): KubeObject => ({ apiVersion: groupVersion(info), kind: info.kind, ...o });
    if (!names.length) {
      const list = await session.rest.json<{ items: KubeObject[] }>({ path: collectionPath(info, namespace), query: { labelSelector: selector || undefined } });
      for (const o of list.items) visited.push({ info, name: o.metadata!.name!, namespace, object: typed(o) });
      continue;
    }
    for (const name of names) {
      try {
        const object = await session.rest.json<KubeObject>({ path: objectPath(info, namespace, name) });
        visited.push({ info, name, namespace, object: typed(object) });
      } catch (err) {
        if (!(err instanceof ServerError)) throw err;
        visited.push({ error: err });
      }
    }
  }
  return visited;
}
