// Indexed completion mode: each pod carries its completion index; status.completedIndexes
// lists finished indexes as "1,3-5,7" (runs of three or more compressed).
import type { Pod } from 'kubernetes-types/core/v1';

export const completionIndexKey = 'batch.kubernetes.io/job-completion-index';

/** The pod's completion index, or undefined when missing or not a non-negative integer. */
export function completionIndex(p: Pod): number | undefined {
  const v = p.metadata?.annotations?.[completionIndexKey];
  if (v === undefined || !/^\+?[0-9]+$/.test(v)) return undefined;
  return Number(v);
}

/** Indexes in [0, completions) from "1,3-5,7"; malformed parts are skipped. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = Math.min(m[2] === undefined ? first : Number(m[2]), completions - 1);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return out;
}

export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const run = j - i + 1;
    if (run >= 3) parts.push(`${sorted[i]}-${sorted[j]}`);
    else parts.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return parts.join(',');
}

/** The lowest `count` indexes below completions that are neither done nor running. */
export function firstPendingIndexes(count: number, completions: number, taken: Set<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}

/**
 * Active pods an Indexed Job must remove whatever its parallelism: pods without a valid index,
 * and all but one pod of each repeated index (the one kept is the last in removal order).
 */
export function duplicateIndexPods<P extends Pod>(pods: P[], completions: number, compare: (a: P, b: P) => number): P[] {
  const byIndex = new Map<number, P[]>();
  const remove: P[] = [];
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === undefined || ix >= completions) remove.push(p);
    else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  for (const same of byIndex.values()) remove.push(...same.sort(compare).slice(0, -1));
  return remove;
}
