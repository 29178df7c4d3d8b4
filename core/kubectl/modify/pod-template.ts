// The pod spec inside an object, where kubectl's UpdatePodSpecForObject finds it: a Pod's own
// spec, a workload's spec.template.spec, a CronJob's spec.jobTemplate.spec.template.spec.
import type { KubeObj } from '../resource-builder';

type Spec = Record<string, unknown>;

const TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The object's pod spec (created empty along the way, as Go's zero values are), or an error naming its Go type. */
export function podSpecOf(obj: KubeObj): Spec {
  const kind = String(obj.kind ?? '');
  const path = TEMPLATE_PATHS[kind];
  if (!path) {
    const version = String(obj.apiVersion ?? '').split('/').pop();
    throw new Error(`the object is not a pod or does not have a pod template: *${version}.${kind}`);
  }
  let node: Spec = obj;
  for (const key of path) node = (node[key] ??= {}) as Spec;
  return node;
}

export interface Container {
  name?: string;
  image?: string;
  [field: string]: unknown;
}

/** A pod spec's init containers and containers, in that order. */
export function containersOf(spec: Spec): { init: Container[]; regular: Container[] } {
  return { init: (spec.initContainers as Container[] | undefined) ?? [], regular: (spec.containers as Container[] | undefined) ?? [] };
}

/** selectString: the container name matches spec, where "*" is kubectl's non-greedy wildcard (quirks kept). */
export function matchesContainer(name: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return name === spec;
  const parts = spec.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part) continue;
    const next = name.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && name.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
