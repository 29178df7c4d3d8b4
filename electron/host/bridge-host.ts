// The host end of the bridge, independent of transport: Electron IPC and the web host's
// WebSocket both attach a session here and pass invokes through.
import { platform } from 'node:process';
import {
  isInvokeChannel,
  type AppInfo,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
} from '../bridge/contract';
import type { ClusterLifecycle } from './cluster-lifecycle';
import { externalHttpUrl } from './external-url';
import { proxyKubeRequest } from './kube-proxy';
import { WatchRelay } from './watch-relay';
import { LogRelay } from './log-relay';

export interface BridgeSession {
  send<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

export interface AttachedSession {
  /** Runs one invoke from this session; rejects on unknown channels and bad arguments. */
  invoke(channel: unknown, args: unknown): Promise<unknown>;
  /** Ends the session's watches and subscriptions. */
  close(): void;
}

type Handlers = { [C in InvokeChannel]: (args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C> };

export class BridgeHost {
  constructor(
    private readonly lifecycle: ClusterLifecycle,
    private readonly app: Omit<AppInfo, 'platform'>,
    /** The system browser (Electron's shell.openExternal); absent where there is none. */
    private readonly openExternal?: (url: string) => Promise<void>,
  ) {}

  attach(session: BridgeSession): AttachedSession {
    const lifecycle = this.lifecycle;
    const watches = new WatchRelay(() => lifecycle.target(), (channel, payload) => session.send(channel, payload));
    const logs = new LogRelay(() => lifecycle.target(), (channel, payload) => session.send(channel, payload));
    const unsubscribe = lifecycle.onStatus((status) => {
      if (status.state !== 'ready') {
        watches.closeAll(`cluster ${status.label} is ${status.state}`);
        logs.closeAll(`cluster ${status.label} is ${status.state}`);
      }
      session.send('cluster:status', status);
    });
    const handlers: Handlers = {
      'app:info': () => ({ ...this.app, platform }),
      'cluster:list': () => lifecycle.list(),
      'cluster:status': () => lifecycle.status(),
      'cluster:select': (args) => lifecycle.select(requireString(args, 'id')),
      'kube:request': (args) => proxyKubeRequest(lifecycle.target(), requireObject(args)),
      'kube:watch': (args) => {
        watches.start(requireObject(args));
        return null;
      },
      'kube:unwatch': (args) => {
        watches.stop(requireString(args, 'id'));
        return null;
      },
      'logs:open': (args) => {
        logs.open(requireObject(args));
        return null;
      },
      'logs:ack': (args) => {
        logs.ack(requireString(args, 'id'));
        return null;
      },
      'logs:close': (args) => {
        logs.close(requireString(args, 'id'));
        return null;
      },
      'shell:openExternal': async (args) => {
        const url = externalHttpUrl(requireString(args, 'url'));
        if (!this.openExternal) throw new Error('this host has no system browser to open URLs in');
        await this.openExternal(url);
        return null;
      },
    };
    return {
      async invoke(channel, args) {
        if (!isInvokeChannel(channel)) throw new Error(`unknown bridge channel: ${String(channel)}`);
        const handler = handlers[channel] as (a: unknown) => unknown;
        return handler(args);
      },
      close() {
        unsubscribe();
        watches.dispose();
        logs.dispose();
      },
    };
  }
}

function requireObject<T>(args: T): T {
  if (args === null || typeof args !== 'object') throw new Error('bridge arguments must be an object');
  return args;
}

function requireString(args: unknown, field: string): string {
  const value = (requireObject(args) as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new Error(`bridge argument ${field} must be a string`);
  return value;
}
