// A pod's QoS class when its status has none (qos.ComputePodQOS): BestEffort without CPU or
// memory requests and limits, Guaranteed when every container limits both and requests equal
// limits, otherwise Burstable.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { add, compare } from '../../quota/resource-list';
import { parseQuantity } from '../../machinery/quantity';

type List = Record<string, string>;
const QOS_RESOURCES = ['cpu', 'memory'];

/** Only positive CPU and memory quantities count. */
function positive(list: Record<string, unknown> | undefined): List {
  const out: List = {};
  for (const [k, v] of Object.entries(list ?? {})) if (QOS_RESOURCES.includes(k) && (parseQuantity(String(v))?.unscaled ?? 0n) > 0n) out[k] = String(v);
  return out;
}

export function podQosClass(pod: Pod): string {
  let requests: List = {};
  let limits: List = {};
  let guaranteed = true;
  const podLevel = (pod.spec as { resources?: Container['resources'] } | undefined)?.resources;
  const sources = podLevel ? [podLevel] : [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.resources ?? {});
  for (const r of sources) {
    requests = add(requests, positive(r.requests));
    const l = positive(r.limits);
    limits = add(limits, l);
    if ((!podLevel || r.limits) && !(l.cpu && l.memory)) guaranteed = false;
  }
  if (!Object.keys(requests).length && !Object.keys(limits).length) return 'BestEffort';
  if (guaranteed && Object.entries(requests).every(([k, v]) => limits[k] !== undefined && compare(limits[k], v) === 0) && Object.keys(requests).length === Object.keys(limits).length)
    return 'Guaranteed';
  return 'Burstable';
}
