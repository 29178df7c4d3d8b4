import { describe, expect, it } from 'vitest';
import type { TableColumn, TableRow } from '../../kube/table';
import { countPodsByNode, podsCell } from './node-columns';

// The pod Table's columns as the API server sends them (NODE is a wide column, priority 1).
const columns: TableColumn[] = ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'].map((name) => ({ name, type: 'string' }));
const row = (name: string, node: string): TableRow => ({ cells: [name, '1/1', 'Running', 0, '1m', '10.244.1.2', node, '<none>', '<none>'] });

describe('countPodsByNode', () => {
  it('counts pods by their NODE cell, leaving out unscheduled ones', () => {
    const counts = countPodsByNode([row('a', 'wrk1'), row('b', 'wrk1'), row('c', 'wrk2'), row('pending', '<none>')], columns);
    expect([...counts]).toEqual([
      ['wrk1', 2],
      ['wrk2', 1],
    ]);
  });

  it('counts nothing when the server sends no NODE column', () => {
    expect(countPodsByNode([row('a', 'wrk1')], columns.slice(0, 5)).size).toBe(0);
  });
});

describe('podsCell', () => {
  it('shows the count against allocatable pods, or alone when the node is not known yet', () => {
    expect(podsCell(3, { status: { allocatable: { pods: '110' } } })).toBe('3/110');
    expect(podsCell(3, undefined)).toBe('3');
  });
});
