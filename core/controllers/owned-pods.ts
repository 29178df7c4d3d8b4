// Pod event handlers for controllers that own pods through a selector (ReplicaSet-like):
// a pod's changes wake its controller, and an orphan wakes every controller whose selector
// picks it, since that one may adopt it. A pod that changed controller wakes the old one too.
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Kube } from '../machinery/object';
import { labelSelectorMatches } from '../machinery/selectors/label-selector';
import { keyOf, type Handlers, type Informer } from '../client/informer';
import { controllerOf } from './replicaset/controller-ref';

export function ownedPodHandlers<T extends { spec?: { selector?: LabelSelector } }>(
  owners: Informer<T>,
  kind: string,
  enqueue: (key: string) => void,
): Handlers<Kube<Pod>> {
  const forPod = (pod: Kube<Pod>) => {
    const ns = pod.metadata.namespace;
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind === kind && owners.get(ns, ref.name)?.metadata.uid === ref.uid) enqueue(`${ns}/${ref.name}`);
      return;
    }
    for (const o of owners.list(ns)) if (labelSelectorMatches(o.spec?.selector, pod.metadata.labels)) enqueue(keyOf(o));
  };
  return {
    add: forPod,
    update: (pod, old) => {
      forPod(pod);
      if (controllerOf(old)?.uid !== controllerOf(pod)?.uid) forPod(old);
    },
    delete: forPod,
  };
}
