// What every component gets: informers, a clock, clients and event recorders under the
// component's own identity, and the cluster's timings. In process, all of them go through the
// registry (RegistryContext); components are started and stopped by core/cluster.ts.
import type { Registry } from '../registry/registry';
import type { ResourceDef } from '../registry/types';
import { RegistryClient, type Client } from './client';
import type { Clock } from './clock';
import { ClientEventRecorder, type EventRecorder } from './event-recorder';
import { RegistryInformer, type Informer, type InformerFactory, type ResourceHandler } from './informer';

/** Every period is configurable so tests and demos can use seconds (or a manual clock). */
export interface ClusterTimings {
  /** Kubelet Lease renewal (kubelet: 10 s). */
  nodeLeaseRenewMs: number;
  /** Kubelet node status update when nothing changed (kubelet: 5 min; here 1 min). */
  nodeStatusUpdateMs: number;
  /** A node whose Lease is older than this is NotReady/Unknown (node-monitor-grace-period: 40 s). */
  nodeMonitorGracePeriodMs: number;
  /** The tolerationSeconds admission adds for not-ready/unreachable (default-*-toleration-seconds: 300). */
  defaultTolerationSeconds: number;
  /** Container restart backoff: initial and maximum (kubelet: 10 s, 5 min). */
  restartBackoffInitialMs: number;
  restartBackoffMaxMs: number;
  /** How often usage is scraped into metrics.k8s.io and the history (metrics-server --metric-resolution: 15 s). */
  metricsResolutionMs: number;
}

export const DEFAULT_TIMINGS: ClusterTimings = {
  nodeLeaseRenewMs: 10_000,
  nodeStatusUpdateMs: 60_000,
  nodeMonitorGracePeriodMs: 40_000,
  defaultTolerationSeconds: 300,
  restartBackoffInitialMs: 10_000,
  restartBackoffMaxMs: 300_000,
  metricsResolutionMs: 15_000,
};

export interface Controller {
  readonly name: string;
  start(): void | Promise<void>;
  stop(): void;
}

export interface ControllerContext extends InformerFactory {
  readonly clock: Clock;
  readonly timings: ClusterTimings;
  /** A client acting as system:serviceaccount:kube-system:<component> (or a node's identity). */
  client(component: string, username?: string): Client;
  recorder(component: string, host?: string): EventRecorder;
}

export class RegistryContext implements ControllerContext {
  constructor(
    private readonly registry: Registry,
    readonly clock: Clock,
    readonly timings: ClusterTimings,
  ) {}

  client(component: string, username = `system:serviceaccount:kube-system:${component}`): Client {
    return new RegistryClient(this.registry, { username, groups: ['system:masters', 'system:authenticated'] }, component);
  }

  recorder(component: string, host?: string): EventRecorder {
    return new ClientEventRecorder(this.client(component), { component, ...(host ? { host } : {}) }, this.clock);
  }

  informer<T extends object>(group: string, plural: string): Informer<T> {
    return new RegistryInformer<T>(this.registry, group, plural);
  }

  resources(): ResourceDef[] {
    return this.registry.definitions();
  }

  resourceFor(group: string, kind: string): ResourceDef | undefined {
    return this.registry.byKind(group, kind);
  }

  onAnyResource(handler: ResourceHandler): () => void {
    return this.registry.onResourceEvent((def, e) => handler(def, e.type, e.current.object));
  }
}
