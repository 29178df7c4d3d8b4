// A ResourceQuota's use per resource, as kubectl describe quota lists it (status.hard against
// status.used, sorted by resource), with the share used for a bar. Before the quota
// controller has counted, used is 0 as kubectl shows it.
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../kube/quantity';

export interface QuotaRow {
  resource: string;
  used: string;
  hard: string;
  /** used / hard × 100; 100 when hard is 0 and anything is used. */
  percent: number;
}

function share(used: string, hard: string): number {
  try {
    const u = parseQuantity(used);
    const h = parseQuantity(hard);
    if (h === 0) return u > 0 ? 100 : 0;
    return (u / h) * 100;
  } catch {
    return 0;
  }
}

export function quotaRows(quota: ResourceQuota): QuotaRow[] {
  const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
  const used = quota.status?.used ?? {};
  return Object.keys(hard)
    .sort()
    .map((resource) => {
      const u = used[resource] ?? '0';
      return { resource, used: u, hard: hard[resource]!, percent: share(u, hard[resource]!) };
    });
}
