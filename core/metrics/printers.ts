// `kubectl get podmetrics|nodemetrics` columns: metrics-server's table (Name, cpu, memory,
// Window, a pod's containers summed); the history kinds show their latest point.
import type { KubeObject } from '../machinery/object';
import type { Printer } from '../registry/types';
import { column, nameColumn } from '../registry/printing/columns';
import { quantityToMilli, quantityToNumber } from '../machinery/quantity';
import { cpuQuantity, memoryQuantity } from './format';
import type { UsagePoint } from './history';

interface Usage {
  cpu: string;
  memory: string;
}

const usageColumns = [
  column('cpu', 'string', '', { format: 'quantity' }),
  column('memory', 'string', '', { format: 'quantity' }),
  column('Window', 'string', '', { format: 'duration' }),
];

function sum(usages: Usage[]): Usage {
  const milli = usages.reduce((n, u) => n + quantityToMilli(u.cpu), 0);
  const bytes = usages.reduce((n, u) => n + quantityToNumber(u.memory), 0);
  return { cpu: cpuQuantity(milli), memory: memoryQuantity(bytes) };
}

export const nodeMetricsPrinter: Printer = {
  columns: [nameColumn, ...usageColumns],
  cells: (obj) => {
    const o = obj as KubeObject & { usage: Usage; window: string };
    return [o.metadata.name, o.usage.cpu, o.usage.memory, o.window];
  },
};

export const podMetricsPrinter: Printer = {
  columns: [nameColumn, ...usageColumns],
  cells: (obj) => {
    const o = obj as KubeObject & { containers: Array<{ usage: Usage }>; window: string };
    const total = sum(o.containers.map((c) => c.usage));
    return [o.metadata.name, total.cpu, total.memory, o.window];
  },
};

export const historyPrinter: Printer = {
  columns: [
    nameColumn,
    column('cpu', 'string', 'CPU at the latest point.', { format: 'quantity' }),
    column('memory', 'string', 'Memory at the latest point.', { format: 'quantity' }),
    column('Points', 'integer', 'Points in the history.'),
    column('Window', 'string', 'Interval between points.', { format: 'duration' }),
  ],
  cells: (obj) => {
    const o = obj as KubeObject & { points: UsagePoint[]; window: string };
    const last = o.points.at(-1);
    return [o.metadata.name, last ? cpuQuantity(last.cpu) : '', last ? memoryQuantity(last.memory) : '', o.points.length, o.window];
  },
};
