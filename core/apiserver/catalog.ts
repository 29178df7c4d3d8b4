// Every resource the server serves, by group/version/plural, by kind and by short name. Built-in
// kinds are registered at start; custom resources come and go with their CRDs.
import type { ResourceDef } from '../registry/types';

export interface GroupVersion {
  group: string;
  version: string;
}

export const gvString = (g: string, v: string) => (g ? `${g}/${v}` : v);

export class Catalog {
  private readonly byPath = new Map<string, ResourceDef>();
  private listeners = new Set<() => void>();

  add(def: ResourceDef): void {
    this.byPath.set(this.path(def.group, def.version, def.plural), def);
    this.changed();
  }

  remove(group: string, version: string, plural: string): void {
    if (this.byPath.delete(this.path(group, version, plural))) this.changed();
  }

  lookup(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byPath.get(this.path(group, version, plural));
  }

  byKind(group: string, kind: string): ResourceDef | undefined {
    for (const d of this.byPath.values()) if (d.group === group && d.kind === kind) return d;
    return undefined;
  }

  all(): ResourceDef[] {
    return [...this.byPath.values()];
  }

  /** Groups in the order discovery lists them (core first, then registration order). */
  groups(): Array<{ group: string; versions: string[] }> {
    const out = new Map<string, string[]>();
    for (const d of this.byPath.values()) {
      const vs = out.get(d.group) ?? [];
      if (!vs.includes(d.version)) vs.push(d.version);
      out.set(d.group, vs);
    }
    return [...out].map(([group, versions]) => ({ group, versions }));
  }

  resourcesOf(group: string, version: string): ResourceDef[] {
    return this.all().filter((d) => d.group === group && d.version === version);
  }

  /** Notified when resources are added or removed (discovery caches, OpenAPI). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private path(group: string, version: string, plural: string): string {
    return `${group}/${version}/${plural}`;
  }
}
