import { describe, expect, it } from 'vitest';
import { quotaRows } from './quota-use';

describe('quotaRows', () => {
  it('lists status.hard against status.used by resource, with the share used', () => {
    const rows = quotaRows({ spec: { hard: { pods: '10' } }, status: { hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi' }, used: { pods: '4', 'requests.cpu': '500m', 'requests.memory': '1536Mi' } } });
    expect(rows).toEqual([
      { resource: 'pods', used: '4', hard: '10', percent: 40 },
      { resource: 'requests.cpu', used: '500m', hard: '2', percent: 25 },
      { resource: 'requests.memory', used: '1536Mi', hard: '1Gi', percent: 150 },
    ]);
  });

  it('falls back to spec.hard with nothing used before the quota controller counted', () => {
    expect(quotaRows({ spec: { hard: { 'count/configmaps': '5' } } })).toEqual([{ resource: 'count/configmaps', used: '0', hard: '5', percent: 0 }]);
  });

  it('counts anything used against a hard 0 as full', () => {
    expect(quotaRows({ status: { hard: { services: '0' }, used: { services: '1' } } })[0]?.percent).toBe(100);
  });
});
