// The Endpoints controller: for every Service with a selector, an Endpoints object of the same
// name listing the matching pods' addresses (ready ones in addresses, the others in
// notReadyAddresses) with the ports the Service reaches on them. Deleted with its Service.
import type { EndpointAddress, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import { splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import type { PodObject, ServiceObject } from './pod-endpoints';
import { derivedLabels, groupByPorts, hasSelector, isPodReady, podIp, selects, shouldBeInEndpoints } from './pod-endpoints';
import { serviceInformers, watchServicesAndPods, type ServiceInformers } from './service-sync';

function address(pod: PodObject, svc: ServiceObject): EndpointAddress {
  const spec = pod.spec ?? { containers: [] };
  return {
    ip: podIp(pod),
    ...(spec.hostname && spec.subdomain === svc.metadata.name ? { hostname: spec.hostname } : {}),
    ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** The subsets of svc: one per distinct set of ports, addresses split by readiness. */
export function endpointSubsets(svc: ServiceObject, pods: PodObject[]): EndpointSubset[] {
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const backing = pods.filter((p) => selects(svc, p) && shouldBeInEndpoints(p, tolerateUnready));
  return groupByPorts(svc, backing).map(({ ports, pods: group }) => {
    const ready = group.filter((p) => tolerateUnready || isPodReady(p)).map((p) => address(p, svc));
    const notReady = group.filter((p) => !tolerateUnready && !isPodReady(p)).map((p) => address(p, svc));
    return {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ...(ports.length ? { ports } : {}),
    };
  });
}

export class EndpointsController implements Controller {
  readonly name = 'endpoints';
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly informers: ServiceInformers;
  private unwatch?: () => void;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 5);
    this.client = ctx.client('endpoint-controller');
    this.informers = serviceInformers(ctx);
  }

  start(): void {
    this.unwatch = watchServicesAndPods(this.informers, (key) => this.queue.add(key));
  }

  stop(): void {
    this.unwatch?.();
    this.queue.stop();
  }

  /** syncService: what the work queue runs for a Service's key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const svc = this.informers.services.get(ns, name) as ServiceObject | undefined;
    const current = this.ctx.informer<Endpoints>('', 'endpoints').get(ns, name);
    if (!svc) {
      // The Service is gone: so are its Endpoints.
      if (current) await this.client.delete('', 'endpoints', ns, name);
      return;
    }
    if (!hasSelector(svc)) return;
    const subsets = endpointSubsets(svc, this.informers.pods.list(ns) as PodObject[]);
    const labels = derivedLabels(svc);
    if (!current) {
      await this.client.create<Endpoints>('', 'endpoints', ns, { metadata: { name, labels }, subsets });
      return;
    }
    if (deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels)) return;
    await this.client.update<Endpoints>('', 'endpoints', ns, name, (ep) => {
      ep.metadata.labels = labels;
      ep.subsets = subsets;
    });
  }
}
