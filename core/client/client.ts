// What components write through (client-go's typed clients, by group and resource): the
// in-process RegistryClient, or a recording fake in controller tests.
import type { Registry } from '../registry/registry';
import type { Kube, KubeObject } from '../machinery/object';
import { wireCopy } from '../machinery/json-value';
import { ApiError } from '../machinery/status';
import { bindPod } from '../registry/pods/binding';
import type { DeleteOptions, ResourceStore, UserInfo, WriteOptions } from '../registry/generic/resource-store';

export type WriteSubresource = 'status' | 'finalize';

export interface Client {
  /** Creates a copy of obj: components keep and reuse the objects they build. */
  create<T extends object>(group: string, plural: string, namespace: string | undefined, obj: T): Promise<Kube<T>>;
  /**
   * Read-modify-write with retries on conflict; mutate gets a private copy of the latest object.
   * A subresource writes only its part: status, or a namespace's spec.finalizers (finalize).
   */
  update<T extends object>(
    group: string,
    plural: string,
    namespace: string | undefined,
    name: string,
    mutate: (obj: Kube<T>) => Kube<T> | void,
    subresource?: WriteSubresource,
  ): Promise<Kube<T>>;
  updateStatus<T extends object>(group: string, plural: string, namespace: string | undefined, name: string, mutate: (obj: Kube<T>) => Kube<T> | void): Promise<Kube<T>>;
  /** Deletes; an object already gone is not an error (the goal is reached). */
  delete(group: string, plural: string, namespace: string | undefined, name: string, opts?: DeleteOptions): Promise<void>;
  /** Binds a pod to a node (pods/binding): no managed fields on the pod, as kube-apiserver's BindingREST. */
  bind(namespace: string | undefined, name: string, node: string): Promise<void>;
}

/**
 * Writes straight to the registry, with the same validation, admission and conflict rules as
 * HTTP requests, under the component's own identity and field manager.
 */
export class RegistryClient implements Client {
  constructor(
    private readonly registry: Registry,
    private readonly user: UserInfo,
    private readonly fieldManager: string,
  ) {}

  private store(group: string, plural: string): ResourceStore {
    const rs = this.registry.storeFor(group, plural);
    if (!rs) throw new Error(`no resource ${plural}.${group}`);
    return rs;
  }

  private options(extra: Partial<WriteOptions> = {}): WriteOptions {
    return { user: this.user, fieldManager: this.fieldManager, ...extra };
  }

  async create<T extends object>(group: string, plural: string, namespace: string | undefined, obj: T): Promise<Kube<T>> {
    const copy = wireCopy(obj) as unknown as KubeObject;
    return (await this.store(group, plural).create(namespace, copy, this.options())) as unknown as Kube<T>;
  }

  async update<T extends object>(
    group: string,
    plural: string,
    namespace: string | undefined,
    name: string,
    mutate: (obj: Kube<T>) => Kube<T> | void,
    subresource?: WriteSubresource,
  ): Promise<Kube<T>> {
    const result = await this.store(group, plural).guaranteedUpdate(
      namespace,
      name,
      (cur) => (mutate(cur as unknown as Kube<T>) ?? cur) as unknown as KubeObject,
      this.options({ subresource }),
    );
    return result as unknown as Kube<T>;
  }

  updateStatus<T extends object>(group: string, plural: string, namespace: string | undefined, name: string, mutate: (obj: Kube<T>) => Kube<T> | void) {
    return this.update<T>(group, plural, namespace, name, mutate, 'status');
  }

  async delete(group: string, plural: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<void> {
    try {
      await this.store(group, plural).delete(namespace, name, opts, this.options());
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  }

  bind(namespace: string | undefined, name: string, node: string): Promise<void> {
    return bindPod(this.store('', 'pods'), namespace, name, { target: { kind: 'Node', name: node } }, this.options());
  }
}

export const isNotFound = (e: unknown) => e instanceof ApiError && e.code === 404;
export const isConflict = (e: unknown) => e instanceof ApiError && e.code === 409;
