export { ReplicaController, ReplicaSetController, ReplicationControllerController } from './replica-controller';
export { controllerOf, isControlledBy, newControllerRef } from './controller-ref';
export { isPodActive, isPodAvailable, isPodReady } from './pod-state';
