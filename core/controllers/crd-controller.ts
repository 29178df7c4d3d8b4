// The apiextensions controllers for CustomResourceDefinitions: every CRD is served (its status
// says the names are accepted and it is Established once its resources are), and gets the
// cleanup finalizer; when a CRD is deleted, its custom resources are deleted first, then the
// finalizer goes and the CRD with it.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { CustomResourceServer } from '../apiserver/crd/custom-resource-server';
import type { Kube } from '../machinery/object';
import { metaTime } from '../machinery/meta-time';
import type { Client } from '../client/client';
import type { Controller, ControllerContext } from '../client/context';
import type { Informer } from '../client/informer';
import { WorkQueue } from '../client/work-queue';

export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';
const GROUP = 'apiextensions.k8s.io';
const PLURAL = 'customresourcedefinitions';

type Crd = Kube<CustomResourceDefinition>;

export class CrdController implements Controller {
  readonly name = 'apiextensions-controller';
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly crds: Informer<CustomResourceDefinition>;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly ctx: ControllerContext,
    private readonly server: CustomResourceServer,
  ) {
    this.queue = new WorkQueue(ctx.clock, (name) => this.sync(name));
    // Its writes carry the API server's own field manager, as the real one's do.
    this.client = ctx.client('kube-apiserver', 'system:apiextensions-controller');
    this.crds = ctx.informer<CustomResourceDefinition>(GROUP, PLURAL);
  }

  /** Serves the CRDs already stored before resolving, so a restart serves them at once. */
  async start(): Promise<void> {
    for (const crd of this.crds.list()) await this.sync(crd.metadata.name!);
    const enqueue = (crd: Crd) => this.queue.add(crd.metadata.name!);
    this.unsubscribe.push(this.crds.on({ add: enqueue, update: enqueue, delete: enqueue }, false));
    // The last custom resource of a CRD being deleted lets the CRD go.
    this.unsubscribe.push(
      this.ctx.onAnyResource((def, type) => {
        if (def.custom && type === 'DELETED') this.queue.add(`${def.plural}.${def.group}`);
      }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((f) => f());
    this.queue.stop();
  }

  private async sync(name: string): Promise<void> {
    const crd = this.crds.get(undefined, name);
    if (!crd) return this.server.unserve(name);
    if (crd.metadata.deletionTimestamp) return this.cleanup(crd);
    await this.server.serve(crd);
    if (!crd.metadata.finalizers?.includes(CRD_CLEANUP_FINALIZER)) {
      await this.client.update<CustomResourceDefinition>(GROUP, PLURAL, undefined, name, (c) => {
        if (!c.metadata.finalizers?.includes(CRD_CLEANUP_FINALIZER)) c.metadata.finalizers = [...(c.metadata.finalizers ?? []), CRD_CLEANUP_FINALIZER];
      });
    }
    await this.updateStatus(crd);
  }

  private async updateStatus(crd: Crd): Promise<void> {
    const now = metaTime();
    const names = { ...crd.spec.names, singular: crd.spec.names.singular || crd.spec.names.kind.toLowerCase(), listKind: crd.spec.names.listKind || `${crd.spec.names.kind}List` };
    const storage = crd.spec.versions.find((v) => v.storage)?.name;
    await this.client.updateStatus<CustomResourceDefinition>(GROUP, PLURAL, undefined, crd.metadata.name!, (cur) => {
      const status = { ...(cur.status ?? {}) } as NonNullable<Crd['status']>;
      const keep = (type: string) => status.conditions?.find((x) => x.type === type && x.status === 'True');
      status.acceptedNames = names;
      status.conditions = [
        keep('NamesAccepted') ?? { type: 'NamesAccepted', status: 'True', lastTransitionTime: now, reason: 'NoConflicts', message: 'no conflicts found' },
        keep('Established') ?? { type: 'Established', status: 'True', lastTransitionTime: now, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ];
      status.storedVersions = [...new Set([...(status.storedVersions ?? []), ...(storage ? [storage] : [])])];
      cur.status = status;
    });
  }

  /** Deletes the CRD's custom resources; when none are left, lets the CRD go. */
  private async cleanup(crd: Crd): Promise<void> {
    const name = crd.metadata.name!;
    const resource = this.server.resourceOf(name);
    if (resource) {
      const objects = this.ctx.informer(resource.group, resource.plural);
      for (const o of objects.list()) await this.client.delete(resource.group, resource.plural, o.metadata.namespace, o.metadata.name!);
      // Some have finalizers of their own: their DELETED events bring us back here.
      if (objects.list().length > 0) return;
    }
    this.server.unserve(name);
    await this.client.update<CustomResourceDefinition>(GROUP, PLURAL, undefined, name, (c) => {
      c.metadata.finalizers = (c.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER);
    });
  }
}
