// Serves custom resources: every CustomResourceDefinition's served versions become resources
// of the API server, its status says the names are accepted and it is Established; when a
// CRD is deleted, its custom resources are deleted first, then the cleanup finalizer goes.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Schemas } from '../apiserver/schemas';
import type { Registry } from '../registry/registry';
import type { Kube } from '../machinery/object';
import { ApiError } from '../machinery/status';
import { customResourceDef, customResourceSchema } from '../apiserver/crd/custom-resource-def';
import type { ResourceDef } from '../registry/types';
import type { ResourceStore, UserInfo } from '../registry/generic/resource-store';
import type { Clock } from '../client/clock';
import { WorkQueue } from '../client/work-queue';
import { metaTime } from '../machinery/meta-time';

export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';
const USER: UserInfo = { username: 'system:apiextensions-controller', groups: ['system:masters'] };

type Crd = Kube<CustomResourceDefinition>;

export class CrdController {
  private readonly queue: WorkQueue;
  /** Definitions served for each CRD, with the JSON they were built from. */
  private readonly served = new Map<string, { source: string; defs: ResourceDef[] }>();
  private off?: () => void;
  /** Watch caches being filled for newly served versions. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: Registry,
    private readonly schemas: Schemas,
    clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, (name) => this.sync(name));
  }

  private get crds(): ResourceStore {
    return this.registry.storeFor('apiextensions.k8s.io', 'customresourcedefinitions')!;
  }

  /** Serves the CRDs already stored before resolving, so a restart serves them at once. */
  async start(): Promise<void> {
    for (const c of this.crds.list().items) await this.sync(c.object.metadata.name!);
    this.off = this.registry.onResourceEvent((def, e) => {
      if (def.group === 'apiextensions.k8s.io' && def.plural === 'customresourcedefinitions') this.queue.add(e.current.object.metadata.name!);
      // The last custom resource of a CRD being deleted lets the CRD go.
      else if (def.custom && e.type === 'DELETED') this.queue.add(`${def.plural}.${def.group}`);
    });
  }

  stop(): void {
    this.off?.();
    this.queue.stop();
  }

  private async sync(name: string): Promise<void> {
    const found = this.crds.find(undefined, name);
    const crd = found?.object as Crd | undefined;
    if (!crd) {
      this.unserve(name);
      return;
    }
    if (crd.metadata.deletionTimestamp) {
      await this.cleanup(crd);
      return;
    }
    this.serve(crd);
    if (!crd.metadata.finalizers?.includes(CRD_CLEANUP_FINALIZER)) {
      await this.crds.guaranteedUpdate(undefined, name, (c) => {
        c.metadata.finalizers = [...(c.metadata.finalizers ?? []), CRD_CLEANUP_FINALIZER];
        return c;
      }, { user: USER });
    }
    await this.updateStatus(crd);
  }

  private serve(crd: Crd): void {
    const name = crd.metadata.name!;
    const source = JSON.stringify({ spec: crd.spec });
    if (this.served.get(name)?.source === source) return;
    this.unserve(name);
    const defs: ResourceDef[] = [];
    for (const v of crd.spec.versions.filter((x) => x.served)) {
      const def = customResourceDef(crd, v);
      this.schemas.setCustom(def.group, def.version, def.kind, customResourceSchema(v));
      defs.push(def);
    }
    this.served.set(name, { source, defs });
    // Registration fills each watch cache; it must finish before the CRD reports Established.
    this.pending = Promise.all(defs.map((d) => this.registry.register(d))).then(() => undefined);
  }

  private unserve(name: string): void {
    const s = this.served.get(name);
    if (!s) return;
    for (const d of s.defs) {
      this.registry.unregister(d);
      this.schemas.setCustom(d.group, d.version, d.kind, undefined);
    }
    this.served.delete(name);
  }

  private async updateStatus(crd: Crd): Promise<void> {
    await this.pending;
    const now = metaTime();
    const names = { ...crd.spec.names, singular: crd.spec.names.singular || crd.spec.names.kind.toLowerCase(), listKind: crd.spec.names.listKind || `${crd.spec.names.kind}List` };
    const storage = crd.spec.versions.find((v) => v.storage)?.name;
    await this.crds.guaranteedUpdate(
      undefined,
      crd.metadata.name!,
      (c) => {
        const cur = c as Crd;
        const status = { ...(cur.status ?? {}) } as NonNullable<Crd['status']>;
        const keep = (type: string) => status.conditions?.find((x) => x.type === type && x.status === 'True');
        status.acceptedNames = names;
        status.conditions = [
          keep('NamesAccepted') ?? { type: 'NamesAccepted', status: 'True', lastTransitionTime: now, reason: 'NoConflicts', message: 'no conflicts found' },
          keep('Established') ?? { type: 'Established', status: 'True', lastTransitionTime: now, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
        ];
        status.storedVersions = [...new Set([...(status.storedVersions ?? []), ...(storage ? [storage] : [])])];
        cur.status = status;
        return cur;
      },
      { user: USER, subresource: 'status' },
    );
  }

  /** Deletes the CRD's custom resources; when none are left, lets the CRD go. */
  private async cleanup(crd: Crd): Promise<void> {
    const name = crd.metadata.name!;
    const defs = this.served.get(name)?.defs ?? [];
    const rs = defs.map((d) => this.registry.storeFor(d.group, d.plural)).find((x) => x);
    if (rs) {
      for (const c of rs.list().items) {
        try {
          await rs.delete(c.object.metadata.namespace, c.object.metadata.name!, {}, { user: USER });
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404)) throw e;
        }
      }
      // Some have finalizers of their own: their DELETED events bring us back here.
      if (rs.list().items.length > 0) return;
    }
    this.unserve(name);
    await this.crds.guaranteedUpdate(undefined, name, (c) => {
      c.metadata.finalizers = (c.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER);
      return c;
    }, { user: USER });
  }
}
