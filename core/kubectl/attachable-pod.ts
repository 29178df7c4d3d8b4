// Which pod exec, attach and port-forward talk to (kubectl's AttachablePodForObject): a pod
// named directly, or the most active pod selected by a workload or service (the first of
// kubectl's ActivePods order reversed), waiting for one to appear when none does yet; and
// which of its containers (podcmd.FindOrDefaultContainerByName).
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { CommandError } from './command';
import type { Session } from './command';
import { objectPath } from './discovery';
import type { RestClient } from './rest';
import { watchEvents } from './watch-events';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface Selecting {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: { selector?: LabelSelector | Record<string, string> };
}

/** A LabelSelector as the label selector string client-go writes (requirements sorted by key). */
export function selectorString(selector: LabelSelector): string {
  const parts: [string, string][] = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = { In: `${e.key} in (${values})`, NotIn: `${e.key} notin (${values})`, Exists: e.key, DoesNotExist: `!${e.key}` }[e.operator];
    if (text === undefined) throw new Error(`"${e.operator}" is not a valid label selector operator`);
    parts.push([e.key, text]);
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/** The selector of a workload or service (polymorphichelpers.SelectorsForObject); `doing` words the error ("attach to"). */
export function selectorFor(object: Selecting, doing = 'attach to'): string {
  const goType = `*${(object.apiVersion ?? 'v1').split('/').pop()}.${object.kind}`;
  switch (object.kind) {
    case 'Service':
    case 'ReplicationController': {
      const set = (object.spec?.selector ?? {}) as Record<string, string>;
      if (object.kind === 'Service' && !Object.keys(set).length) throw new CommandError(`cannot ${doing} ${goType}: invalid service '${object.metadata?.name}': Service is defined without a selector`);
      return selectorString({ matchLabels: set });
    }
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      try {
        return selectorString((object.spec?.selector ?? {}) as LabelSelector);
      } catch (err) {
        throw new CommandError(`cannot ${doing} ${goType}: invalid label selector: ${(err as Error).message}`);
      }
    default:
      throw new CommandError(`cannot ${doing} ${goType}: selector for ${goType} not implemented`);
  }
}

export const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
export const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount));
const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** Negative when a is more active than b (kubectl's ActivePods, reversed). */
export function moreActiveFirst(a: Pod, b: Pod): number {
  const keys = (p: Pod): number[] => [
    p.spec?.nodeName ? 1 : 0,
    PHASE_RANK[p.status?.phase ?? ''] ?? 0,
    isReady(p) ? 1 : 0,
    -restarts(p),
    -Date.parse(p.metadata?.creationTimestamp ?? '') || 0,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
}

/**
 * The pods matching the selector in `order` (GetPodList), or the first to appear within the
 * timeout when there is none yet.
 */
export async function podsBySelector(rest: RestClient, namespace: string, selector: string, timeoutMs: number, order: (a: Pod, b: Pod) => number): Promise<Pod[]> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  const list = await rest.json<{ items: Pod[]; metadata: { resourceVersion?: string } }>({ path, query: { labelSelector: selector } });
  if (list.items.length) return [...list.items].sort(order);
  const res = await rest.stream({ path, query: { labelSelector: selector, resourceVersion: list.metadata.resourceVersion, watch: true } });
  const timer = setTimeout(() => res.destroy(), timeoutMs);
  try {
    for await (const event of watchEvents<Pod>(res)) if (event.type === 'ADDED' || event.type === 'MODIFIED') return [event.object];
  } catch {
    // destroyed by the timeout: reported below
  } finally {
    clearTimeout(timer);
  }
  throw new CommandError('timed out waiting for the condition');
}

/**
 * The pod an argument names: NAME is a pod, TYPE/NAME (or `type`, `name`) anything with a
 * selector. kubectl's builder defaults the type to pods.
 */
export async function attachablePod(session: Session, namespace: string, type: string, name: string, timeoutMs: number): Promise<{ pod: Pod; object: Selecting }> {
  const info = (await session.discovery()).resolve(type);
  const object = await session.rest.json<Selecting>({ path: objectPath(info, namespace, name) });
  if (info.kind === 'Pod' && !info.group) return { pod: object as Pod, object };
  const [pod] = await podsBySelector(session.rest, object.metadata?.namespace ?? namespace, selectorFor(object), timeoutMs, moreActiveFirst);
  return { pod, object };
}

export function findContainer(pod: Pod, name: string): Container | undefined {
  return (
    pod.spec?.containers.find((c) => c.name === name) ??
    pod.spec?.initContainers?.find((c) => c.name === name) ??
    (pod.spec?.ephemeralContainers?.find((c) => c.name === name) as Container | undefined)
  );
}

export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** The named container, else the annotated default, else the first (saying so when there was a choice). */
export function defaultContainer(pod: Pod, name: string, quiet: boolean, warn: NodeJS.WritableStream): Container {
  if (name) {
    const found = findContainer(pod, name);
    if (!found) throw new CommandError(`container ${name} not found in pod ${pod.metadata?.name}`);
    return found;
  }
  const containers = pod.spec?.containers ?? [];
  if (!containers.length) throw new CommandError(`pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const fromAnnotation = annotated ? findContainer(pod, annotated) : undefined;
  if (fromAnnotation) return fromAnnotation;
  const first = containers[0]!;
  if (!quiet && (containers.length > 1 || pod.spec?.initContainers?.length || pod.spec?.ephemeralContainers?.length))
    warn.write(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  return first;
}
