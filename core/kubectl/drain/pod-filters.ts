// Which pods of a node `kubectl drain` deletes, skips, warns about or refuses (kubectl's drain
// filters, applied in their order until one says keep): pods already deleted long enough,
// DaemonSet pods, mirror pods, pods with emptyDir data, pods no controller recreates.
import type { Pod } from 'kubernetes-types/core/v1';

export type PodStatusReason = 'Okay' | 'Skip' | 'Warning' | 'Error';

export interface PodVerdict {
  delete: boolean;
  reason: PodStatusReason;
  message?: string;
}

export interface FilterOptions {
  force: boolean;
  ignoreAllDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
}

/** Whether the DaemonSet named by a pod's controller exists: undefined if so, else the server's error message and whether it was NotFound. */
export type DaemonSetLookup = (namespace: string, name: string) => Promise<{ message: string; notFound: boolean } | undefined>;

const okay: PodVerdict = { delete: true, reason: 'Okay' };
const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata?.ownerReferences?.find((r) => r.controller);

/** shouldSkipPod: deleted more than the given seconds ago (0: never skip). */
export function deletedLongAgo(pod: Pod, seconds: number, now: number): boolean {
  const at = pod.metadata?.deletionTimestamp;
  return seconds > 0 && Boolean(at) && Math.floor((now - Date.parse(at!)) / 1000) > seconds;
}

type Filter = (pod: Pod) => PodVerdict | Promise<PodVerdict>;

/**
 * The filters in kubectl's order. Each runs while the previous said delete, and the last one
 * run decides: a warning that allows the delete is overwritten by the next filter's "okay".
 */
export async function podVerdict(pod: Pod, opts: FilterOptions, daemonSet: DaemonSetLookup, now: number): Promise<PodVerdict> {
  const filters: Filter[] = [
    (p) => (deletedLongAgo(p, opts.skipWaitForDeleteTimeoutSeconds, now) ? { delete: false, reason: 'Skip' } : okay),
    async (p) => {
      const controller = controllerOf(p);
      if (controller?.kind !== 'DaemonSet' || finished(p)) return okay;
      const missing = await daemonSet(p.metadata?.namespace ?? '', controller.name);
      if (missing) return missing.notFound && opts.force ? { delete: true, reason: 'Warning', message: missing.message } : { delete: false, reason: 'Error', message: missing.message };
      if (!opts.ignoreAllDaemonSets) return { delete: false, reason: 'Error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
      return { delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods' };
    },
    (p) => (p.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : okay),
    (p) => {
      if (!p.spec?.volumes?.some((v) => v.emptyDir) || finished(p)) return okay;
      if (!opts.deleteEmptyDirData) return { delete: false, reason: 'Error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
      return { delete: true, reason: 'Warning', message: 'deleting Pods with local storage' };
    },
    (p) => {
      if (finished(p) || controllerOf(p)) return okay;
      if (opts.force) return { delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller' };
      return { delete: false, reason: 'Error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
    },
  ];
  let verdict = okay;
  for (const filter of filters) {
    verdict = await filter(pod);
    if (!verdict.delete) break;
  }
  return verdict;
}

export interface PodDelete {
  pod: Pod;
  verdict: PodVerdict;
}

const podName = (pod: Pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** Messages with the pods they concern, in first-seen order (kubectl ranges over a Go map here). */
function grouped(list: PodDelete[], reason: PodStatusReason): [string, string[]][] {
  const byMessage = new Map<string, string[]>();
  for (const { pod, verdict } of list) {
    if (verdict.reason !== reason) continue;
    const message = verdict.message || (reason === 'Error' ? 'unexpected error' : '');
    byMessage.set(message, [...(byMessage.get(message) ?? []), podName(pod)]);
  }
  return [...byMessage];
}

/** PodDeleteList.Warnings: "message: ns/a, ns/b; other: ns/c", or "". */
export function warningsOf(list: PodDelete[]): string {
  return grouped(list, 'Warning')
    .map(([message, pods]) => `${message}: ${pods.join(', ')}`)
    .join('; ');
}

/** PodDeleteList.errors: one per message. */
export function errorsOf(list: PodDelete[]): Error[] {
  return grouped(list, 'Error').map(([message, pods]) => new Error(`cannot delete ${message}: ${pods.join(', ')}`));
}
