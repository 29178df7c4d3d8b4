import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from './merge-patch';
import { PatchError } from './patch-error';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
  spec: {
    replicas: 1,
    template: { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } },
  },
};

describe('applyMergePatch', () => {
  const rows: Array<{ name: string; doc: unknown; patch: unknown; expected: unknown }> = [
    {
      name: 'kubectl scale: sets a nested scalar and keeps the rest',
      doc: deployment,
      patch: { spec: { replicas: 3 } },
      expected: { ...deployment, spec: { ...deployment.spec, replicas: 3 } },
    },
    {
      name: 'null deletes a key, other keys merge',
      doc: { metadata: { labels: { app: 'web', tier: 'front' } } },
      patch: { metadata: { labels: { tier: null, env: 'prod' } } },
      expected: { metadata: { labels: { app: 'web', env: 'prod' } } },
    },
    {
      name: 'null for a key the document lacks changes nothing',
      doc: { a: 1 },
      patch: { b: null },
      expected: { a: 1 },
    },
    {
      name: 'lists are replaced whole, even lists of objects',
      doc: deployment.spec.template,
      patch: { spec: { containers: [{ name: 'other', image: 'busybox' }] } },
      expected: { spec: { containers: [{ name: 'other', image: 'busybox' }] } },
    },
    {
      name: 'a scalar replaces an object and an object replaces a scalar',
      doc: { a: { b: 1 }, c: 'x' },
      patch: { a: 'flat', c: { d: 1 } },
      expected: { a: 'flat', c: { d: 1 } },
    },
    {
      name: 'nulls inside a new object are dropped',
      doc: {},
      patch: { spec: { a: 1, b: null, c: { d: null } } },
      expected: { spec: { a: 1, c: {} } },
    },
    {
      name: 'nulls inside objects inside a replacing list are dropped (as evanphx/json-patch does)',
      doc: { list: [1] },
      patch: { list: [{ a: null, b: 2 }, null] },
      expected: { list: [{ b: 2 }, null] },
    },
    {
      name: 'an empty patch changes nothing',
      doc: deployment,
      patch: {},
      expected: deployment,
    },
    {
      name: 'a list patch replaces the whole document',
      doc: { a: 1 },
      patch: [{ a: null, b: 1 }],
      expected: [{ b: 1 }],
    },
    {
      name: 'a document that is not an object becomes the patch',
      doc: 'scalar',
      patch: { a: 1, b: null },
      expected: { a: 1 },
    },
  ];

  it.each(rows)('$name', ({ doc, patch, expected }) => {
    expect(applyMergePatch(doc, patch)).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['a number', 3],
  ])('rejects %s as a patch with 400 Invalid JSON Patch', (_name, patch) => {
    const err = (() => {
      try {
        applyMergePatch({ a: 1 }, patch);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PatchError);
    expect(err).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
  });

  it('leaves its inputs untouched', () => {
    const doc = structuredClone(deployment);
    const patch = { metadata: { labels: { app: null } }, spec: { replicas: 2 } };
    const patchCopy = structuredClone(patch);
    applyMergePatch(doc, patch);
    expect(doc).toEqual(deployment);
    expect(patch).toEqual(patchCopy);
  });

  it('keeps a __proto__ key as an ordinary key, never as a prototype', () => {
    const result = applyMergePatch({ data: { a: 'x' } }, JSON.parse('{"__proto__": {"polluted": true}, "data": {"__proto__": "v"}}')) as Record<string, unknown>;
    expect(JSON.stringify(result)).toBe('{"data":{"a":"x","__proto__":"v"},"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    // Merging into a map that has no own __proto__ must not merge into Object.prototype.
    applyMergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const removed = applyMergePatch(result, JSON.parse('{"data": {"__proto__": null}}')) as { data: object };
    expect(JSON.stringify(removed.data)).toBe('{"a":"x"}');
  });
});

describe('createMergePatch', () => {
  const rows: Array<{ name: string; original: unknown; modified: unknown; expected: unknown }> = [
    { name: 'equal documents give an empty patch', original: deployment, modified: structuredClone(deployment), expected: {} },
    {
      name: 'changed and added keys carry their new values',
      original: { a: 1, b: { c: 1 } },
      modified: { a: 2, b: { c: 1, d: 2 } },
      expected: { a: 2, b: { d: 2 } },
    },
    {
      name: 'removed keys become null',
      original: { metadata: { labels: { app: 'web', tier: 'front' } } },
      modified: { metadata: { labels: { app: 'web' } } },
      expected: { metadata: { labels: { tier: null } } },
    },
    {
      name: 'a changed list is sent whole',
      original: { l: [1, 2, 3] },
      modified: { l: [1, 3] },
      expected: { l: [1, 3] },
    },
    {
      name: 'a type change sends the new value',
      original: { a: { b: 1 } },
      modified: { a: [1] },
      expected: { a: [1] },
    },
  ];

  it.each(rows)('$name', ({ original, modified, expected }) => {
    const patch = createMergePatch(original, modified);
    expect(patch).toEqual(expected);
    expect(applyMergePatch(original, patch)).toEqual(modified);
  });
});
