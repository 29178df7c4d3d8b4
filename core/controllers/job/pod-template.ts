// The pods a Job creates: its template with the tracking finalizer and a controller reference,
// named <job>-<random>; in Indexed mode also the completion index (annotation, label and the
// JOB_COMPLETION_INDEX variable) and the hostname <job>-<index>.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Kube } from '../../machinery/object';
import { completionIndexKey } from './indexes';
import { trackingFinalizer } from './pod-state';

const completionIndexEnv = 'JOB_COMPLETION_INDEX';
// generateName bases are cut to this length by the API server.
const maxGeneratedNameLength = 58;

export function controllerRef(job: Kube<Job>): OwnerReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name!, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

function withIndexEnv(c: Container): Container {
  if (c.env?.some((e) => e.name === completionIndexEnv)) return c;
  const fieldPath = `metadata.labels['${completionIndexKey}']`;
  return { ...c, env: [...(c.env ?? []), { name: completionIndexEnv, valueFrom: { fieldRef: { fieldPath } } }] };
}

function indexedGenerateName(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const name = jobName + suffix;
  return name.length > maxGeneratedNameLength ? jobName.slice(0, maxGeneratedNameLength - suffix.length) + suffix : name;
}

export function podForJob(job: Kube<Job>, index?: number): Pod {
  const template = structuredClone(job.spec!.template);
  const meta = template.metadata ?? {};
  const spec = template.spec!;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${job.metadata.name}-`,
      labels: { ...meta.labels },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      finalizers: [...new Set([...(meta.finalizers ?? []), trackingFinalizer])],
      ownerReferences: [controllerRef(job)],
    },
    spec,
  };
  if (index !== undefined) {
    const m = pod.metadata!;
    m.generateName = indexedGenerateName(job.metadata.name!, index);
    m.annotations = { ...m.annotations, [completionIndexKey]: String(index) };
    m.labels = { ...m.labels, [completionIndexKey]: String(index) };
    spec.hostname = `${job.metadata.name}-${index}`;
    spec.containers = spec.containers.map(withIndexEnv);
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(withIndexEnv);
  }
  return pod;
}
