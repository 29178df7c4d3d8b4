// Serves the custom resources of CustomResourceDefinitions, as apiextensions-apiserver's CRD
// handler: every served version of a CRD becomes a resource of the registry (discovery and
// routing follow the registry), with the version's schema for validation, patch and apply.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Registry } from '../../registry/registry';
import type { ResourceDef } from '../../registry/types';
import type { Schemas } from '../schemas';
import { customResourceDef, customResourceSchema } from './custom-resource-def';

export class CustomResourceServer {
  /** Definitions served for each CRD, with the JSON they were built from. */
  private readonly served = new Map<string, { source: string; defs: ResourceDef[] }>();

  constructor(
    private readonly registry: Registry,
    private readonly schemas: Schemas,
  ) {}

  /** Serves crd's versions as its spec says; resolves once their watch caches are filled (then it may report Established). */
  async serve(crd: CustomResourceDefinition): Promise<void> {
    const name = crd.metadata!.name!;
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
    await Promise.all(defs.map((d) => this.registry.register(d)));
  }

  unserve(name: string): void {
    const s = this.served.get(name);
    if (!s) return;
    for (const d of s.defs) {
      this.registry.unregister(d);
      this.schemas.setCustom(d.group, d.version, d.kind, undefined);
    }
    this.served.delete(name);
  }

  /** The resource serving a CRD's objects (its versions share one), if it is served. */
  resourceOf(name: string): ResourceDef | undefined {
    return this.served.get(name)?.defs[0];
  }
}
