// Node health and what follows from it: the node lifecycle controller (conditions, taints),
// taint-based eviction, and the garbage collection of pods no kubelet will finish.
export { NodeLifecycleController, NODE_LEASE_NAMESPACE } from './node-lifecycle-controller';
export { TaintEvictionController } from './taint-eviction-controller';
export { PodGcController, POD_GC_QUARANTINE_MS } from './pod-gc-controller';
