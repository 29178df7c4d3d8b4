// A StatefulSet pod's identity (stateful_set_utils.go): name <set>-<ordinal>, the pod-name and
// pod-index labels, hostname and subdomain, one claim <template>-<set>-<ordinal> per
// volumeClaimTemplate mounted as the template's volume, and the revision it was made from.
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { newControllerRef } from '../replicaset/controller-ref';

export type Set = Kube<StatefulSet>;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const ORDINAL = /^(.*)-(\d+)$/;

/** The parent name and ordinal a pod's name encodes; ordinal -1 when it encodes none. */
export function parentAndOrdinal(name: string | undefined): [string, number] {
  const m = ORDINAL.exec(name ?? '');
  if (!m) return ['', -1];
  const n = Number(m[2]);
  return n <= 2 ** 31 - 1 ? [m[1]!, n] : ['', -1];
}

export const ordinalOf = (pod: Pod): number => parentAndOrdinal(pod.metadata?.name)[1];
export const podName = (set: Set, ordinal: number) => `${set.metadata.name}-${ordinal}`;
export const claimName = (set: Set, template: PersistentVolumeClaim, ordinal: number) => `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;
export const startOrdinal = (set: Set) => set.spec?.ordinals?.start ?? 0;
export const replicaCount = (set: Set) => set.spec?.replicas ?? 1;
/** Ordinals [start, start + replicas) are replicas; anything else is condemned. */
export const inOrdinalRange = (set: Set, ordinal: number) => ordinal >= startOrdinal(set) && ordinal < startOrdinal(set) + replicaCount(set);
export const podRevision = (pod: Pod) => pod.metadata?.labels?.[REVISION_LABEL] ?? '';

/** The claims the pod with this ordinal uses, by template name, labelled with the set's selector labels. */
export function claimsFor(set: Set, ordinal: number): Map<string, PersistentVolumeClaim> {
  const claims = new Map<string, PersistentVolumeClaim>();
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const claim = structuredClone(t) as PersistentVolumeClaim & { status?: unknown };
    delete claim.status;
    claim.metadata = {
      ...claim.metadata,
      name: claimName(set, t, ordinal),
      namespace: set.metadata.namespace,
      labels: { ...claim.metadata?.labels, ...set.spec?.selector?.matchLabels },
    };
    claims.set(t.metadata!.name!, claim);
  }
  return claims;
}

export function identityMatches(set: Set, pod: Pod): boolean {
  const [parent, ordinal] = parentAndOrdinal(pod.metadata?.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata?.namespace === set.metadata.namespace &&
    pod.metadata?.labels?.[POD_NAME_LABEL] === pod.metadata?.name
  );
}

export function storageMatches(set: Set, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const [name, claim] of claimsFor(set, ordinal)) {
    if (volumes.get(name)?.persistentVolumeClaim?.claimName !== claim.metadata?.name) return false;
  }
  return true;
}

/** Sets the identity labels and name on pod (updateIdentity). */
export function applyIdentity(set: Set, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  const meta = (pod.metadata ??= {});
  meta.name = podName(set, ordinal);
  meta.namespace = set.metadata.namespace;
  meta.labels = { ...meta.labels, [POD_NAME_LABEL]: meta.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** Claim volumes first (in template order), then the pod's other volumes (updateStorage). */
export function applyStorage(set: Set, pod: Pod): void {
  const claims = claimsFor(set, ordinalOf(pod));
  if (claims.size === 0) return;
  const spec = pod.spec!;
  const volumes: Volume[] = [...claims].map(([name, c]) => ({ name, persistentVolumeClaim: { claimName: c.metadata!.name! } }));
  for (const v of spec.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  spec.volumes = volumes;
}

/** The pod for ordinal from template (GetPodFromTemplate + initIdentity + updateStorage), at revision. */
export function newStatefulSetPod(set: Set, template: PodTemplateSpec, ordinal: number, revision: string): Pod {
  const t = structuredClone(template);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(set, ordinal),
      generateName: `${set.metadata.name}-`,
      namespace: set.metadata.namespace,
      labels: { ...t.metadata?.labels, [REVISION_LABEL]: revision },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
      ownerReferences: [newControllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    spec: { ...t.spec!, hostname: podName(set, ordinal), ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}) },
  };
  applyIdentity(set, pod);
  applyStorage(set, pod);
  return pod;
}
