// A pod's QoS class, computed as Kubernetes' qos.GetPodQOS does from the (defaulted) spec.
import type { Pod } from 'kubernetes-types/core/v1';
import { compareQuantities, parseQuantity, type Quantity } from '../../machinery/quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const qosResources = ['cpu', 'memory'];

function add(sum: Map<string, Quantity>, name: string, q: Quantity): void {
  const prev = sum.get(name);
  if (!prev) {
    sum.set(name, q);
    return;
  }
  const exp = Math.min(prev.exp, q.exp);
  const scale = (x: Quantity): bigint => x.unscaled * 10n ** BigInt(x.exp - exp);
  sum.set(name, { unscaled: scale(prev) + scale(q), exp, format: q.format });
}

/** Positive cpu/memory quantities of one resource list. */
function positives(list: Record<string, unknown> | undefined): [string, Quantity][] {
  const out: [string, Quantity][] = [];
  for (const name of qosResources) {
    const raw = list?.[name];
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
    if (q && q.unscaled > 0n) out.push([name, q]);
  }
  return out;
}

export function podQOSClass(pod: Pod): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, q] of positives(c.resources?.requests as Record<string, unknown> | undefined)) add(requests, name, q);
    const found = positives(c.resources?.limits as Record<string, unknown> | undefined);
    for (const [name, q] of found) add(limits, name, q);
    if (!qosResources.every((r) => found.some(([name]) => name === r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
