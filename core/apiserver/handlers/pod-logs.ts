// pods/<name>/log: a container's output from the kubelet of the pod's node, with the API
// server's checks and messages (container choice, waiting containers, previous instances,
// tailLines, limitBytes) and follow, which streams until the container stops.
import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../object';
import { ApiError, badRequest } from '../status';
import { intParam, boolParam } from './options';
import type { WriteRequest } from './write';
import type { ApiServer } from '../api-server';

/** Lines a container wrote, from the kubelet running it; undefined when it has none. */
export type LogSource = (nodeName: string, namespace: string, pod: string, container: string, previous: boolean) => string[] | undefined;

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

function window(lines: string[], query: URLSearchParams): string {
  const tail = intParam(query, 'tailLines');
  const chosen = tail !== undefined && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  let text = chosen.map((l) => `${l}\n`).join('');
  const limit = intParam(query, 'limitBytes');
  if (limit !== undefined && limit > 0) text = text.slice(0, limit);
  return text;
}

export function podLogHandler(logs: () => LogSource | undefined) {
  return (w: WriteRequest, api: ApiServer): void => {
    if (w.req.method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const pod = w.store.get(w.namespace, w.name!).object as Kube<Pod>;
    const container = chooseContainer(pod, w.query.get('container'));
    const previous = boolParam(w.query, 'previous') ?? false;
    const node = pod.spec?.nodeName;
    if (!node) throw badRequest(`pod ${w.name} does not have a host assigned`);
    const status = statusOf(pod, container);
    const lines = logs()?.(node, w.namespace!, w.name!, container, previous);
    if (previous && !lines) throw badRequest(`previous terminated container "${container}" in pod "${w.name}" not found`);
    if (!lines) {
      const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
      throw badRequest(`container "${container}" in pod "${w.name}" is waiting to start: ${reason}`);
    }
    w.res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    w.res.write(window(lines, w.query));
    const follow = boolParam(w.query, 'follow') ?? false;
    if (!follow || previous || !status?.state?.running) {
      w.res.end();
      return;
    }
    // Follow: new lines as the pod's status changes, until the container stops or the pod goes.
    let sent = lines.length;
    const flush = () => {
      const now = logs()?.(node, w.namespace!, w.name!, container, false) ?? [];
      for (; sent < now.length; sent++) w.res.write(`${now[sent]}\n`);
    };
    const off = api.onResourceEvent((def, e) => {
      if (def.group !== '' || def.plural !== 'pods' || e.current.object.metadata.uid !== pod.metadata.uid) return;
      flush();
      const running = statusOf(e.current.object as Kube<Pod>, container)?.state?.running;
      if (e.type === 'DELETED' || !running) finish();
    });
    const finish = () => {
      off();
      if (!w.res.writableEnded) w.res.end();
    };
    w.req.on('close', finish);
  };
}
