// The host bridge: every message between the renderer and the host, in one file both sides
// compile against. Pure types plus the channel allowlists: no Node, DOM or Electron imports,
// so renderer/, the preload and the host can all import it.
//
// Two kinds of channels:
// - invoke: renderer asks, host answers once (request/response);
// - event:  host pushes to the renderer (streams are multiplexed by a stream id).
// Terminal sessions (node-pty) are streams too: `pty:open` with an id the renderer chose, then
// `pty:data` events, acked with `pty:ack` as the terminal has drawn them, until `pty:exit`.

/** One Kubernetes API call, made by the host on the renderer's behalf with its credentials. */
export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path, e.g. /api/v1/namespaces; must start with /api, /apis, /openapi or /version. */
  path: string;
  query?: Record<string, string>;
  /** Accept header; defaults to application/json. */
  accept?: string;
  /** Content-Type of body, e.g. application/merge-patch+json. */
  contentType?: string;
  body?: unknown;
}

export interface KubeResponse {
  status: number;
  /** Parsed JSON body (a Kubernetes object, list, Table or Status), or text when not JSON. */
  body: unknown;
}

/** Start a watch from a resourceVersion the renderer got from its list. */
export interface WatchStart {
  /** Chosen by the renderer, so it can listen for the stream's events before asking for it. */
  id: string;
  path: string;
  query?: Record<string, string>;
  resourceVersion: string;
  accept?: string;
}

export interface WatchEvent {
  /** The id given in WatchStart. */
  id: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** The host ended a watch stream for good (not a resumable timeout). */
export interface WatchClosed {
  id: string;
  reason: string;
}

/** Open a pod log stream (pods/<pod>/log); the host sends it as logs:chunk frames. */
export interface LogStreamStart {
  /** Chosen by the renderer, as a watch id is. */
  id: string;
  namespace: string;
  pod: string;
  container: string;
  follow?: boolean;
  previous?: boolean;
  timestamps?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

/**
 * Whole lines of a log stream. The host sends the next frame only after the renderer acks
 * this one (logs:ack), at most LOG_FRAME_BYTES of lines per frame; while it waits it keeps
 * the newest lines only, and says how many older ones it dropped since the last frame.
 */
export interface LogChunk {
  id: string;
  lines: string[];
  dropped: number;
}

/** The stream ended: the container stopped (no error), or it could not be read (error says why). */
export interface LogEnd {
  id: string;
  error?: string;
}

/** Open a terminal: the user's shell with KUBECONFIG set to a cluster and namespace. */
export interface PtyStart {
  /** Chosen by the renderer, as a watch id is. */
  id: string;
  /** A ClusterEntry id: 'embedded' or 'context:<name>'. */
  cluster: string;
  /** The namespace kubectl uses in this terminal; '' keeps the context's own. */
  namespace: string;
  cols: number;
  rows: number;
}

export interface PtyOpened {
  /** The shell's program, e.g. /bin/bash. */
  shell: string;
  /** The kubeconfig context the terminal's kubectl uses. */
  context: string;
}

/**
 * Terminal output. The host pauses the shell while more than PTY_HIGH_WATER characters are
 * sent and not acked (pty:ack with how many the terminal has drawn), and resumes it once
 * fewer than PTY_LOW_WATER are: a flood costs bounded memory on both sides.
 */
export interface PtyData {
  id: string;
  data: string;
}

export interface PtyExit {
  id: string;
  exitCode: number;
  signal?: number;
}

export const PTY_HIGH_WATER = 512 * 1024;
export const PTY_LOW_WATER = 128 * 1024;

export interface ClusterEntry {
  /** 'embedded' or a context name from the user's kubeconfig. */
  id: string;
  label: string;
  embedded: boolean;
}

export type ClusterState = 'starting' | 'ready' | 'error' | 'stopped';

export interface ClusterStatus {
  id: string;
  label: string;
  state: ClusterState;
  server?: string;
  message?: string;
}

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
  platform: string;
}

/** Request/response channels: args sent by the renderer, result returned by the host. */
export interface InvokeChannels {
  'app:info': { args: null; result: AppInfo };
  'cluster:list': { args: null; result: ClusterEntry[] };
  'cluster:status': { args: null; result: ClusterStatus };
  'cluster:select': { args: { id: string }; result: ClusterStatus };
  'kube:request': { args: KubeRequest; result: KubeResponse };
  'kube:watch': { args: WatchStart; result: null };
  'kube:unwatch': { args: { id: string }; result: null };
  'logs:open': { args: LogStreamStart; result: null };
  'logs:ack': { args: { id: string }; result: null };
  'logs:close': { args: { id: string }; result: null };
  'pty:open': { args: PtyStart; result: PtyOpened };
  'pty:write': { args: { id: string; data: string }; result: null };
  'pty:resize': { args: { id: string; cols: number; rows: number }; result: null };
  'pty:ack': { args: { id: string; chars: number }; result: null };
  'pty:close': { args: { id: string }; result: null };
  /** Opens an http(s) URL in the system browser (Electron); the web host has no browser to open. */
  'shell:openExternal': { args: { url: string }; result: null };
}

/** Host-to-renderer events and their payloads. */
export interface EventChannels {
  'cluster:status': ClusterStatus;
  'kube:watch-event': WatchEvent;
  'kube:watch-closed': WatchClosed;
  'logs:chunk': LogChunk;
  'logs:end': LogEnd;
  'pty:data': PtyData;
  'pty:exit': PtyExit;
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type EventChannel = keyof EventChannels;
export type EventPayload<E extends EventChannel> = EventChannels[E];

// The runtime allowlists. `satisfies` keeps them in step with the interfaces above: a channel
// missing here or misspelled fails to compile.
const invokeChannelMap = {
  'app:info': true,
  'cluster:list': true,
  'cluster:status': true,
  'cluster:select': true,
  'kube:request': true,
  'kube:watch': true,
  'kube:unwatch': true,
  'logs:open': true,
  'logs:ack': true,
  'logs:close': true,
  'pty:open': true,
  'pty:write': true,
  'pty:resize': true,
  'pty:ack': true,
  'pty:close': true,
  'shell:openExternal': true,
} as const satisfies Record<InvokeChannel, true>;

const eventChannelMap = {
  'cluster:status': true,
  'kube:watch-event': true,
  'kube:watch-closed': true,
  'logs:chunk': true,
  'logs:end': true,
  'pty:data': true,
  'pty:exit': true,
} as const satisfies Record<EventChannel, true>;

export const INVOKE_CHANNELS = Object.keys(invokeChannelMap) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannelMap) as EventChannel[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannelMap, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannelMap, name);
}

/** What the preload exposes as window.wheelhouse, and what the web transport implements. */
export interface BridgeApi {
  invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Subscribe to a host event; returns the function that unsubscribes. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Web transport frames (WebSocket, JSON). */
export type ClientFrame = { kind: 'invoke'; seq: number; channel: string; args: unknown };
export type ServerFrame =
  | { kind: 'result'; seq: number; ok: true; result: unknown }
  | { kind: 'result'; seq: number; ok: false; error: string }
  | { kind: 'event'; channel: EventChannel; payload: unknown };
