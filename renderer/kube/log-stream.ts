// One pod log stream over the bridge (logs:open, then logs:chunk frames until logs:end). Each
// frame is acked on the next animation frame, after the view has taken it in: the host sends
// no more until then, so a renderer that is busy or hidden slows the stream instead of
// queueing it (the host keeps the newest lines and counts what it dropped).
import type { LogStreamStart } from '../../electron/bridge/contract';
import { getBridge } from '../bridge/client';

export interface LogStreamHandlers {
  lines(lines: string[], dropped: number): void;
  /** The stream is over: the container ended (no error) or the server refused (why). */
  end(error?: string): void;
}

/** Opens the stream; returns the function that closes it. */
export function openLogStream(options: Omit<LogStreamStart, 'id'>, handlers: LogStreamHandlers): () => void {
  const bridge = getBridge();
  const id = crypto.randomUUID();
  let open = true;
  const offChunk = bridge.on('logs:chunk', (chunk) => {
    if (chunk.id !== id || !open) return;
    handlers.lines(chunk.lines, chunk.dropped);
    requestAnimationFrame(() => open && void bridge.invoke('logs:ack', { id }).catch(() => undefined));
  });
  const offEnd = bridge.on('logs:end', (end) => {
    if (end.id !== id || !open) return;
    close();
    handlers.end(end.error);
  });
  function close() {
    open = false;
    offChunk();
    offEnd();
  }
  bridge.invoke('logs:open', { id, ...options }).catch((err: Error) => {
    if (!open) return;
    close();
    handlers.end(err.message);
  });
  return () => {
    if (!open) return;
    close();
    void bridge.invoke('logs:close', { id }).catch(() => undefined);
  };
}
