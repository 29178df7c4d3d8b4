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
import type { TerminalHost } from './terminal-host';

export interface BridgeSession {
  send<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

export interface AttachedSession {
  /** Runs one invoke from this session; rejects on unknown channels and bad arguments. */
  invoke(channel: unknown, args: unknown): Promise<unknown>;
  /** Ends the session's watches, subscriptions and terminals; resolves once the terminals' processes are gone. */
  close(): Promise<void>;
}

/** What a host offers beyond the cluster; each is absent where the host has none. */
export interface HostServices {
  /** The system browser (Electron's shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /** Terminals: only for the local user, through IPC or web mode's token-protected loopback socket. */
  terminals?: TerminalHost;
}

type Handlers = { [C in InvokeChannel]: (args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C> };

export class BridgeHost {
  constructor(
    private readonly lifecycle: ClusterLifecycle,
    private readonly app: Omit<AppInfo, 'platform'>,
    private readonly services: HostServices = {},
  ) {}

  attach(session: BridgeSession): AttachedSession {
    const lifecycle = this.lifecycle;
    const watches = new WatchRelay(() => lifecycle.target(), (channel, payload) => session.send(channel, payload));
    const logs = new LogRelay(() => lifecycle.target(), (channel, payload) => session.send(channel, payload));
    const terminals = this.services.terminals;
    const ptys = terminals?.attach((channel, payload) => session.send(channel, payload));
    const pty = () => {
      if (!ptys) throw new Error('this host has no terminals');
      return ptys;
    };
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
      'pty:open': (args) => pty().open(requireObject(args)),
      'pty:write': (args) => {
        pty().write(requireString(args, 'id'), args.data);
        return null;
      },
      'pty:resize': (args) => {
        pty().resize(requireString(args, 'id'), args.cols, args.rows);
        return null;
      },
      'pty:ack': (args) => {
        pty().ack(requireString(args, 'id'), args.chars);
        return null;
      },
      'pty:close': async (args) => {
        await pty().close(requireString(args, 'id'));
        return null;
      },
      'shell:openExternal': async (args) => {
        const url = externalHttpUrl(requireString(args, 'url'));
        const openExternal = this.services.openExternal;
        if (!openExternal) throw new Error('this host has no system browser to open URLs in');
        await openExternal(url);
        return null;
      },
    };
    return {
      async invoke(channel, args) {
        if (!isInvokeChannel(channel)) throw new Error(`unknown bridge channel: ${String(channel)}`);
        const handler = handlers[channel] as (a: unknown) => unknown;
        return handler(args);
      },
      async close() {
        unsubscribe();
        watches.dispose();
        logs.dispose();
        if (terminals && ptys) await terminals.release(ptys);
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
