import { describe, expect, it } from 'vitest';
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { quotaCells } from './printer';

describe('quotaCells', () => {
  const cases: { name: string; rq: ResourceQuota; expected: [string, string] }[] = [
    { name: 'no status', rq: {}, expected: ['', ''] },
    {
      name: 'requests and limits, sorted, unused as 0',
      rq: {
        status: {
          hard: { pods: '10', 'limits.memory': '2Gi', 'requests.cpu': '1', 'limits.cpu': '2' },
          used: { pods: '3', 'requests.cpu': '250m', 'limits.cpu': '500m' },
        },
      },
      expected: ['pods: 3/10, requests.cpu: 250m/1', 'limits.cpu: 500m/2, limits.memory: 0/2Gi'],
    },
  ];
  it.each(cases)('$name', ({ rq, expected }) => expect(quotaCells(rq)).toEqual(expected));
});
