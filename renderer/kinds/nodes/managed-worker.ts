// A running worker Wheelhouse manages: its presence tells the Nodes list that Wheelhouse runs
// this cluster's machines (so Add node applies), and its capacity is what a node added now
// gets, since the node manager gives every machine it runs the same shape.
import type { Node } from 'kubernetes-types/core/v1';
import { MANAGED_ANNOTATION } from './node-writes';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const ready = (node: Node) => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** undefined on clusters Wheelhouse does not run. */
export function managedWorker(nodes: Node[]): Node | undefined {
  return nodes.find(
    (n) =>
      n.metadata?.annotations?.[MANAGED_ANNOTATION] === 'true' &&
      !(CONTROL_PLANE_LABEL in (n.metadata?.labels ?? {})) &&
      !n.metadata?.deletionTimestamp &&
      n.status?.capacity !== undefined &&
      ready(n),
  );
}
