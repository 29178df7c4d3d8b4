// client-go's watchtools.UntilWithSync for one collection: list, hand every item to the
// condition as ADDED, then watch from the list's resourceVersion and hand it each event, until
// the condition is met, it throws, or the timeout (0: none) ends the wait as kubectl words it.
import { CommandError } from './command';
import type { RestClient } from './rest';
import { watchEvents, type WatchEvent } from './watch-events';

export const WAIT_TIMEOUT = 'timed out waiting for the condition';

export async function untilWithSync<T>(
  rest: RestClient,
  path: string,
  query: Record<string, string | undefined>,
  timeoutMs: number,
  condition: (event: WatchEvent<T>) => boolean,
): Promise<void> {
  const list = await rest.json<{ items: T[]; metadata: { resourceVersion?: string } }>({ path, query });
  for (const object of list.items) if (condition({ type: 'ADDED', object })) return;
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Number.POSITIVE_INFINITY;
  let resourceVersion = list.metadata.resourceVersion;
  // A watch the server ends (its timeout) is opened again from the last version seen.
  for (;;) {
    const res = await rest.stream({ path, query: { ...query, resourceVersion, watch: true, allowWatchBookmarks: true } });
    let timedOut = false;
    const timer = Number.isFinite(deadline)
      ? setTimeout(() => {
          timedOut = true;
          res.destroy();
        }, deadline - Date.now())
      : undefined;
    try {
      for await (const event of watchEvents<T & { metadata?: { resourceVersion?: string } }>(res)) {
        resourceVersion = event.object?.metadata?.resourceVersion ?? resourceVersion;
        if (event.type !== 'BOOKMARK' && condition(event)) return;
      }
    } catch (err) {
      if (!timedOut) throw err;
    } finally {
      clearTimeout(timer);
    }
    if (timedOut || Date.now() >= deadline) throw new CommandError(WAIT_TIMEOUT);
  }
}
