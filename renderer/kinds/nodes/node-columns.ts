// The nodes list's client-side columns, which kubectl get nodes lacks and Lens shows: PODS,
// the node's non-terminated pods (kubectl describe node's count: phase not Succeeded or
// Failed) out of its allocatable pods, from a pods Table watch (its NODE cell; no whole pod
// objects held); CPU and MEMORY, bars of the latest metrics.k8s.io sample against allocatable,
// polled while the list is shown; and TAINTS. Allocatable and taints come from the node
// objects the list's own Table rows then carry (includeObject=Object: nodes are few). A second
// watch of the same collection would replace the first in the host's watch relay (one stream
// per path and query).
import type { Node } from 'kubernetes-types/core/v1';
import { METER_FORMAT } from '../../kube/cells';
import { ListWatch } from '../../kube/list-watch';
import { pollNodeUsage, type Usage } from '../../kube/node-usage';
import { rowKey, type TableColumn, type TableRow } from '../../kube/table';
import type { TableExtension } from '../../kube/table-extension';
import { tableSource } from '../../kube/table-source';
import { usageCell } from './node-usage-cell';

const NON_TERMINATED = { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' };

/** Pods per node name, read from each pod row's NODE cell. */
export function countPodsByNode(rows: Iterable<TableRow>, podColumns: TableColumn[]): Map<string, number> {
  const counts = new Map<string, number>();
  const at = podColumns.findIndex((c) => c.name === 'Node');
  if (at < 0) return counts;
  for (const row of rows) {
    const node = row.cells[at];
    if (typeof node === 'string' && node && node !== '<none>') counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/** "3/110": pods on the node out of its allocatable pods (just the count when unknown). */
export function podsCell(count: number, node: Node | undefined): string {
  const allocatable = node?.status?.allocatable?.pods;
  return allocatable ? `${count}/${allocatable}` : String(count);
}

export const NODE_COLUMNS: TableColumn[] = [
  { name: 'Pods', type: 'string', description: 'Non-terminated pods on the node, out of its allocatable pods.' },
  { name: 'CPU', type: 'string', format: METER_FORMAT, description: 'CPU in use (metrics.k8s.io), out of allocatable.' },
  { name: 'Memory', type: 'string', format: METER_FORMAT, description: 'Memory in use (metrics.k8s.io), out of allocatable.' },
  { name: 'Taints', type: 'integer', description: 'Taints on the node (spec.taints).' },
];

export function nodeColumns(): TableExtension {
  let podColumns: TableColumn[] = [];
  let pods: ListWatch<TableRow> | undefined;
  /** Unknown until the pods watch has listed: an empty cell then, not a misleading 0. */
  let counts: Map<string, number> | undefined;
  let usage = new Map<string, Usage>();
  return {
    columns: NODE_COLUMNS,
    query: { includeObject: 'Object' },
    cells(row) {
      const node = row.object as Node | undefined;
      const name = node?.metadata?.name ?? String(row.cells[0]);
      const used = usage.get(name);
      return [counts ? podsCell(counts.get(name) ?? 0, node) : '', usageCell('cpu', used, node), usageCell('memory', used, node), node?.spec?.taints?.length ?? 0];
    },
    start(changed) {
      pods = new ListWatch(tableSource('/api/v1/pods', (c) => (podColumns = c), NON_TERMINATED), rowKey, () => {
        counts = countPodsByNode(pods?.items.values() ?? [], podColumns);
        changed();
      });
      pods.start();
      // No metrics API, or a failing one: the cells stay empty, as for a node not sampled yet.
      const stopUsage = pollNodeUsage((sample) => {
        usage = sample.state === 'ok' ? sample.nodes : new Map();
        changed();
      });
      return () => {
        stopUsage();
        pods?.stop();
      };
    },
  };
}
