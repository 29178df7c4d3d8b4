// Builds the scheduler's view of a small cluster for plugin tests: nodes with pods on them.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { preFilter, runFilters } from '../../core/scheduler/algorithm';
import { SchedulerCache } from '../../core/scheduler/cache';
import type { FilterPlugin, ScorePlugin, Snapshot } from '../../core/scheduler/framework';
import { podInfo } from '../../core/scheduler/pod-info';
import { defaultProfile } from '../../core/scheduler/profile';

export function snapshotOf(nodes: Kube<Node>[], pods: Kube<Pod>[] = [], nsLabels: Record<string, Record<string, string>> = {}): Snapshot {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.setNode(n);
  for (const p of pods) cache.setPod(p);
  return { nodes: cache.nodes(), nsLabels: (ns) => nsLabels[ns] };
}

/** Each node's first failing reason under these filters ('' when it fits). */
export function filterReasons(filters: FilterPlugin[], pod: Kube<Pod>, snapshot: Snapshot): Record<string, string> {
  const info = podInfo(pod);
  const attempt = preFilter({ ...defaultProfile(), filters }, info, snapshot);
  return Object.fromEntries(snapshot.nodes.map((n) => [n.name, runFilters(attempt, info, n)?.reasons.join(', ') ?? '']));
}

/** One plugin's normalized scores by node. */
export function pluginScores(plugin: ScorePlugin, pod: Kube<Pod>, snapshot: Snapshot): Record<string, number> {
  const info = podInfo(pod);
  const state = new Map<string, unknown>();
  if (plugin.preScore && !plugin.preScore(state, info, snapshot.nodes, snapshot)) return {};
  const scores = snapshot.nodes.map((n) => plugin.score(state, info, n));
  plugin.normalize?.(state, scores, snapshot.nodes);
  return Object.fromEntries(snapshot.nodes.map((n, i) => [n.name, scores[i]!]));
}

export const onNode = (pod: Kube<Pod>, node: string): Kube<Pod> => ({ ...pod, spec: { ...pod.spec!, nodeName: node } });
