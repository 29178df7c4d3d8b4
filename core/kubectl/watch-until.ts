// client-go's watchtools.UntilWithSync for one collection: list, hand every item to the
// condition as ADDED, then watch from the list's resourceVersion and hand it each event, until
// the condition is met, it throws, or the timeout (0: none) ends the wait as kubectl words it.
import { CommandError } from './command';
import type { RestClient } from './rest';

export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

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
  const res = await rest.stream({ path, query: { ...query, resourceVersion: list.metadata.resourceVersion, watch: true, allowWatchBookmarks: true } });
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          res.destroy();
        }, timeoutMs)
      : undefined;
  try {
    let buffered = '';
    for await (const chunk of res) {
      buffered += String(chunk);
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const event = JSON.parse(buffered.slice(0, nl)) as WatchEvent<T>;
        buffered = buffered.slice(nl + 1);
        if (event.type !== 'BOOKMARK' && condition(event)) return;
      }
    }
  } catch (err) {
    if (!timedOut) throw err;
  } finally {
    clearTimeout(timer);
    res.destroy();
  }
  if (timedOut) throw new CommandError(WAIT_TIMEOUT);
}
