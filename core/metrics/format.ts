// Usage as metrics-server writes it: CPU as a decimal quantity of nanocores, memory as a binary
// quantity of bytes (resource.Quantity's canonical text, so 250m and 300Mi stay short), and the
// window as a Go duration.
import { formatQuantity } from '../machinery/quantity';
import type { ContainerUsage } from '../runtime/types';

export const cpuQuantity = (millicores: number) => formatQuantity({ unscaled: BigInt(Math.round(millicores)) * 1_000_000n, exp: -9, format: 'DecimalSI' });
export const memoryQuantity = (bytes: number) => formatQuantity({ unscaled: BigInt(Math.round(bytes)), exp: 0, format: 'BinarySI' });

export const usageQuantities = (u: ContainerUsage) => ({ cpu: cpuQuantity(u.cpuMillicores), memory: memoryQuantity(u.memoryBytes) });

/** time.Duration's String() for whole milliseconds: "15s", "1.5s", "1m30s", "250ms". */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toString();
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
