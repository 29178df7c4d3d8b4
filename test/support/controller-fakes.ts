// Fakes for controller tests, as client-go's fake clientset, informer factory and FakeRecorder:
// informers seeded with objects per resource, a client that records its actions and applies them
// to those informers (or fails a call when told to), and a recorder that keeps events as lines.
// A test builds a controller on a FakeContext and calls its sync(key) directly.
import type { Kube, KubeObject } from '../../core/machinery/object';
import { alreadyExists, ApiError, notFound } from '../../core/machinery/status';
import { builtInResources } from '../../core/registry/builtin';
import type { ResourceDef } from '../../core/registry/types';
import type { DeleteOptions } from '../../core/registry/generic/resource-store';
import type { Client, WriteSubresource } from '../../core/client/client';
import { ManualClock } from '../../core/client/clock';
import { DEFAULT_TIMINGS, type ControllerContext } from '../../core/client/context';
import type { EventRecorder, EventType as EventKind } from '../../core/client/event-recorder';
import { keyOf, type EventType, type Handlers, type Informer, type InformerFactory, type ResourceHandler } from '../../core/client/informer';

const groupOf = (apiVersion = '') => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

function resourceDef(group: string, plural: string): ResourceDef {
  const def = builtInResources.find((d) => d.group === group && d.plural === plural);
  if (!def) throw new Error(`no built-in resource ${plural}.${group}`);
  return def;
}

export class FakeInformer<T extends object = KubeObject> implements Informer<T> {
  private readonly objects = new Map<string, Kube<T>>();
  private readonly handlers = new Set<Handlers<Kube<T>>>();

  constructor(
    readonly def: ResourceDef,
    private readonly notify: ResourceHandler,
  ) {}

  get group(): string {
    return this.def.group;
  }

  get plural(): string {
    return this.def.plural;
  }

  list(namespace?: string): Kube<T>[] {
    return [...this.objects.values()].filter((o) => !namespace || o.metadata.namespace === namespace);
  }

  get(namespace: string | undefined, name: string): Kube<T> | undefined {
    return this.objects.get(keyOf({ metadata: { namespace, name } }));
  }

  on(handlers: Handlers<Kube<T>>, replay = true): () => void {
    if (replay) for (const o of this.list()) handlers.add?.(o);
    this.handlers.add(handlers);
    return () => this.handlers.delete(handlers);
  }

  /** Adds or replaces obj, as a watch event would, and calls the handlers. */
  set(obj: Kube<T>): void {
    const key = keyOf(obj);
    const old = this.objects.get(key);
    this.objects.set(key, obj);
    this.fire(old ? 'MODIFIED' : 'ADDED', obj, old);
  }

  remove(namespace: string | undefined, name: string): void {
    const key = keyOf({ metadata: { namespace, name } });
    const old = this.objects.get(key);
    if (!old) return;
    this.objects.delete(key);
    this.fire('DELETED', old);
  }

  private fire(type: EventType, obj: Kube<T>, old?: Kube<T>): void {
    for (const h of this.handlers) {
      if (type === 'ADDED') h.add?.(obj);
      else if (type === 'MODIFIED') h.update?.(obj, old!);
      else h.delete?.(obj);
    }
    this.notify(this.def, type, obj as unknown as KubeObject);
  }
}

/** Informers for the built-in resources, created as asked for, and discovery of the built-ins. */
export class FakeInformers implements InformerFactory {
  private readonly informers = new Map<string, FakeInformer<object>>();
  private readonly anyHandlers = new Set<ResourceHandler>();
  private revision = 0;

  informer<T extends object>(group: string, plural: string): FakeInformer<T> {
    const key = `${group}/${plural}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new FakeInformer(resourceDef(group, plural), (def, type, obj) => this.anyHandlers.forEach((h) => h(def, type, obj)));
      this.informers.set(key, inf);
    }
    return inf as unknown as FakeInformer<T>;
  }

  resources(): ResourceDef[] {
    return builtInResources;
  }

  resourceFor(group: string, kind: string): ResourceDef | undefined {
    return builtInResources.find((d) => d.group === group && d.kind === kind);
  }

  onAnyResource(handler: ResourceHandler): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }

  informerOf(obj: KubeObject): FakeInformer<object> {
    const def = this.resourceFor(groupOf(obj.apiVersion), obj.kind ?? '');
    if (!def) throw new Error(`no built-in resource for ${obj.apiVersion} ${obj.kind}`);
    return this.informer(def.group, def.plural);
  }

  /** The next resourceVersion: seeded and written objects share one counter, as etcd's revision. */
  nextVersion(): string {
    return String(++this.revision);
  }

  /** Puts objects in their resources' informers (by apiVersion and kind), with a uid ("uid-<name>") and a resourceVersion unless they have them. */
  seed(...objs: object[]): void {
    for (const o of objs) {
      const obj = structuredClone(o) as KubeObject;
      obj.metadata = { uid: `uid-${obj.metadata?.name}`, ...obj.metadata, resourceVersion: obj.metadata?.resourceVersion ?? this.nextVersion() };
      this.informerOf(obj).set(obj as Kube<object>);
    }
  }
}

export type Verb = 'create' | 'update' | 'update-status' | 'update-finalize' | 'delete' | 'bind';

/** One call of the fake client (client-go's testing.Action). */
export interface Action {
  verb: Verb;
  /** The resource, as plural or plural.group: "pods", "replicasets.apps". */
  resource: string;
  namespace?: string;
  name: string;
  /** What was written: the object created or updated (after mutate). */
  object?: KubeObject;
  options?: DeleteOptions;
}

/** How actions name a resource: plural, or plural.group. */
export const resourceName = (group: string, plural: string) => (group ? `${plural}.${group}` : plural);

/** Records every call and applies it to the informers, as client-go's fake clientset with its object tracker. */
export class FakeClient implements Client {
  readonly actions: Action[] = [];
  private readonly failures: Array<{ verb: Verb; resource: string; error: Error }> = [];
  private names = 0;

  constructor(private readonly informers: FakeInformers) {}

  /** Makes the next call of verb on resource ("pods", "replicasets.apps") fail with error (recorded all the same). */
  failNext(verb: Verb, resource: string, error: Error = new ApiError(500, 'InternalError', `injected ${verb} ${resource} failure`)): void {
    this.failures.push({ verb, resource, error });
  }

  /** The actions as lines: "create pods default/web-1", "update-status replicasets.apps default/web". */
  lines(): string[] {
    return this.actions.map((a) => `${a.verb} ${a.resource} ${keyOf({ metadata: a })}`);
  }

  private record(action: Action): void {
    this.actions.push(action);
    const i = this.failures.findIndex((f) => f.verb === action.verb && f.resource === action.resource);
    if (i >= 0) throw this.failures.splice(i, 1)[0]!.error;
  }

  async create<T extends object>(group: string, plural: string, namespace: string | undefined, obj: T): Promise<Kube<T>> {
    const informer = this.informers.informer<T>(group, plural);
    const o = structuredClone(obj) as unknown as KubeObject;
    const meta = o.metadata;
    const name = meta.name || `${meta.generateName ?? ''}${++this.names}`;
    o.metadata = { ...meta, name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: this.informers.nextVersion() };
    if (informer.def.generation) o.metadata.generation = 1;
    this.record({ verb: 'create', resource: resourceName(group, plural), namespace, name, object: o });
    if (informer.get(namespace, name)) throw alreadyExists(informer.def, name);
    informer.set(o as Kube<T>);
    return structuredClone(o) as Kube<T>;
  }

  async update<T extends object>(
    group: string,
    plural: string,
    namespace: string | undefined,
    name: string,
    mutate: (obj: Kube<T>) => Kube<T> | void,
    subresource?: WriteSubresource,
  ): Promise<Kube<T>> {
    const informer = this.informers.informer<T>(group, plural);
    const current = informer.get(namespace, name);
    const verb: Verb = subresource ? `update-${subresource}` : 'update';
    if (!current) {
      this.record({ verb, resource: resourceName(group, plural), namespace, name });
      throw notFound(informer.def, name);
    }
    const copy = structuredClone(current);
    const next = (mutate(copy) ?? copy) as Kube<T>;
    this.record({ verb, resource: resourceName(group, plural), namespace, name, object: next as unknown as KubeObject });
    next.metadata.resourceVersion = this.informers.nextVersion();
    informer.set(next);
    return structuredClone(next);
  }

  updateStatus<T extends object>(group: string, plural: string, namespace: string | undefined, name: string, mutate: (obj: Kube<T>) => Kube<T> | void) {
    return this.update<T>(group, plural, namespace, name, mutate, 'status');
  }

  async delete(group: string, plural: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<void> {
    this.record({ verb: 'delete', resource: resourceName(group, plural), namespace, name, options: opts });
    this.informers.informer(group, plural).remove(namespace, name);
  }

  async bind(namespace: string | undefined, name: string, node: string): Promise<void> {
    const pods = this.informers.informer<{ spec?: { nodeName?: string } }>('', 'pods');
    this.record({ verb: 'bind', resource: 'pods', namespace, name });
    const pod = pods.get(namespace, name);
    if (!pod) throw notFound(pods.def, name);
    pods.set({ ...pod, spec: { ...pod.spec, nodeName: node }, metadata: { ...pod.metadata, resourceVersion: this.informers.nextVersion() } });
  }
}

/** Events as lines "<type> <reason> <message>" (client-go's FakeRecorder). */
export class FakeRecorder implements EventRecorder {
  readonly events: string[] = [];

  event(_obj: KubeObject, type: EventKind, reason: string, message: string): void {
    this.events.push(`${type} ${reason} ${message}`);
  }
}

/** A ControllerContext on fakes: its own informers, one client and one recorder for every component, a manual clock. */
export class FakeContext extends FakeInformers implements ControllerContext {
  readonly fakeClient = new FakeClient(this);
  readonly fakeRecorder = new FakeRecorder();
  readonly timings = DEFAULT_TIMINGS;

  constructor(readonly clock = new ManualClock()) {
    super();
  }

  client(): Client {
    return this.fakeClient;
  }

  recorder(): EventRecorder {
    return this.fakeRecorder;
  }
}
