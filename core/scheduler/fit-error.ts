// The message of a pod that fits nowhere (framework.FitError): "0/N nodes are available:" then
// each reason with the number of nodes that gave it, sorted as strings, then what preemption
// found.
import type { Status } from './framework';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Reasons counted over nodes; nodes without a status of their own get `absent`. */
export function reasonHistogram(statuses: Iterable<Status>, numAllNodes: number, absent?: Status): string {
  const counts = new Map<string, number>();
  let seen = 0;
  for (const s of statuses) {
    seen++;
    for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  if (absent && seen < numAllNodes) for (const r of absent.reasons) counts.set(r, (counts.get(r) ?? 0) + numAllNodes - seen);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

export function fitErrorMessage(numAllNodes: number, opts: { preFilterMsg?: string; histogram?: string; postFilterMsg?: string }): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (opts.preFilterMsg) msg += ` ${opts.preFilterMsg}.`;
  else if (opts.histogram) msg += ` ${opts.histogram}.`;
  // Preemption's own message already ends its sentence.
  if (opts.postFilterMsg) msg += opts.postFilterMsg.endsWith('.') ? ` ${opts.postFilterMsg}` : ` ${opts.postFilterMsg}.`;
  return msg;
}
