// The node manager: Wheelhouse's simulated machines. On a cluster's first start it registers
// cp1 and the workers; afterwards it runs a kubelet for every Node marked as managed and
// running, whoever created it, and stops it when the Node is deleted or marked stopped. So
// adding, removing, stopping and starting nodes are ordinary API writes (kubectl, the app,
// `wheelhouse node`), with no private protocol. A Node posted with only a name and the mark
// gets its podCIDR here and everything else from its kubelet's registration.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { isNotFound, type Client } from '../client/client';
import type { Controller, ControllerContext } from '../client/context';
import type { Informer } from '../client/informer';
import { WorkQueue } from '../client/work-queue';
import { Kubelet } from '../kubelet/kubelet';
import { DEFAULT_MACHINE, type MachineShape } from '../kubelet/machine';
import { PodSource } from '../kubelet/pod-source';
import { SimulatedRuntime } from '../runtime/simulated';
import type { ContainerRuntime } from '../runtime/types';
import { defaultNodeNames, MANAGED_ANNOTATION, nextNodeIndex, nodeAddressFor, nodeIndexOf, nodeObject, podCidrFor, STATE_ANNOTATION } from './node-object';

export interface NodeManagerOptions {
  /** Nodes to register when the cluster has none: cp1 and nodes-1 workers. */
  nodes: number;
  /** Default: the simulated runtime. */
  runtime?: ContainerRuntime;
  machine?: Partial<MachineShape>;
}

/** Should Wheelhouse run this node's kubelet? */
export function wantsKubelet(node: Node | undefined): boolean {
  const a = node?.metadata?.annotations ?? {};
  return a[MANAGED_ANNOTATION] === 'true' && a[STATE_ANNOTATION] !== 'stopped' && !node?.metadata?.deletionTimestamp;
}

export class NodeManager implements Controller {
  readonly name = 'node-manager';
  private readonly nodes: Informer<Node>;
  private readonly pods: PodSource;
  private readonly runtime: ContainerRuntime;
  private readonly client: Client;
  private readonly machine: MachineShape;
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly queue: WorkQueue;
  /** Above every index handed out: syncs run in parallel, so the informer may not show the latest yet. */
  private nextIndex = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: NodeManagerOptions,
  ) {
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.pods = new PodSource(ctx.informer<Pod>('', 'pods'));
    this.runtime = opts.runtime ?? new SimulatedRuntime({ clock: ctx.clock });
    this.client = ctx.client('node-manager');
    this.machine = { ...DEFAULT_MACHINE, ...opts.machine };
    this.queue = new WorkQueue(ctx.clock, (name) => this.sync(name), 8);
  }

  async start(): Promise<void> {
    if (this.nodes.list().length === 0) await this.registerInitialNodes();
    const enqueue = (n: Node) => this.queue.add(n.metadata!.name!);
    this.unsubscribe = this.nodes.on({ add: enqueue, update: enqueue, delete: enqueue });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue.stop();
    for (const k of this.kubelets.values()) k.stop();
    this.kubelets.clear();
    this.pods.stop();
  }

  /** The kubelet running node name, if any. */
  kubelet(name: string): Kubelet | undefined {
    return this.kubelets.get(name);
  }

  /** The kubelets running now (the metrics scraper reads their stats). */
  runningKubelets(): Iterable<Kubelet> {
    return this.kubelets.values();
  }

  private async registerInitialNodes(): Promise<void> {
    const now = this.ctx.clock.now();
    const names = defaultNodeNames(this.opts.nodes);
    await Promise.all(
      names.map((name, index) =>
        this.client.create<Node>('', 'nodes', undefined, nodeObject({ name, index, controlPlane: index === 0, machine: this.machine, now })),
      ),
    );
  }

  /** The node's machine index, which its podCIDR stands for; for a Node without one, the next free. */
  private machineIndex(node: Node): number {
    const index = nodeIndexOf(node) ?? Math.max(nextNodeIndex(this.nodes.list()), this.nextIndex);
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    return index;
  }

  /** As kube-controller-manager's node IPAM does in a kind cluster (Wheelhouse runs none). */
  private async assignPodCidr(name: string, index: number): Promise<void> {
    const podCIDR = podCidrFor(index);
    try {
      await this.client.update<Node>('', 'nodes', undefined, name, (n) => {
        if (!n.spec?.podCIDR) n.spec = { ...n.spec, podCIDR, podCIDRs: [podCIDR] };
      });
    } catch (e) {
      if (!isNotFound(e)) throw e; // deleted meanwhile: the next sync stops its kubelet
    }
  }

  private async sync(name: string): Promise<void> {
    const node = this.nodes.get(undefined, name);
    const want = wantsKubelet(node);
    const running = this.kubelets.get(name);
    if (want && !running) {
      const index = this.machineIndex(node!);
      const machine = { ...this.machine, address: nodeAddressFor(index) };
      const kubelet = new Kubelet(this.ctx, name, { runtime: this.runtime, pods: this.pods, machine });
      this.kubelets.set(name, kubelet);
      if (!node!.spec?.podCIDR) await this.assignPodCidr(name, index);
      await kubelet.start();
    } else if (!want && running) {
      this.kubelets.delete(name);
      running.stop();
    }
  }
}
