// A Service and the pods behind it, as the endpoint controllers' tests seed them: Service "web"
// selecting app=web with port 80 to the named target port "http", and running pods on node wrk1
// whose container names that port 8080.
import type { Pod, PodSpec, PodStatus, Service, ServiceSpec } from 'kubernetes-types/core/v1';

export const NS = 'default';

export function service(spec: Partial<ServiceSpec> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: NS, labels: { tier: 'front' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec },
  };
}

export interface PodOptions {
  labels?: Record<string, string>;
  terminating?: boolean;
  /** Replaces fields of the default spec (node wrk1, one container with port http 8080). */
  spec?: Partial<PodSpec>;
  status?: Partial<PodStatus>;
}

/** A Running pod; an empty ip leaves it without one. */
export function pod(name: string, ip: string, ready: boolean, opts: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: opts.labels ?? { app: 'web' }, ...(opts.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: 'wrk1', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }], ...opts.spec },
    status: {
      phase: 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      ...opts.status,
    },
  };
}
