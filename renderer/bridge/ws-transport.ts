// Web mode transport: invokes and events as JSON frames on one WebSocket. The session cookie
// set by the web host authenticates the socket. If the socket drops, the host has already
// dropped this session's watches, so the page reloads once the host is back.
import type {
  BridgeApi,
  ClientFrame,
  EventChannel,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  ServerFrame,
} from '../../electron/bridge/contract';

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

export function connectWebSocketBridge(url: string): BridgeApi {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let seq = 0;
  let socket = open(false);

  function open(reconnecting: boolean): WebSocket {
    const ws = new WebSocket(url);
    ws.onopen = () => {
      if (reconnecting) return location.reload();
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (msg) => dispatch(JSON.parse(String(msg.data)) as ServerFrame);
    ws.onclose = () => {
      for (const p of pending.values()) p.reject(new Error('lost the connection to the Wheelhouse host'));
      pending.clear();
      setTimeout(() => (socket = open(true)), 2000);
    };
    return ws;
  }

  function dispatch(frame: ServerFrame): void {
    if (frame.kind === 'event') {
      for (const listener of listeners.get(frame.channel) ?? []) listener(frame.payload);
      return;
    }
    const p = pending.get(frame.seq);
    pending.delete(frame.seq);
    if (frame.ok) p?.resolve(frame.result);
    else p?.reject(new Error(frame.error));
  }

  return {
    invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      const frame: ClientFrame = { kind: 'invoke', seq: ++seq, channel, args };
      const text = JSON.stringify(frame);
      return new Promise<InvokeResult<C>>((resolve, reject) => {
        pending.set(frame.seq, { resolve: resolve as (v: unknown) => void, reject });
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
