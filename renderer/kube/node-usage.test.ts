import { describe, expect, it } from 'vitest';
import { usageByNode } from './node-usage';

const item = (name: string, usage: Record<string, string>) => ({ metadata: { name }, timestamp: '2026-01-01T00:00:00Z', window: '15s', usage });

describe('usageByNode', () => {
  it('reads each node sample in cores and bytes; a missing resource counts 0', () => {
    const usage = usageByNode({ items: [item('cp1', { cpu: '250m', memory: '1Gi' }), item('wrk1', { cpu: '1500000000n' })] });
    expect([...usage]).toEqual([
      ['cp1', { cpu: 0.25, memory: 2 ** 30 }],
      ['wrk1', { cpu: 1.5, memory: 0 }],
    ]);
  });

  it('is empty for an empty list', () => {
    expect(usageByNode({}).size).toBe(0);
  });
});
