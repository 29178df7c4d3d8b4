import { describe, expect, it } from 'vitest';
import { goJsonMarshal } from './go-json';
import { controllerRevisionName, fnv1_32, hashControllerRevision, safeEncodeString } from './revision-hash';
import { templateOfRevision, templatePatch } from './template-patch';

describe('fnv1_32 (hash/fnv New32)', () => {
  it.each([
    { input: '', want: 0x811c9dc5 },
    { input: 'a', want: 0x050c5d7e },
    { input: 'foobar', want: 0x31f0b262 },
  ])('$input', ({ input, want }) => {
    expect(fnv1_32(Buffer.from(input))).toBe(want);
  });
});

describe('safeEncodeString', () => {
  it('maps each digit onto the consonant-and-digit alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('hashControllerRevision', () => {
  it('hashes the data and then the collision count', () => {
    const withProbe = safeEncodeString(String(fnv1_32(Buffer.from('{}0'))));
    expect(hashControllerRevision('{}', 0)).toBe(withProbe);
    expect(hashControllerRevision('{}', 1)).not.toBe(withProbe);
    expect(hashControllerRevision('{}')).toBe(safeEncodeString(String(fnv1_32(Buffer.from('{}')))));
  });

  it('names revisions <owner>-<hash>, the owner cut to 223 characters', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'h')).toBe(`${'x'.repeat(223)}-h`);
  });
});

describe('goJsonMarshal', () => {
  it.each([
    { name: 'sorts keys at every level', input: { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, want: '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}' },
    { name: 'escapes HTML characters as Go does', input: { s: '<a&b>' }, want: '{"s":"\\u003ca\\u0026b\\u003e"}' },
  ])('$name', ({ input, want }) => {
    expect(goJsonMarshal(input)).toBe(want);
  });
});

describe('templatePatch', () => {
  it('replaces spec.template and carries the null creationTimestamp of the Go struct', () => {
    const patch = templatePatch({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(patch).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"c"}]}}}}',
    );
    expect(templateOfRevision(JSON.parse(patch))).toEqual({
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: { containers: [{ image: 'nginx', name: 'c' }] },
    });
  });
});
