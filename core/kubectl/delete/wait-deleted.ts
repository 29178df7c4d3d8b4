// `kubectl delete --wait`: each deleted object is awaited until it is gone (cmdwait.IsDeleted):
// gone at once when a GET answers 404 or finds another object of that name (a new UID), else
// watched from the GET's resourceVersion with metadata.name until its DELETED event.
import { CommandError } from '../command';
import { collectionPath, objectPath, type ResourceInfo } from '../discovery';
import { ServerError, type RestClient } from '../rest';
import { watchEvents } from '../watch-events';

export interface Deleted {
  info: ResourceInfo;
  namespace: string;
  name: string;
  /** The UID the DELETE answered with, when it did. */
  uid?: string;
}

interface Meta {
  metadata?: { uid?: string; resourceVersion?: string };
}

async function watchUntilDeleted(rest: RestClient, d: Deleted, resourceVersion: string | undefined, deadline: number): Promise<void> {
  const res = await rest.stream({
    path: collectionPath(d.info, d.namespace || undefined),
    query: { fieldSelector: `metadata.name=${d.name}`, resourceVersion, watch: true, allowWatchBookmarks: true },
  });
  const timer = setTimeout(() => res.destroy(), Math.max(0, deadline - Date.now()));
  try {
    for await (const event of watchEvents(res)) if (event.type === 'DELETED') return;
  } finally {
    clearTimeout(timer);
  }
  throw new CommandError(`timed out waiting for the condition on ${d.info.resource}/${d.name}`);
}

async function waitOne(rest: RestClient, d: Deleted, deadline: number): Promise<void> {
  let current: Meta;
  try {
    current = await rest.json<Meta>({ path: objectPath(d.info, d.namespace || undefined, d.name) });
  } catch (err) {
    if (err instanceof ServerError && err.httpStatus === 404) return;
    throw err;
  }
  if (d.uid && current.metadata?.uid !== d.uid) return;
  await watchUntilDeleted(rest, d, current.metadata?.resourceVersion, deadline);
}

/** Waits for every object, in order; timeoutMs 0 means a week, as kubectl's wait forever. */
export async function waitDeleted(rest: RestClient, deleted: Deleted[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + (timeoutMs || 168 * 3600 * 1000);
  for (const d of deleted) await waitOne(rest, d, deadline);
}
