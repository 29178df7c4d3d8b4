// One terminal's session over the bridge: pty:open with an id chosen here, pty:data written to
// the terminal and acked once drawn (the host pauses the shell while too much is unacked),
// input and resizes sent on, pty:exit reported.
import { getBridge } from '../../bridge/client';

/** Acks are batched up to this many characters, and sent at once when the terminal has drawn all it got. */
const ACK_BATCH = 32 * 1024;

export interface PtyHandlers {
  /** Draws data; calls done once it is drawn. */
  write(data: string, done: () => void): void;
  exit(code: number): void;
}

export interface PtyClient {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

export function openPty(id: string, start: { cluster: string; namespace: string; cols: number; rows: number }, handlers: PtyHandlers): { client: PtyClient; opened: Promise<void> } {
  const bridge = getBridge();
  let received = 0;
  let drawn = 0;
  let toAck = 0;
  let open = true;
  const offData = bridge.on('pty:data', (msg) => {
    if (msg.id !== id || !open) return;
    received += msg.data.length;
    handlers.write(msg.data, () => {
      drawn += msg.data.length;
      toAck += msg.data.length;
      if (open && (toAck >= ACK_BATCH || drawn === received)) {
        void bridge.invoke('pty:ack', { id, chars: toAck }).catch(() => undefined);
        toAck = 0;
      }
    });
  });
  const offExit = bridge.on('pty:exit', (msg) => {
    if (msg.id !== id) return;
    stop();
    handlers.exit(msg.exitCode);
  });
  function stop(): void {
    open = false;
    offData();
    offExit();
  }
  const opened = bridge.invoke('pty:open', { id, ...start }).then(() => undefined);
  return {
    opened,
    client: {
      input: (data) => open && void bridge.invoke('pty:write', { id, data }).catch(() => undefined),
      resize: (cols, rows) => open && void bridge.invoke('pty:resize', { id, cols, rows }).catch(() => undefined),
      close: () => {
        if (!open) return;
        stop();
        void bridge.invoke('pty:close', { id }).catch(() => undefined);
      },
    },
  };
}
