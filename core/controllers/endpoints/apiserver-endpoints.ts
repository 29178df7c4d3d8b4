// The API server's own endpoints (kube-apiserver's endpoint reconciler): the `kubernetes`
// Service in default has no selector, so its Endpoints and EndpointSlice point at the API
// server's address and port directly. Put back whenever someone changes or deletes them.
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import { ApiError } from '../../machinery/status';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import { WorkQueue } from '../../client/work-queue';
import { SERVICE_NAME_LABEL } from './endpointslice-controller';

export interface ApiServerEndpointsOptions {
  /** The address clients reach the API server at (127.0.0.1). */
  ip: string;
  port: number;
}

const NAMESPACE = 'default';
const NAME = 'kubernetes';
const DISCOVERY = 'discovery.k8s.io';

export class ApiServerEndpoints implements Controller {
  readonly name = 'apiserver-endpoints';
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private off?: () => void;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly options: ApiServerEndpointsOptions,
  ) {
    this.queue = new WorkQueue(ctx.clock, () => this.sync());
    this.client = ctx.client('kube-apiserver', 'system:apiserver');
  }

  start(): void {
    this.off = this.ctx.onAnyResource((def, _, obj) => {
      const m = obj.metadata;
      if (m.namespace === NAMESPACE && m.name === NAME && (def.plural === 'endpoints' || def.plural === 'endpointslices')) this.queue.add(NAME);
    });
    this.queue.add(NAME);
  }

  stop(): void {
    this.off?.();
    this.queue.stop();
  }

  private wanted(): { endpoints: Endpoints; slice: EndpointSlice } {
    const { ip, port } = this.options;
    return {
      endpoints: {
        metadata: { name: NAME, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
        subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
      },
      slice: {
        metadata: { name: NAME, labels: { [SERVICE_NAME_LABEL]: NAME } },
        addressType: 'IPv4',
        endpoints: [{ addresses: [ip], conditions: { ready: true } }],
        ports: [{ name: 'https', port, protocol: 'TCP' }],
      },
    };
  }

  /** What the work queue runs: it has one key, the kubernetes Service (tests call it directly). */
  async sync(): Promise<void> {
    const { endpoints, slice } = this.wanted();
    await this.ensure('', 'endpoints', endpoints as unknown as KubeObject, ['subsets']);
    await this.ensure(DISCOVERY, 'endpointslices', slice as unknown as KubeObject, ['addressType', 'endpoints', 'ports']);
  }

  /** Creates obj, or brings the given fields and the labels of the stored one back to obj's. */
  private async ensure(group: string, plural: string, obj: KubeObject, fields: string[]): Promise<void> {
    const current = this.ctx.informer<KubeObject>(group, plural).get(NAMESPACE, NAME);
    if (!current) {
      try {
        await this.client.create(group, plural, NAMESPACE, obj);
      } catch (e) {
        if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw e;
      }
      return;
    }
    // Labels someone else added stay (the update merges), so only ours are compared: else every sync would write.
    const ours = Object.entries(obj.metadata.labels ?? {}).every(([k, v]) => current.metadata.labels?.[k] === v);
    const same = ours && fields.every((f) => deepEqual(current[f], obj[f]));
    if (same) return;
    await this.client.update<KubeObject>(group, plural, NAMESPACE, NAME, (o) => {
      for (const f of fields) o[f] = obj[f];
      o.metadata.labels = { ...o.metadata.labels, ...obj.metadata.labels };
    });
  }
}
