import { describe, expect, it } from 'vitest';
import { PatchError, applyJsonPatch } from './json-patch';
import { REJECTED_MESSAGE } from './patch-error';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web' }, finalizers: ['a', 'b'] },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
};

function thrown(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PatchError) return e;
    throw e;
  }
  throw new Error('expected a PatchError');
}

describe('applyJsonPatch', () => {
  const rows: Array<{ name: string; doc: unknown; patch: unknown; expected: unknown }> = [
    {
      name: 'kubectl rollout undo: replaces the template and the annotations',
      doc: { metadata: { annotations: { a: '1' } }, spec: { template: { metadata: {}, spec: { x: 1 } } } },
      patch: [
        { op: 'replace', path: '/spec/template', value: { spec: { x: 2 } } },
        { op: 'replace', path: '/metadata/annotations', value: { b: '2' } },
      ],
      expected: { metadata: { annotations: { b: '2' } }, spec: { template: { spec: { x: 2 } } } },
    },
    {
      name: 'add sets an object key, escaping ~1 and ~0',
      doc: pod,
      patch: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x~0' }],
      expected: { ...pod, metadata: { ...pod.metadata, labels: { app: 'web', 'app.kubernetes.io/name': 'x~0' } } },
    },
    {
      name: 'add inserts at an index, at the end with -, and counts negative indices from the end',
      doc: { l: ['a', 'b'] },
      patch: [
        { op: 'add', path: '/l/1', value: 'x' },
        { op: 'add', path: '/l/-', value: 'z' },
        { op: 'add', path: '/l/-1', value: 'end' },
      ],
      expected: { l: ['a', 'x', 'b', 'z', 'end'] },
    },
    {
      name: 'remove deletes a key and a list item',
      doc: pod,
      patch: [
        { op: 'remove', path: '/metadata/labels/app' },
        { op: 'remove', path: '/metadata/finalizers/0' },
      ],
      expected: { ...pod, metadata: { ...pod.metadata, labels: {}, finalizers: ['b'] } },
    },
    {
      name: 'replace of a missing object key creates it (json-patch v4, as Kubernetes uses)',
      doc: { spec: {} },
      patch: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
      expected: { spec: { replicas: 3 } },
    },
    {
      name: 'move and copy',
      doc: { a: { x: 1 }, b: {} },
      patch: [
        { op: 'copy', from: '/a/x', path: '/b/y' },
        { op: 'move', from: '/a', path: '/c' },
      ],
      expected: { b: { y: 1 }, c: { x: 1 } },
    },
    {
      name: 'a passing test changes nothing; a test for null passes on a missing key',
      doc: pod,
      patch: [
        { op: 'test', path: '/spec/containers/0', value: { image: 'nginx', name: 'app' } },
        { op: 'test', path: '/metadata/namespace', value: null },
      ],
      expected: pod,
    },
    {
      name: 'replace at the root swaps the whole document',
      doc: { a: 1 },
      patch: [{ op: 'replace', path: '', value: { b: 2 } }],
      expected: { b: 2 },
    },
    { name: 'a null patch is an empty one', doc: pod, patch: null, expected: pod },
  ];

  it.each(rows)('$name', ({ doc, patch, expected }) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it('leaves the input document untouched', () => {
    const doc = structuredClone(pod);
    applyJsonPatch(doc, [{ op: 'remove', path: '/metadata/labels' }]);
    expect(doc).toEqual(pod);
  });

  const badRequests: Array<{ name: string; patch: unknown; message: string }> = [
    {
      name: 'an object instead of a list',
      patch: { op: 'add', path: '/a', value: 1 },
      message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    },
    {
      name: 'an operation that is not an object',
      patch: ['add'],
      message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation',
    },
  ];

  it.each(badRequests)('answers 400 BadRequest for $name', ({ patch, message }) => {
    expect(thrown(() => applyJsonPatch(pod, patch))).toMatchObject({ code: 400, reason: 'BadRequest', message });
  });

  const invalid: Array<{ name: string; patch: unknown[]; detail: string }> = [
    {
      name: 'a failed test',
      patch: [{ op: 'test', path: '/metadata/name', value: 'other' }],
      detail: 'testing value /metadata/name failed: test failed',
    },
    {
      name: 'add under a missing path',
      patch: [{ op: 'add', path: '/spec/foo/bar', value: 1 }],
      detail: 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value',
    },
    {
      name: 'remove of a missing key',
      patch: [{ op: 'remove', path: '/metadata/labels/missing' }],
      detail: "error in remove for path: '/metadata/labels/missing': Unable to remove nonexistent key: missing: missing value",
    },
    {
      name: 'remove past the end of a list',
      patch: [{ op: 'remove', path: '/metadata/finalizers/5' }],
      detail: "error in remove for path: '/metadata/finalizers/5': Unable to access invalid index: 5: invalid index referenced",
    },
    {
      name: 'replace of a missing list index',
      patch: [{ op: 'replace', path: '/spec/containers/3', value: {} }],
      detail: 'replace operation does not apply: doc is missing key: /spec/containers/3: missing value',
    },
    {
      name: 'an unknown op',
      patch: [{ op: 'frobnicate', path: '/a' }],
      detail: 'Unexpected kind: frobnicate',
    },
    {
      name: 'an op without a path',
      patch: [{ op: 'add', value: 1 }],
      detail: 'add operation failed to decode path: missing value',
    },
    {
      name: 'move from a missing path',
      patch: [{ op: 'move', from: '/nope/x', path: '/a' }],
      detail: 'move operation does not apply: doc is missing from path: /nope/x: missing value',
    },
  ];

  it.each(invalid)('answers 422 Invalid for $name, keeping the cause out of the message', ({ patch, detail }) => {
    const err = thrown(() => applyJsonPatch(pod, patch));
    expect(err).toMatchObject({ code: 422, reason: 'Invalid', message: REJECTED_MESSAGE, detail });
  });

  it('applies nothing when a later operation fails', () => {
    const doc = structuredClone(pod);
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/metadata/name', value: 'changed' },
        { op: 'test', path: '/metadata/name', value: 'p' },
      ]),
    ).toThrow(PatchError);
    expect(doc.metadata.name).toBe('p');
  });

  it('refuses a path through __proto__', () => {
    const err = thrown(() => applyJsonPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: true }]));
    expect(err.code).toBe(422);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('answers 413 past 10000 operations', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Pod' }));
    expect(thrown(() => applyJsonPatch(pod, ops))).toMatchObject({
      code: 413,
      message: 'The allowed maximum operations in a JSON patch is 10000, got 10001',
    });
  });
});
