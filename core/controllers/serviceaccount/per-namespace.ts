// Controllers that keep one named object in every active namespace (the `default`
// ServiceAccount, the `kube-root-ca.crt` ConfigMap): a namespace is synced when it appears or
// changes, and again when its object is changed or deleted by someone else.
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import type { Controller, ControllerContext } from '../../client/context';
import type { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';

export abstract class PerNamespaceController implements Controller {
  abstract readonly name: string;
  protected readonly namespaces: Informer<Namespace>;
  protected readonly objects: Informer<KubeObject>;
  private readonly queue: WorkQueue;
  private readonly off: Array<() => void> = [];

  constructor(
    protected readonly ctx: ControllerContext,
    plural: string,
    private readonly objectName: string,
  ) {
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns), 4);
    this.namespaces = ctx.informer<Namespace>('', 'namespaces');
    this.objects = ctx.informer<KubeObject>('', plural);
  }

  start(): void {
    const enqueue = (ns: Namespace) => this.queue.add(ns.metadata!.name!);
    const onObject = (o: KubeObject) => {
      if (o.metadata.name === this.objectName && o.metadata.namespace) this.queue.add(o.metadata.namespace);
    };
    this.off.push(this.namespaces.on({ add: enqueue, update: enqueue }), this.objects.on({ update: onObject, delete: onObject }, false));
  }

  stop(): void {
    this.off.forEach((f) => f());
    this.queue.stop();
  }

  /** Writes wanted into namespace ns: create when missing, update when it differs. */
  protected abstract ensure(ns: string, current: KubeObject | undefined): Promise<void>;

  /** What the work queue runs for a namespace's name (tests call it directly). */
  async sync(name: string): Promise<void> {
    const ns = this.namespaces.get(undefined, name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return;
    try {
      await this.ensure(name, this.objects.get(name, this.objectName));
    } catch (e) {
      // The namespace went away or began terminating meanwhile: nothing to keep there.
      if (e instanceof ApiError && (e.code === 404 || e.details?.causes?.some((c) => c.reason === 'NamespaceTerminating'))) return;
      throw e;
    }
  }
}
