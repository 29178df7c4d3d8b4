// DefaultPreemption: when a pod fits nowhere, find the node where evicting the fewest and
// least important lower-priority pods (breaking as few PodDisruptionBudgets as possible) lets it
// fit. Only nodes that failed with a plain Unschedulable status are tried; the others cannot be
// helped by evictions.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { labelSelectorMatches } from '../machinery/selectors/label-selector';
import { preFilter, runFilters } from './algorithm';
import { reasonHistogram } from './fit-error';
import type { Snapshot, Status } from './framework';
import { unresolvable } from './framework';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { Profile } from './profile';

const NOT_HELPFUL = unresolvable('DefaultPreemption', 'Preemption is not helpful for scheduling');

export type PreemptionOutcome = { node: NodeInfo; victims: PodInfo[] } | { message: string };

interface Candidate {
  node: NodeInfo;
  victims: PodInfo[];
  violations: number;
}

const startTime = (p: PodInfo) => Date.parse(p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp ?? '') || 0;

/** Higher priority first, then the one that started earlier. */
const moreImportant = (a: PodInfo, b: PodInfo) => b.priority - a.priority || startTime(a) - startTime(b);

function fits(profile: Profile, pod: PodInfo, node: NodeInfo, snapshot: Snapshot): Status | undefined {
  const view: Snapshot = { ...snapshot, nodes: snapshot.nodes.map((n) => (n.name === node.name ? node : n)) };
  const attempt = preFilter(profile, pod, view);
  return attempt.preFilterStatus ?? runFilters(attempt, pod, node);
}

function selectVictims(profile: Profile, pod: PodInfo, original: NodeInfo, snapshot: Snapshot, pdbs: PodDisruptionBudget[]): Candidate | Status {
  const node = original.clone();
  const lower = [...node.pods.values()].filter((p) => p.priority < pod.priority);
  if (lower.length === 0) return unresolvable('DefaultPreemption', 'No preemption victims found for incoming pod');
  for (const p of lower) node.removePod(p.key);
  const status = fits(profile, pod, node, snapshot);
  if (status) return status;
  lower.sort(moreImportant);
  // Pods whose eviction would break a budget are reprieved first.
  const allowed = pdbs.map((b) => b.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const safe: PodInfo[] = [];
  for (const p of lower) {
    let breaks = false;
    pdbs.forEach((b, i) => {
      if (b.metadata?.namespace !== p.namespace || !labelSelectorMatches(b.spec?.selector, p.pod.metadata.labels)) return;
      if (b.status?.disruptedPods?.[p.pod.metadata.name!]) return;
      allowed[i]!--;
      if (allowed[i]! < 0) breaks = true;
    });
    (breaks ? violating : safe).push(p);
  }
  const victims: PodInfo[] = [];
  let violations = 0;
  const reprieve = (p: PodInfo, isViolating: boolean) => {
    node.addPod(p);
    if (fits(profile, pod, node, snapshot)) {
      node.removePod(p.key);
      victims.push(p);
      if (isViolating) violations++;
    }
  };
  for (const p of violating) reprieve(p, true);
  for (const p of safe) reprieve(p, false);
  return { node: original, victims, violations };
}

/** pickOneNodeForPreemption: fewest budget violations, then the least important victims. */
function pickOne(candidates: Candidate[]): Candidate {
  const keyOf = (c: Candidate) => [
    c.violations,
    c.victims.reduce((m, v) => Math.max(m, v.priority), -Infinity),
    c.victims.reduce((s, v) => s + v.priority + 2147483648, 0),
    c.victims.length,
  ];
  let best = candidates[0]!;
  let bestKey = keyOf(best);
  for (const c of candidates.slice(1)) {
    const k = keyOf(c);
    const i = k.findIndex((v, j) => v !== bestKey[j]);
    if (i >= 0 && k[i]! < bestKey[i]!) {
      best = c;
      bestKey = k;
    }
  }
  return best;
}

export function preempt(profile: Profile, pod: PodInfo, snapshot: Snapshot, statuses: Map<string, Status>, pdbs: PodDisruptionBudget[]): PreemptionOutcome {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  const nominatedName = pod.pod.status?.nominatedNodeName;
  const nominated = nominatedName && snapshot.nodes.find((n) => n.name === nominatedName);
  if (nominated && statuses.get(nominatedName)?.code !== 'UnschedulableAndUnresolvable') {
    for (const p of nominated.pods.values()) {
      if (p.priority < pod.priority && p.pod.metadata.deletionTimestamp) {
        return { message: 'preemption: not eligible due to a terminating pod on the nominated node.' };
      }
    }
  }
  const results = new Map<string, Status>();
  const candidates: Candidate[] = [];
  for (const node of snapshot.nodes) {
    if (statuses.get(node.name)?.code !== 'Unschedulable') continue;
    const r = selectVictims(profile, pod, node, snapshot, pdbs);
    if ('victims' in r && r.victims.length > 0) candidates.push(r);
    else if (!('victims' in r)) results.set(node.name, r);
  }
  if (candidates.length > 0) return pickOne(candidates);
  const histogram = reasonHistogram(results.values(), snapshot.nodes.length, NOT_HELPFUL);
  return { message: `preemption: 0/${snapshot.nodes.length} nodes are available: ${histogram}.` };
}
