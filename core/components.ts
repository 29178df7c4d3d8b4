// Every component of a full cluster beyond the API server, in start order: node agents,
// the scheduler, the controller manager's controllers.
import type { ControllerContext, Controller } from './client/context';
import { NodeManager } from './nodes/node-manager';
import { GarbageCollector } from './controllers/garbage-collector/garbage-collector';
import { ServiceAccountController } from './controllers/serviceaccount/service-accounts';
import { RootCaPublisher } from './controllers/serviceaccount/root-ca-publisher';
import { EndpointsController } from './controllers/endpoints/endpoints-controller';
import { EndpointSliceController } from './controllers/endpoints/endpointslice-controller';
import { ApiServerEndpoints, type ApiServerEndpointsOptions } from './controllers/endpoints/apiserver-endpoints';
import { ResourceQuotaController } from './controllers/resourcequota/resource-quota-controller';
import { DisruptionController } from './controllers/disruption/disruption-controller';
import { JobController } from './controllers/job/job-controller';
import { CronJobController } from './controllers/cronjob/cronjob-controller';
import { TTLAfterFinishedController } from './controllers/ttl-after-finished/ttl-after-finished-controller';
import { ReplicaSetController, ReplicationControllerController } from './controllers/replicaset';
import { DeploymentController } from './controllers/deployment';
import { StatefulSetController } from './controllers/statefulset';
import { DaemonSetController } from './controllers/daemonset';
import { NodeLifecycleController, PodGcController, TaintEvictionController } from './controllers/node-lifecycle';
import { Scheduler } from './scheduler/scheduler';

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
