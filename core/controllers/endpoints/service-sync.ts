// The event wiring both endpoint controllers share: a Service is synced when it changes, and
// whenever a pod its selector matches (before or after the change) comes, changes or goes.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../../client/context';
import { keyOf } from '../../client/informer';
import type { Informer } from '../../client/informer';
import type { ServiceObject } from './pod-endpoints';
import { selects } from './pod-endpoints';

export interface ServiceInformers {
  services: Informer<Service>;
  pods: Informer<Pod>;
}

export const serviceInformers = (ctx: ControllerContext): ServiceInformers => ({
  services: ctx.informer<Service>('', 'services'),
  pods: ctx.informer<Pod>('', 'pods'),
});

/** Subscribes; returns the unsubscribe. */
export function watchServicesAndPods({ services, pods }: ServiceInformers, enqueue: (serviceKey: string) => void): () => void {
  const forPod = (...versions: Pod[]) => {
    const ns = versions[0]!.metadata?.namespace;
    for (const svc of services.list(ns) as ServiceObject[]) if (versions.some((p) => selects(svc, p))) enqueue(keyOf(svc));
  };
  const svcKey = (s: Service) => enqueue(keyOf(s));
  const offs = [
    services.on({ add: svcKey, update: svcKey, delete: svcKey }),
    pods.on({ add: (p) => forPod(p), update: (p, old) => forPod(p, old), delete: (p) => forPod(p) }, false),
  ];
  return () => offs.forEach((f) => f());
}
