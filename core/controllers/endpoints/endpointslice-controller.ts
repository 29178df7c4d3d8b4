// The EndpointSlice controller: for every Service with a selector, EndpointSlices (owned by the
// Service, labelled with its name and this controller as manager) listing every matching pod
// with an IP, terminating ones included, with ready/serving/terminating conditions. Pods
// reaching different ports go to different slices; a slice holds at most 100 endpoints.
import type { EndpointPort, Node } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Kube } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { Informer } from '../../client/informer';
import { splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import type { PodObject, ServiceObject } from './pod-endpoints';
import { derivedLabels, groupByPorts, hasSelector, isPodReady, podIp, selects, shouldBeInEndpoints } from './pod-endpoints';
import { serviceInformers, watchServicesAndPods, type ServiceInformers } from './service-sync';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS_PER_SLICE = 100;
const DISCOVERY = 'discovery.k8s.io';

type SliceObject = Kube<EndpointSlice>;

/** The wanted contents of one slice. */
interface WantedSlice {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

function endpointFor(pod: PodObject, svc: ServiceObject, zoneOf: (node: string) => string | undefined): Endpoint {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const terminating = !!pod.metadata.deletionTimestamp;
  // Serving is the pod's own readiness (podToEndpoint); publishNotReadyAddresses overrides only ready.
  const serving = isPodReady(pod);
  const spec = pod.spec ?? { containers: [] };
  const zone = spec.nodeName ? zoneOf(spec.nodeName) : undefined;
  return {
    addresses: [podIp(pod)],
    // A terminating pod is never "ready", unless the Service publishes not-ready addresses.
    conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
    ...(spec.hostname && spec.subdomain === svc.metadata.name ? { hostname: spec.hostname } : {}),
    ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ...(zone ? { zone } : {}),
  };
}

/** The slices svc should have: per distinct port set, chunks of at most 100 endpoints. */
export function wantedSlices(svc: ServiceObject, pods: PodObject[], zoneOf: (node: string) => string | undefined = () => undefined): WantedSlice[] {
  const backing = pods.filter((p) => selects(svc, p) && shouldBeInEndpoints(p, true));
  const out: WantedSlice[] = [];
  for (const { ports, pods: group } of groupByPorts(svc, backing)) {
    const endpoints = group.map((p) => endpointFor(p, svc, zoneOf));
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports, endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  // A Service backed by nothing keeps one empty placeholder slice, as the real controller does.
  if (out.length === 0) out.push({ ports: [], endpoints: [] });
  return out;
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice';
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly slices: Informer<EndpointSlice>;
  private readonly nodes: Informer<Node>;
  private readonly informers: ServiceInformers;
  private unwatch?: () => void;
  private offSlices?: () => void;

  constructor(ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 5);
    this.client = ctx.client('endpointslice-controller');
    this.informers = serviceInformers(ctx);
    this.slices = ctx.informer<EndpointSlice>(DISCOVERY, 'endpointslices');
    this.nodes = ctx.informer<Node>('', 'nodes');
  }

  start(): void {
    this.unwatch = watchServicesAndPods(this.informers, (key) => this.queue.add(key));
    // Someone else touching a slice we manage: put it back.
    const onSlice = (s: SliceObject) => {
      const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME) this.queue.add(`${s.metadata.namespace}/${svc}`);
    };
    this.offSlices = this.slices.on({ update: onSlice, delete: onSlice }, false);
  }

  stop(): void {
    this.unwatch?.();
    this.offSlices?.();
    this.queue.stop();
  }

  private managedSlices(ns: string | undefined, service: string): SliceObject[] {
    return this.slices
      .list(ns)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME);
  }

  /** syncService: what the work queue runs for a Service's key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const svc = this.informers.services.get(ns, name) as ServiceObject | undefined;
    const existing = this.managedSlices(ns, name);
    // A deleted Service's slices go with it (the garbage collector also would, by ownerReferences).
    if (!svc || svc.metadata.deletionTimestamp || !hasSelector(svc)) {
      for (const s of existing) await this.client.delete(DISCOVERY, 'endpointslices', ns, s.metadata.name!);
      return;
    }
    const zoneOf = (node: string) => this.nodes.get(undefined, node)?.metadata.labels?.['topology.kubernetes.io/zone'];
    const wanted = wantedSlices(svc, this.informers.pods.list(ns) as PodObject[], zoneOf);
    const labels = { ...derivedLabels(svc), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: CONTROLLER_NAME };
    const unused = [...existing];
    for (const w of wanted) {
      // Reuse a slice with the same ports (keeps names stable), else any leftover, else create one.
      const i = Math.max(0, unused.findIndex((s) => deepEqual(s.ports ?? [], w.ports)));
      const slice = unused.splice(i, 1)[0];
      if (!slice) {
        await this.client.create<EndpointSlice>(DISCOVERY, 'endpointslices', ns, {
          metadata: {
            generateName: `${name}-`,
            labels,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          addressType: 'IPv4',
          endpoints: w.endpoints,
          ports: w.ports,
        });
        continue;
      }
      if (deepEqual(slice.endpoints ?? [], w.endpoints) && deepEqual(slice.ports ?? [], w.ports) && deepEqual(slice.metadata.labels ?? {}, labels)) continue;
      await this.client.update<EndpointSlice>(DISCOVERY, 'endpointslices', ns, slice.metadata.name!, (s) => {
        s.metadata.labels = labels;
        s.endpoints = w.endpoints;
        s.ports = w.ports;
      });
    }
    for (const s of unused) await this.client.delete(DISCOVERY, 'endpointslices', ns, s.metadata.name!);
  }
}
