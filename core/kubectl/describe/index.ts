// Which describer kubectl uses for a kind (describerMap), and the generic one for the rest.
import type { ResourceInfo } from '../discovery';
import { describeConfigMap, describePersistentVolumeClaim, describeSecret, describeServiceAccount } from './config';
import type { DescribeContext } from './fetch';
import { genericDescriber } from './generic';
import { describeNamespace } from './namespace';
import { describeIngress, describeService } from './network';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet } from './workloads';

export type Describer = (ctx: DescribeContext, namespace: string, name: string) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'networking.k8s.io/Ingress': describeIngress,
};

export function describerFor(info: ResourceInfo): Describer {
  return DESCRIBERS[`${info.group}/${info.kind}`] ?? genericDescriber(info);
}

export type { DescribeContext } from './fetch';
