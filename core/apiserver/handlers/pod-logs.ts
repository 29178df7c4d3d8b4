// pods/<name>/log: a container's output from the kubelet of the pod's node, with the API
// server's checks and messages (container choice, waiting containers, previous instances,
// PodLogOptions: tailLines, limitBytes, sinceSeconds, sinceTime, timestamps) and follow,
// which streams each line as the container writes it and ends when the container exits.
import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { badRequest } from '../../machinery/status';
import { intParam, boolParam } from './options';
import type { WriteRequest } from './write';

interface LogLine {
  time: Date;
  text: string;
}

/** A container instance's log as the kubelet holds it (the runtime's RunningContainer). */
export interface ContainerLog {
  logs(): LogLine[];
  onLog(listener: (line: LogLine) => void): () => void;
  readonly exited: Promise<unknown>;
}

/** The log of a container, from the kubelet running it; undefined when it has none. */
export type LogSource = (nodeName: string, namespace: string, pod: string, container: string, previous: boolean) => ContainerLog | undefined;

function chooseContainer(pod: Kube<Pod>, requested: string | null): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const init = (pod.spec?.initContainers ?? []).map((c) => c.name);
  if (requested) {
    if (![...names, ...init].includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  if (names.length === 1) return names[0]!;
  throw badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]${init.length ? ` or one of the init containers: [${init.join(' ')}]` : ''}`,
  );
}

function statusOf(pod: Kube<Pod>, container: string): ContainerStatus | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
}

/** Go's time.RFC3339Nano, as the kubelet stamps lines with timestamps=true (trailing zeros cut). */
export function rfc3339Nano(time: Date): string {
  return time.toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}

interface LogOptions {
  tailLines?: number;
  limitBytes?: number;
  since?: Date;
  timestamps: boolean;
  follow: boolean;
  previous: boolean;
}

/** PodLogOptions from the query, checked as ValidatePodLogOptions does. */
export function logOptions(query: URLSearchParams, now: Date): LogOptions {
  const tailLines = intParam(query, 'tailLines');
  if (tailLines !== undefined && tailLines < 0) throw badRequest(`tailLines: Invalid value: ${tailLines}: must be greater than or equal to 0`);
  const limitBytes = intParam(query, 'limitBytes');
  if (limitBytes !== undefined && limitBytes < 1) throw badRequest(`limitBytes: Invalid value: ${limitBytes}: must be greater than 0`);
  const sinceSeconds = intParam(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  if (sinceSeconds !== undefined && sinceTime) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw badRequest(`sinceSeconds: Invalid value: ${sinceSeconds}: must be greater than 0`);
  let since: Date | undefined;
  if (sinceSeconds !== undefined) since = new Date(now.getTime() - sinceSeconds * 1000);
  else if (sinceTime) {
    since = new Date(sinceTime);
    if (Number.isNaN(since.getTime())) throw badRequest(`sinceTime: Invalid value: "${sinceTime}": must be an RFC3339 time`);
  }
  return {
    tailLines,
    limitBytes,
    since,
    timestamps: boolParam(query, 'timestamps') ?? false,
    follow: boolParam(query, 'follow') ?? false,
    previous: boolParam(query, 'previous') ?? false,
  };
}

export function podLogHandler(logs: () => LogSource | undefined) {
  return (w: WriteRequest): void => {
    const pod = w.store.get(w.namespace, w.name!).object as Kube<Pod>;
    const container = chooseContainer(pod, w.query.get('container'));
    const opts = logOptions(w.query, new Date());
    const node = pod.spec?.nodeName;
    if (!node) throw badRequest(`pod ${w.name} does not have a host assigned`);
    const log = logs()?.(node, w.namespace!, w.name!, container, opts.previous);
    if (opts.previous && !log) throw badRequest(`previous terminated container "${container}" in pod "${w.name}" not found`);
    if (!log) {
      const reason = statusOf(pod, container)?.state?.waiting?.reason ?? 'ContainerCreating';
      throw badRequest(`container "${container}" in pod "${w.name}" is waiting to start: ${reason}`);
    }
    w.res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    let budget = opts.limitBytes ?? Infinity;
    /** Writes lines within limitBytes; false once the limit is reached. */
    const send = (lines: LogLine[]): boolean => {
      let text = '';
      for (const l of lines) if (!opts.since || l.time >= opts.since) text += opts.timestamps ? `${rfc3339Nano(l.time)} ${l.text}\n` : `${l.text}\n`;
      if (text.length > budget) text = text.slice(0, budget);
      budget -= text.length;
      if (text) w.res.write(text);
      return budget > 0;
    };
    const lines = log.logs();
    const fits = send(opts.tailLines !== undefined ? lines.slice(Math.max(0, lines.length - opts.tailLines)) : lines);
    // Lines are written from timers, never while this runs: none falls between read and listen.
    const off = opts.follow && !opts.previous && fits ? log.onLog((line) => send([line]) || finish()) : undefined;
    const finish = () => {
      off?.();
      if (!w.res.writableEnded) w.res.end();
    };
    if (!off) return finish();
    void log.exited.then(finish);
    // The client went away (or the response ended): stop listening.
    w.res.on('close', finish);
  };
}
