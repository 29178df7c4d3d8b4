// The two kinds one replica controller serves: apps/v1 ReplicaSet and the older core/v1
// ReplicationController (whose selector is a plain label map). Kubernetes runs the same
// controller for both.
import type { ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';

/** The fields both kinds share. */
export interface ReplicaOwner extends KubeObject {
  spec?: { replicas?: number; minReadySeconds?: number; selector?: LabelSelector | Record<string, string>; template?: PodTemplateSpec };
  status?: { replicas?: number; observedGeneration?: number; conditions?: ReplicaSetCondition[] };
}

export interface ReplicaKind {
  group: string;
  plural: string;
  apiVersion: string;
  kind: string;
  /** The controller's name: its events' source and its client's identity. */
  component: string;
  selector(owner: ReplicaOwner): LabelSelector | undefined;
}

export const REPLICA_SET: ReplicaKind = {
  group: 'apps',
  plural: 'replicasets',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (rs) => rs.spec?.selector as LabelSelector | undefined,
};

export const REPLICATION_CONTROLLER: ReplicaKind = {
  group: '',
  plural: 'replicationcontrollers',
  apiVersion: 'v1',
  kind: 'ReplicationController',
  component: 'replication-controller',
  selector: (rc) => ({ matchLabels: { ...(rc.spec?.selector as Record<string, string> | undefined) } }),
};
