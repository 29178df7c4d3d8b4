// Which container logs `kubectl logs` asks for (polymorphichelpers.LogsForObject): one container
// of a pod (named, annotated as default, or the first, saying so), every container with
// --all-containers, every pod of a list (-l), and for a workload the pod podutils.ByLogging puts
// first, saying how many there were.
import type { Pod } from 'kubernetes-types/core/v1';
import { allContainerNames, DEFAULT_CONTAINER_ANNOTATION, isReady, podsBySelector, restarts, selectorFor, type Selecting } from '../attachable-pod';
import { CommandError } from '../command';
import type { RestClient } from '../rest';

export interface LogRequest {
  pod: Pod;
  container: string;
  /** spec.containers{name}, for --prefix. */
  fieldPath: string;
}

/** podcmd.FindContainerByName: the container and its field path. */
function findContainer(pod: Pod, name: string): string | undefined {
  if (pod.spec?.containers.some((c) => c.name === name)) return `spec.containers{${name}}`;
  if (pod.spec?.initContainers?.some((c) => c.name === name)) return `spec.initContainers{${name}}`;
  if (pod.spec?.ephemeralContainers?.some((c) => c.name === name)) return `spec.ephemeralContainers{${name}}`;
  return undefined;
}

const readySince = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';
/** afterOrZero(a, b): a is later than b, or a is unset. */
const afterOrZero = (a: string, b: string) => !a || (Boolean(b) && Date.parse(a) > Date.parse(b));
const PHASE: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging: negative when a comes first. */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    const ni = i.spec?.nodeName ?? '';
    const nj = j.spec?.nodeName ?? '';
    if (ni !== nj && (!ni || !nj)) return Boolean(ni);
    const pi = PHASE[i.status?.phase ?? ''] ?? 0;
    const pj = PHASE[j.status?.phase ?? ''] ?? 0;
    if (pi !== pj) return pi < pj;
    if (isReady(i) !== isReady(j)) return isReady(i);
    if (isReady(i) && isReady(j) && readySince(i) !== readySince(j)) return afterOrZero(readySince(j), readySince(i));
    if (restarts(i) !== restarts(j)) return restarts(i) > restarts(j);
    const ci = i.metadata?.creationTimestamp ?? '';
    const cj = j.metadata?.creationTimestamp ?? '';
    if (ci !== cj) return afterOrZero(cj, ci);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** One pod's requests; `allPods` (--all-pods) does not say which container it defaulted to. */
function podRequests(pod: Pod, container: string, allContainers: boolean, warn: NodeJS.WritableStream, allPods = false): LogRequest[] {
  if (allContainers) {
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
    return names.flatMap((name) => podRequests(pod, name, false, warn));
  }
  let name = container;
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotated) {
    if (findContainer(pod, annotated)) name = annotated;
    else warn.write(`Default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`);
  }
  if (!name) {
    name = pod.spec?.containers[0]?.name ?? '';
    if (!allPods && ((pod.spec?.containers.length ?? 0) > 1 || pod.spec?.initContainers?.length || pod.spec?.ephemeralContainers?.length))
      warn.write(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
  }
  const fieldPath = findContainer(pod, name);
  if (!fieldPath) throw new CommandError(`container ${name} is not valid for pod ${pod.metadata?.name}`);
  return [{ pod, container: name, fieldPath }];
}

/** The requests for a pod, a list of pods, or anything with a pod selector. */
export async function logRequests(
  rest: RestClient,
  target: { pods: Pod[] } | Selecting,
  container: string,
  allContainers: boolean,
  allPods: boolean,
  timeoutMs: number,
  warn: NodeJS.WritableStream,
): Promise<LogRequest[]> {
  if ('pods' in target) return target.pods.flatMap((pod) => podRequests(pod, container, allContainers, warn, allPods));
  if (target.kind === 'Pod' && (target.apiVersion ?? 'v1') === 'v1') return podRequests(target as Pod, container, allContainers, warn, allPods);
  const pods = await podsBySelector(rest, target.metadata?.namespace ?? '', selectorFor(target, 'get the logs from'), timeoutMs, byLogging);
  if (pods.length > 1 && allPods) return pods.flatMap((pod) => podRequests(pod, container, allContainers, warn, true));
  if (pods.length > 1) warn.write(`Found ${pods.length} pods, using pod/${pods[0]!.metadata?.name}\n`);
  return podRequests(pods[0]!, container, allContainers, warn, allPods);
}
