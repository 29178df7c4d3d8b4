// Every component of a full cluster beyond the API server, in start order: node agents,
// the scheduler, the controller manager's controllers.
import type { ControllerContext, Controller } from './context';

export interface ComponentOptions {
  /** Nodes to create when the cluster has none: cp1 and nodes-1 workers. */
  nodes: number;
}

export function clusterComponents(_ctx: ControllerContext, _opts: ComponentOptions): Controller[] {
  return [];
}
