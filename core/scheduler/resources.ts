// Resource amounts as the scheduler counts them: cpu in millicores, memory and
// ephemeral-storage in bytes, extended resources (hugepages, example.com/gpu) by name.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityToMilli, quantityToNumber } from '../machinery/quantity';

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and hugepages resources, by name. */
  scalar: Map<string, number>;
}

export const emptyResources = (): Resources => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() });

/** Requests of containers without one, for scoring only, so empty pods do not pile onto one node. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const parsed = new Map<string, number>();
/** Quantity strings repeat endlessly across pods ("100m", "64Mi"): parse each once. */
function amount(name: string, q: string | number): number {
  const key = `${name === 'cpu' ? 'm' : 'n'}${q}`;
  let v = parsed.get(key);
  if (v === undefined) {
    v = name === 'cpu' ? quantityToMilli(q) : quantityToNumber(q);
    if (Number.isNaN(v)) v = 0;
    if (parsed.size < 10_000) parsed.set(key, v);
  }
  return v;
}

type ResourceList = Record<string, string | number> | undefined;

function forEachResource(list: ResourceList, fn: (name: string, value: number) => void): void {
  if (!list) return;
  for (const name in list) fn(name, amount(name, list[name]!));
}

function addTo(r: Resources, name: string, v: number): void {
  if (name === 'cpu') r.milliCPU += v;
  else if (name === 'memory') r.memory += v;
  else if (name === 'ephemeral-storage') r.ephemeralStorage += v;
  else if (name !== 'pods') r.scalar.set(name, (r.scalar.get(name) ?? 0) + v);
}

function maxInto(r: Resources, name: string, v: number): void {
  if (name === 'cpu') r.milliCPU = Math.max(r.milliCPU, v);
  else if (name === 'memory') r.memory = Math.max(r.memory, v);
  else if (name === 'ephemeral-storage') r.ephemeralStorage = Math.max(r.ephemeralStorage, v);
  else if (name !== 'pods') r.scalar.set(name, Math.max(r.scalar.get(name) ?? 0, v));
}

export function addResources(into: Resources, r: Resources, sign = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of r.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) + sign * v);
}

export function cloneResources(r: Resources): Resources {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, scalar: new Map(r.scalar) };
}

const requestsOf = (c: Container): ResourceList => c.resources?.requests as ResourceList;

/**
 * What a pod asks for: the sum of its app containers (and restartable init containers, which
 * keep running), or the largest init container if that is more, plus the pod overhead.
 */
export function podRequests(pod: Pod): Resources {
  const sum = emptyResources();
  for (const c of pod.spec?.containers ?? []) forEachResource(requestsOf(c), (n, v) => addTo(sum, n, v));
  const result = cloneResources(sum);
  // Sidecars (restartPolicy Always) started before an init container run alongside it.
  const sidecars = emptyResources();
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      forEachResource(requestsOf(c), (n, v) => {
        addTo(sidecars, n, v);
        addTo(result, n, v);
      });
      continue;
    }
    const during = cloneResources(sidecars);
    forEachResource(requestsOf(c), (n, v) => addTo(during, n, v));
    maxInto(result, 'cpu', during.milliCPU);
    maxInto(result, 'memory', during.memory);
    maxInto(result, 'ephemeral-storage', during.ephemeralStorage);
    for (const [k, v] of during.scalar) maxInto(result, k, v);
  }
  forEachResource(pod.spec?.overhead as ResourceList, (n, v) => addTo(result, n, v));
  return result;
}

/** cpu and memory requests with the scoring defaults for containers that request none. */
export function podNonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  const one = (c: Container) => {
    const req = requestsOf(c);
    return {
      milliCPU: req?.cpu !== undefined ? amount('cpu', req.cpu) : DEFAULT_MILLI_CPU_REQUEST,
      memory: req?.memory !== undefined ? amount('memory', req.memory) : DEFAULT_MEMORY_REQUEST,
    };
  };
  let milliCPU = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = one(c);
    milliCPU += r.milliCPU;
    memory += r.memory;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = one(c);
    if (c.restartPolicy === 'Always') {
      milliCPU += r.milliCPU;
      memory += r.memory;
    } else {
      milliCPU = Math.max(milliCPU, r.milliCPU);
      memory = Math.max(memory, r.memory);
    }
  }
  const overhead = pod.spec?.overhead as ResourceList;
  if (overhead?.cpu !== undefined) milliCPU += amount('cpu', overhead.cpu);
  if (overhead?.memory !== undefined) memory += amount('memory', overhead.memory);
  return { milliCPU, memory };
}

/** A node's allocatable resources and how many pods it may hold. */
export function allocatableOf(list: ResourceList): { resources: Resources; pods: number } {
  const resources = emptyResources();
  let pods = 0;
  forEachResource(list, (n, v) => {
    if (n === 'pods') pods = v;
    else addTo(resources, n, v);
  });
  return { resources, pods };
}
