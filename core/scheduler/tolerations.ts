// Taints and tolerations (v1helper.TolerationsTolerateTaint): an empty toleration key with
// Exists tolerates every taint, an empty effect every effect.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export const isTolerated = (taint: Taint, tolerations: Toleration[] | undefined): boolean =>
  (tolerations ?? []).some((t) => tolerates(t, taint));

/** The first taint with one of these effects that no toleration covers. */
export function firstUntolerated(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: (t: Taint) => boolean): Taint | undefined {
  if (!taints?.length) return undefined;
  return taints.find((taint) => effects(taint) && !isTolerated(taint, tolerations));
}
