import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../machinery/object';
import { decodeStored, encodeForStore } from './stored-object';

const managedFields = [
  { manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2026-11-22T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } },
];

const configMap = (metadata: Record<string, unknown>, rest: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns', ...metadata }, ...rest }) as KubeObject;

describe('encodeForStore', () => {
  it('writes apiVersion, kind and metadata first, managedFields last in metadata and no resourceVersion, whatever the order given', () => {
    const canonical = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'ns', labels: { a: 'b' }, managedFields },
      data: { a: '1' },
    } as unknown as KubeObject;
    const expected = JSON.stringify(canonical);
    expect(encodeForStore(canonical)).toBe(expected);
    const shuffled = {
      data: { a: '1' },
      metadata: { managedFields, resourceVersion: '5', name: 'c', namespace: 'ns', labels: { a: 'b' } },
      kind: 'ConfigMap',
      apiVersion: 'v1',
    } as unknown as KubeObject;
    expect(encodeForStore(shuffled)).toBe(expected);
    const rvOnly = { ...canonical, metadata: { ...canonical.metadata, resourceVersion: '9' } };
    expect(encodeForStore(rvOnly)).toBe(expected);
  });
});

describe('decodeStored', () => {
  it('serves the stored text with the revision spliced in, and the same object parsed', () => {
    const obj = configMap({ uid: 'u', managedFields }, { data: { a: '1' } });
    const { object, json } = decodeStored(encodeForStore(obj), 42);
    const expected = { ...obj, metadata: { ...obj.metadata, resourceVersion: '42' } };
    expect(JSON.parse(json)).toEqual(expected);
    expect(JSON.parse(JSON.stringify(object))).toEqual(expected);
    expect(Object.keys(JSON.parse(json).metadata)[0]).toBe('resourceVersion');
  });

  it('reads managedFields on demand, as a fresh copy each time, and copies carry them as data', () => {
    const { object } = decodeStored(encodeForStore(configMap({ managedFields })), 7);
    expect(object.metadata.managedFields).toEqual(managedFields);
    object.metadata.managedFields![0]!.manager = 'changed';
    expect(object.metadata.managedFields![0]!.manager).toBe('kubectl');
    expect({ ...object.metadata }.managedFields).toEqual(managedFields);
    expect(structuredClone(object).metadata.managedFields).toEqual(managedFields);
    expect(Object.keys(object.metadata)).toContain('managedFields');
    expect(Object.getOwnPropertySymbols({ ...object.metadata })).toEqual([]);
  });

  it('finds managedFields wherever they stand in metadata', () => {
    const first = decodeStored(encodeForStore(configMap({ managedFields, labels: { a: 'b' } })), 1).object;
    const last = decodeStored(encodeForStore(configMap({ labels: { a: 'b' }, finalizers: ['x'], managedFields })), 1).object;
    expect(first.metadata.managedFields).toEqual(managedFields);
    expect(first.metadata.labels).toEqual({ a: 'b' });
    expect(last.metadata.managedFields).toEqual(managedFields);
    expect(last.metadata.finalizers).toEqual(['x']);
  });

  it('leaves alone keys of that name that are not metadata.managedFields', () => {
    const obj = {
      apiVersion: 'stable.example.com/v1',
      kind: 'Thing',
      metadata: { name: 't', labels: { managedFields: 'label' }, annotations: { note: '"managedFields":[1]' } },
      spec: { managedFields: [{ x: 1 }] },
    } as unknown as KubeObject;
    const { object, json } = decodeStored(encodeForStore(obj), 3);
    expect(object.metadata.managedFields).toBeUndefined();
    expect(object).toEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: '3' } });
    expect(JSON.parse(json)).toEqual(object);
  });

  it('decodes text not written by encodeForStore (metadata not among the first members)', () => {
    const text = JSON.stringify({ data: { a: '1' }, spec: {}, status: {}, metadata: { name: 'c', managedFields }, apiVersion: 'v1', kind: 'ConfigMap' });
    const { object, json } = decodeStored(text, 9);
    expect(object.metadata.resourceVersion).toBe('9');
    expect(object.metadata.managedFields).toEqual(managedFields);
    expect(JSON.parse(json)).toEqual(object);
  });
});
