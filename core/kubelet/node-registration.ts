// A kubelet registering with a Node that someone else created (the node manager, kubectl, the
// app). Like the kubelet's tryRegisterWithAPIServer when the Node already exists, it adds the
// labels and annotation it owns where they are missing, then fills in the machine's report
// where the status has none. Other labels, taints and values already set are left as they are,
// so a user's are kept, and so are those of a Node registered complete.
import type { Node, NodeStatus } from 'kubernetes-types/core/v1';
import { isNotFound, type Client } from '../client/client';
import { KUBELET_ANNOTATIONS, kubeletLabels, machineStatus, type Machine } from './machine';

const MACHINE_FIELDS = ['capacity', 'allocatable', 'addresses', 'daemonEndpoints', 'nodeInfo'] as const;

const lacks = (have: Record<string, string> | undefined, want: Record<string, string>) => Object.keys(want).some((k) => have?.[k] === undefined);

/** status with the report's fields where it has none; undefined when it lacks nothing. */
function completed(status: NodeStatus | undefined, report: NodeStatus): NodeStatus | undefined {
  const gaps = MACHINE_FIELDS.filter((f) => status?.[f] === undefined);
  return gaps.length ? { ...status, ...Object.fromEntries(gaps.map((f) => [f, report[f]])) } : undefined;
}

export async function registerNode(client: Client, node: Node, machine: Machine): Promise<void> {
  const name = node.metadata!.name!;
  const labels = kubeletLabels(name, machine);
  const report = machineStatus(name, machine);
  try {
    if (lacks(node.metadata?.labels, labels) || lacks(node.metadata?.annotations, KUBELET_ANNOTATIONS)) {
      await client.update<Node>('', 'nodes', undefined, name, (n) => {
        n.metadata.labels = { ...labels, ...n.metadata.labels };
        n.metadata.annotations = { ...KUBELET_ANNOTATIONS, ...n.metadata.annotations };
      });
    }
    if (completed(node.status, report)) {
      await client.updateStatus<Node>('', 'nodes', undefined, name, (n) => {
        n.status = completed(n.status, report) ?? n.status;
      });
    }
  } catch (e) {
    if (!isNotFound(e)) throw e; // deleted meanwhile: the node manager stops this kubelet
  }
}
