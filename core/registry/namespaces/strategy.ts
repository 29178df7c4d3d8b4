// Namespace rules (pkg/registry/core/namespace strategy + ValidateNamespace*).
import type { Namespace, NamespaceStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateKubeFinalizerName } from '../validation/object-meta';

type NamespaceObject = Kube<Namespace>;

export const metadataNameLabel = 'kubernetes.io/metadata.name';

const setStatus = (ns: NamespaceObject, status: NamespaceStatus): void => {
  (ns as { status?: NamespaceStatus }).status = status;
};

function validateStatus(ns: NamespaceObject): FieldError[] {
  const phase = ns.status?.phase ?? '';
  if (!ns.metadata.deletionTimestamp) {
    return phase === 'Active' ? [] : [invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty")];
  }
  return phase === 'Terminating' ? [] : [invalid('status.Phase', phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
}

export const strategy: Strategy<NamespaceObject> = {
  defaults(ns) {
    // SetDefaults_Namespace and the strategy's Canonicalize: the name label is always present.
    if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels, [metadataNameLabel]: ns.metadata.name };
    if (ns.status && !ns.status.phase) setStatus(ns, { ...ns.status, phase: 'Active' });
  },
  prepareForCreate(ns) {
    setStatus(ns, { phase: 'Active' });
    // The namespace controller removes "kubernetes" once the namespace is empty.
    const finalizers = ns.spec?.finalizers ?? [];
    if (!finalizers.includes('kubernetes')) ns.spec = { ...ns.spec, finalizers: [...finalizers, 'kubernetes'] };
  },
  prepareForUpdate(ns, old) {
    // spec.finalizers change only through the finalize subresource.
    if (old.spec === undefined) delete ns.spec;
    else ns.spec = old.spec;
  },
  validate: (ns) => [
    ...(ns.spec?.finalizers ?? []).flatMap((f) => validateKubeFinalizerName(f, 'spec.finalizers')),
  ],
  validateStatusUpdate: validateStatus,
};
