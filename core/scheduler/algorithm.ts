// One scheduling attempt (schedule_one.go's schedulePod): PreFilter, Filter over the nodes
// starting where the last attempt stopped until enough feasible nodes are found, then Score
// and pick the best, ties broken at random.
import type { CycleState, FilterPlugin, Snapshot, Status } from './framework';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { Profile } from './profile';

/** Pods nominated to a node (after preemption) that must be counted as if already there. */
export type Nominated = (node: string) => readonly PodInfo[] | undefined;

export interface Attempt {
  state: CycleState;
  /** Filters that did not skip themselves. */
  filters: FilterPlugin[];
  /** A PreFilter rejection applies to every node. */
  preFilterStatus?: Status;
}

export function preFilter(profile: Profile, pod: PodInfo, snapshot: Snapshot): Attempt {
  const state: CycleState = new Map();
  const filters: FilterPlugin[] = [];
  for (const f of profile.filters) {
    const r = f.preFilter?.(state, pod, snapshot);
    if (r === 'skip') continue;
    if (r) return { state, filters, preFilterStatus: r };
    filters.push(f);
  }
  return { state, filters };
}

export function runFilters(attempt: Attempt, pod: PodInfo, node: NodeInfo): Status | undefined {
  for (const f of attempt.filters) {
    const s = f.filter(attempt.state, pod, node);
    if (s) return s;
  }
  return undefined;
}

/** Filters with higher- or equal-priority pods nominated to the node counted in. */
export function runFiltersWithNominated(attempt: Attempt, pod: PodInfo, node: NodeInfo, nominated: Nominated): Status | undefined {
  const others = nominated(node.name)?.filter((p) => p.key !== pod.key && p.priority >= pod.priority && !node.pods.has(p.key));
  if (!others?.length) return runFilters(attempt, pod, node);
  const withNominated = node.clone();
  for (const p of others) withNominated.addPod(p);
  return runFilters(attempt, pod, withNominated);
}

/** percentageOfNodesToScore's adaptive default: all of a small cluster, a sample of a big one. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  const MIN = 100;
  if (numAllNodes < MIN || percentage >= 100) return numAllNodes;
  let pct = percentage;
  if (pct <= 0) pct = Math.max(5, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN, Math.trunc((numAllNodes * pct) / 100));
}

export interface Feasible {
  attempt: Attempt;
  feasible: NodeInfo[];
  /** Why each rejected node was rejected. */
  statuses: Map<string, Status>;
  /** Nodes looked at, to start the next attempt after them. */
  processed: number;
}

export function findFeasible(profile: Profile, pod: PodInfo, snapshot: Snapshot, nominated: Nominated, start: number, percentage?: number): Feasible {
  const attempt = preFilter(profile, pod, snapshot);
  const statuses = new Map<string, Status>();
  const feasible: NodeInfo[] = [];
  const nodes = snapshot.nodes;
  if (attempt.preFilterStatus) return { attempt, feasible, statuses, processed: 0 };
  // A pod nominated by an earlier preemption tries its node first.
  const nominatedNode = pod.pod.status?.nominatedNodeName;
  if (nominatedNode) {
    const n = nodes.find((x) => x.name === nominatedNode);
    if (n && !runFiltersWithNominated(attempt, pod, n, nominated)) return { attempt, feasible: [n], statuses, processed: 0 };
  }
  const want = numFeasibleNodesToFind(nodes.length, percentage);
  let processed = 0;
  for (; processed < nodes.length && feasible.length < want; processed++) {
    const node = nodes[(start + processed) % nodes.length]!;
    const s = runFiltersWithNominated(attempt, pod, node, nominated);
    if (s) statuses.set(node.name, s);
    else feasible.push(node);
  }
  return { attempt, feasible, statuses, processed };
}

/** Weighted sum of normalized plugin scores per feasible node. */
export function prioritize(profile: Profile, attempt: Attempt, pod: PodInfo, nodes: NodeInfo[], snapshot: Snapshot): number[] {
  const total = new Array<number>(nodes.length).fill(0);
  for (const p of profile.scores) {
    if (p.preScore && !p.preScore(attempt.state, pod, nodes, snapshot)) continue;
    const scores = nodes.map((n) => p.score(attempt.state, pod, n));
    p.normalize?.(attempt.state, scores, nodes);
    for (let i = 0; i < nodes.length; i++) total[i] = total[i]! + scores[i]! * p.weight;
  }
  return total;
}

/** The highest score; among equals each is equally likely (reservoir sampling). */
export function selectHost(nodes: NodeInfo[], scores: number[], random = Math.random): NodeInfo {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i]! > scores[best]!) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best]) {
      ties++;
      if (random() * ties < 1) best = i;
    }
  }
  return nodes[best]!;
}
