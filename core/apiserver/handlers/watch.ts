// Watch over HTTP: a chunked stream of {"type","object"} lines served from the watch cache,
// with the real server's rules for the starting resourceVersion, selector transitions
// (an object that stops matching is DELETED for this watcher), bookmarks and timeouts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceStore } from '../../registry/generic/resource-store';
import { buildTable, partialObjectMetadata as partialMetadata } from '../../registry/printing/table';
import type { KubeObject } from '../../machinery/object';
import { expired } from '../../machinery/status';
import type { CacheEvent, CachedObject } from '../../storage/watch-cache';
import { listFilter } from './list-filter';
import { boolParam, intParam, type ResponseShape } from './options';
import { resourceVersionParam, tooLargeResourceVersion } from './resource-version';

export interface WatchRequest {
  store: ResourceStore;
  namespace: string | undefined;
  query: URLSearchParams;
  shape: ResponseShape;
  /** Interval between bookmarks; the real server sends one about every minute. */
  bookmarkIntervalMs?: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export function handleWatch(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  const { store, namespace, query, shape } = w;
  const filter = listFilter(store.def, query) ?? (() => true);
  const inNamespace = (c: CachedObject) => !namespace || !store.def.namespaced || c.object.metadata.namespace === namespace;
  const matches = (c: CachedObject | undefined) => !!c && inNamespace(c) && filter(c.object);
  const requested = resourceVersionParam(query);
  const bookmarks = boolParam(query, 'allowWatchBookmarks') ?? false;
  const sendInitialEvents = boolParam(query, 'sendInitialEvents') ?? false;
  const timeoutSeconds = intParam(query, 'timeoutSeconds');

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  let sentColumns = false;
  const encode = (type: EventType, c: CachedObject | undefined, raw?: object): string => {
    let body: string;
    if (raw) body = JSON.stringify(raw);
    else if (shape.kind === 'table') {
      const table = buildTable(store.def.printer, [c!.object], { now: new Date(), includeObject: shape.table.includeObject }) as {
        columnDefinitions?: unknown;
      };
      // Later tables of a watch may leave out the column definitions, as the real server does.
      if (sentColumns) table.columnDefinitions = [];
      sentColumns = true;
      body = JSON.stringify(table);
    } else if (shape.kind === 'metadata') body = JSON.stringify(partialMetadata(c!.object));
    else body = c!.json;
    return `{"type":"${type}","object":${body}}\n`;
  };
  const write = (line: string) => res.write(line);

  const bookmark = (rv: number, initialEnd = false) => {
    const metadata: KubeObject['metadata'] = { resourceVersion: String(rv) };
    if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    write(encode('BOOKMARK', undefined, { kind: store.def.kind, apiVersion: store.apiVersion, metadata }));
  };

  let stop: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const finish = () => {
    stop?.();
    timers.forEach(clearTimeout);
    timers.forEach(clearInterval);
    if (!res.writableEnded) res.end();
  };
  req.on('close', finish);
  res.on('error', finish);

  // A watch from a resourceVersion the store has not reached yet waits for it, as the real
  // cacher does: nothing at or below it is the client's to see, bookmarks included.
  let reached = (_revision: number) => true;
  const onEvent = (e: CacheEvent) => {
    if (!reached(e.revision)) return;
    const was = matches(e.previous);
    const is = matches(e.current);
    if (e.type === 'DELETED') {
      if (was || is) write(encode('DELETED', e.current));
    } else if (is && !was) write(encode('ADDED', e.current));
    else if (is && was) write(encode('MODIFIED', e.current));
    else if (!is && was) write(encode('DELETED', e.current));
  };

  let from: number;
  const current = store.cache.currentRevision();
  if (requested === undefined || requested === 0n) {
    // "Start at most recent" / "any": the current state first, as synthetic ADDED events.
    from = current;
    for (const c of store.list({ namespace }).items) if (matches(c)) write(encode('ADDED', c));
    if (sendInitialEvents && bookmarks) bookmark(from, true);
  } else if (requested > BigInt(current)) {
    // Initial events promise a state at that revision, which does not exist yet.
    if (sendInitialEvents) {
      write(encode('ERROR', undefined, tooLargeResourceVersion(requested, current).toStatus()));
      finish();
      return;
    }
    from = current;
    reached = (revision) => BigInt(revision) > requested;
  } else {
    from = Number(requested); // at most the current revision: exact
  }
  const cancel = store.cache.watch(from, onEvent);
  if (!cancel) {
    const oldest = store.cache.oldestWatchableRevision();
    write(encode('ERROR', undefined, expired(`too old resource version: ${from} (${oldest + 1})`).toStatus()));
    finish();
    return;
  }
  stop = cancel;
  if (bookmarks) {
    timers.push(
      setInterval(() => {
        const rv = store.cache.currentRevision();
        if (reached(rv)) bookmark(rv);
      }, w.bookmarkIntervalMs ?? 60_000),
    );
  }
  if (timeoutSeconds !== undefined && timeoutSeconds > 0) timers.push(setTimeout(finish, timeoutSeconds * 1000));
}
