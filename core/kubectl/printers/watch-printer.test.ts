import { describe, expect, it } from 'vitest';
import { objectWatchPrinter, tableWatchPrinter } from './watch-printer';

const columns = [
  { name: 'Name', type: 'string', format: 'name' },
  { name: 'Data', type: 'integer' },
];
const table = (name: string, data: number, withColumns = true) => ({
  ...(withColumns ? { columnDefinitions: columns } : { columnDefinitions: [] }),
  rows: [{ cells: [name, data], object: { metadata: { name, namespace: 'ns' } } }],
});

describe('tableWatchPrinter', () => {
  it('prints the header once and reads later tables without column definitions with the last ones', () => {
    const p = tableWatchPrinter({});
    p.add(table('a', 1));
    expect(p.flush()).toBe('NAME   DATA\na      1\n');
    p.add(table('b', 2, false));
    expect(p.flush()).toBe('b      2\n');
  });

  it('keeps the widest column a line ever had, across flushes', () => {
    const p = tableWatchPrinter({});
    p.add(table('a', 1));
    p.flush();
    p.add(table('a-much-longer-name', 1, false));
    expect(p.flush()).toBe('a-much-longer-name   1\n');
    p.add(table('a', 2, false));
    expect(p.flush()).toBe('a                    2\n');
  });

  it('puts the padded event type first with --output-watch-events', () => {
    const p = tableWatchPrinter({});
    p.add(table('a', 1), 'ADDED');
    p.add(table('a', 1, false), 'MODIFIED');
    expect(p.flush()).toBe('EVENT      NAME   DATA\nADDED      a      1\nMODIFIED   a      1\n');
  });

  it('prints no header for an empty table, so the first row to come brings it', () => {
    const p = tableWatchPrinter({});
    p.add({ columnDefinitions: columns, rows: [] });
    expect(p.flush()).toBe('');
    p.add(table('a', 1, false));
    expect(p.flush()).toBe('NAME   DATA\na      1\n');
  });
});

describe('objectWatchPrinter', () => {
  const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', managedFields: [{ manager: 'x' }] }, data: { k: '<v>' } };

  it('separates YAML documents after the first and drops managedFields', () => {
    const p = objectWatchPrinter({ output: 'yaml', showManagedFields: false, kind: 'configmap' });
    p.add(cm);
    p.add(cm);
    expect(p.flush()).toBe(`${'apiVersion: v1\ndata:\n  k: <v>\nkind: ConfigMap\nmetadata:\n  name: a\n'}---\n${'apiVersion: v1\ndata:\n  k: <v>\nkind: ConfigMap\nmetadata:\n  name: a\n'}`);
  });

  it('writes events as compact JSON, type first, object whole and sorted, HTML characters escaped', () => {
    const p = objectWatchPrinter({ output: 'json', showManagedFields: false, kind: 'configmap' });
    p.add(cm, 'DELETED');
    expect(p.flush()).toBe(
      '{"type":"DELETED","object":{"apiVersion":"v1","data":{"k":"\\u003cv\\u003e"},"kind":"ConfigMap","metadata":{"managedFields":[{"manager":"x"}],"name":"a"}}}\n',
    );
  });
});
