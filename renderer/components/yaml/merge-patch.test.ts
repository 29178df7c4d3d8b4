import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from './merge-patch';

describe('merge patch', () => {
  it('carries an edit over to a newer version, keeping the other changes', () => {
    const base = { metadata: { resourceVersion: '1', labels: { a: '1', gone: 'x' } }, spec: { replicas: 1, paused: false, ports: [1, 2] } };
    const edited = { metadata: { resourceVersion: '1', labels: { a: '2' } }, spec: { replicas: 3, paused: false, ports: [1] } };
    const live = { metadata: { resourceVersion: '7', labels: { a: '1', gone: 'x', new: 'y' } }, spec: { replicas: 1, paused: true, ports: [1, 2] } };
    const patch = createMergePatch(base, edited);
    expect(patch).toEqual({ metadata: { labels: { a: '2', gone: null } }, spec: { replicas: 3, ports: [1] } });
    expect(applyMergePatch(live, patch)).toEqual({
      metadata: { resourceVersion: '7', labels: { a: '2', new: 'y' } },
      spec: { replicas: 3, paused: true, ports: [1] },
    });
  });

  it('is empty when nothing changed', () => {
    expect(createMergePatch({ a: { b: [1] } }, { a: { b: [1] } })).toEqual({});
  });
});
