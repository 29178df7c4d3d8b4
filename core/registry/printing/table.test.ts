import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../machinery/object';
import type { Printer } from '../types';
import { buildTable, type IncludeObject } from './table';
import { defaultPrinter } from './default-printer';
import { column, nameColumn } from './columns';

const printer: Printer = {
  columns: [nameColumn, column('Extra', 'integer', 'wide only', { priority: 1 })],
  cells: (o) => [o.metadata.name, 7],
};

const obj: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'a', namespace: 'ns', labels: { x: 'y' }, resourceVersion: '12', creationTimestamp: '2024-01-01T00:00:00Z' },
  data: { k: 'v' },
};
const now = new Date('2024-01-02T00:00:00Z');

describe('buildTable', () => {
  it('renders columns with an explicit format and every priority', () => {
    const t = buildTable(printer, [obj], { now, includeObject: 'None' });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.columnDefinitions).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: nameColumn.description, priority: 0 },
      { name: 'Extra', type: 'integer', format: '', description: 'wide only', priority: 1 },
    ]);
    expect(t.rows[0].cells).toEqual(['a', 7]);
  });

  const objects: { include: IncludeObject; expected: unknown }[] = [
    { include: 'None', expected: null },
    { include: 'Object', expected: obj },
    { include: 'Metadata', expected: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata } },
  ];
  it.each(objects)('includeObject=$include', ({ include, expected }) => {
    expect(buildTable(printer, [obj], { now, includeObject: include }).rows[0].object).toEqual(expected);
  });

  it('carries list metadata, or a single object resourceVersion', () => {
    const list = buildTable(printer, [obj, obj], {
      now,
      includeObject: 'Metadata',
      listMeta: { resourceVersion: '99', continue: 'tok', remainingItemCount: 3 },
    });
    expect(list.metadata).toEqual({ resourceVersion: '99', continue: 'tok', remainingItemCount: 3 });
    expect(list.rows).toHaveLength(2);
    expect(buildTable(printer, [obj], { now, includeObject: 'Metadata' }).metadata).toEqual({ resourceVersion: '12' });
    expect(buildTable(printer, [], { now, includeObject: 'Metadata', listMeta: { resourceVersion: '5' } }).rows).toEqual([]);
  });

  it('leaves out column definitions when asked', () => {
    expect(buildTable(printer, [obj], { now, includeObject: 'Metadata', omitHeaders: true }).columnDefinitions).toBeNull();
  });
});

describe('defaultPrinter', () => {
  it('prints NAME and CREATED AT as RFC 3339', () => {
    const p = defaultPrinter();
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
    expect(p.cells({ metadata: { name: 'r', creationTimestamp: '2024-03-04T05:06:07.123Z' } }, now)).toEqual(['r', '2024-03-04T05:06:07Z']);
    expect(p.cells({ metadata: { name: 'r' } }, now)).toEqual(['r', '0001-01-01T00:00:00Z']);
  });
});
