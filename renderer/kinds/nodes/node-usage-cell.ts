// A node's CPU or memory use as a meter cell of the nodes list: the latest metrics.k8s.io sample
// against allocatable (what pods can be given), as kubectl top node's percentages and Lens' bars.
import type { Node } from 'kubernetes-types/core/v1';
import type { MeterCell } from '../../kube/cells';
import type { Usage } from '../../kube/node-usage';
import { parseQuantity } from '../../kube/quantity';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Two significant digits below ten ("1.2", "0.25"), whole numbers above. */
function short(n: number): string {
  return String(n >= 10 ? Math.round(n) : Number(n.toPrecision(2)));
}

/** "1.2 / 4 cores", "3.1 / 7.8 GiB": both in the total's unit, so they read as a fraction. */
export function usageReading(resource: keyof Usage, used: number, total: number): string {
  if (resource === 'cpu') return `${short(used)} / ${short(total)} core${total === 1 ? '' : 's'}`;
  let unit = 0;
  while (total >= 1024 ** (unit + 1) && unit < BINARY_UNITS.length - 1) unit++;
  const scale = 1024 ** unit;
  return `${short(used / scale)} / ${short(total / scale)} ${BINARY_UNITS[unit]}`;
}

/** null when there is nothing to show: no sample for the node yet, or no allocatable. */
export function usageCell(resource: keyof Usage, usage: Usage | undefined, node: Node | undefined): MeterCell | null {
  const allocatable = node?.status?.allocatable?.[resource];
  const total = allocatable ? parseQuantity(allocatable) : 0;
  if (!usage || !(total > 0)) return null;
  return { percent: (usage[resource] / total) * 100, reading: usageReading(resource, usage[resource], total) };
}
