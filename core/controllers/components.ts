// Every component of a full cluster beyond the API server, in start order: node agents,
// the scheduler, the controller manager's controllers.
import type { ControllerContext, Controller } from '../client/context';
import { NodeManager } from '../nodes/node-manager';
import { GarbageCollector } from './garbage-collector/garbage-collector';
import { ServiceAccountController } from './serviceaccount/service-accounts';
import { RootCaPublisher } from './serviceaccount/root-ca-publisher';
import { EndpointsController } from './endpoints/endpoints-controller';
import { EndpointSliceController } from './endpoints/endpointslice-controller';
import { ApiServerEndpoints, type ApiServerEndpointsOptions } from './endpoints/apiserver-endpoints';
import { ResourceQuotaController } from './resourcequota/resource-quota-controller';
import { DisruptionController } from './disruption/disruption-controller';
import { JobController } from './job/job-controller';
import { CronJobController } from './cronjob/cronjob-controller';
import { TTLAfterFinishedController } from './ttl-after-finished/ttl-after-finished-controller';
import { ReplicaSetController, ReplicationControllerController } from './replicaset';
import { DeploymentController } from './deployment';
import { StatefulSetController } from './statefulset';
import { DaemonSetController } from './daemonset';
import { NodeLifecycleController, PodGcController, TaintEvictionController } from './node-lifecycle';
import { Scheduler } from '../scheduler/scheduler';

export interface ComponentOptions {
  /** Nodes to create when the cluster has none: cp1 and nodes-1 workers. */
  nodes: number;
  /** The cluster CA (PEM), published in every namespace as kube-root-ca.crt. */
  caPem?: string;
  /** Where the API server listens: the `kubernetes` Service's endpoints. */
  apiServer?: ApiServerEndpointsOptions;
}

export function clusterComponents(ctx: ControllerContext, opts: ComponentOptions): Controller[] {
  return [
    new NodeManager(ctx, { nodes: opts.nodes }),
    new Scheduler(ctx),
    new NodeLifecycleController(ctx),
    new TaintEvictionController(ctx),
    new PodGcController(ctx),
    new GarbageCollector(ctx),
    new ServiceAccountController(ctx),
    ...(opts.caPem ? [new RootCaPublisher(ctx, { caPem: opts.caPem })] : []),
    new EndpointsController(ctx),
    new EndpointSliceController(ctx),
    ...(opts.apiServer ? [new ApiServerEndpoints(ctx, opts.apiServer)] : []),
    new ResourceQuotaController(ctx),
    new DisruptionController(ctx),
    new JobController(ctx),
    new CronJobController(ctx),
    new TTLAfterFinishedController(ctx),
    new ReplicaSetController(ctx),
    new ReplicationControllerController(ctx),
    new DeploymentController(ctx),
    new StatefulSetController(ctx),
    new DaemonSetController(ctx),
  ];
}
