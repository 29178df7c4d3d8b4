import { describe, expect, it } from 'vitest';
import { yamlAliasBomb } from '../../../test/support/hostile-bodies';
import { loadYaml } from './yaml-body';

describe('loadYaml', () => {
  it('decodes plain YAML and ordinary aliases', () => {
    expect(loadYaml('a: &x {k: v}\nb: *x\nn: 1\n')).toEqual({ a: { k: 'v' }, b: { k: 'v' }, n: 1 });
  });

  it('gives each alias of a collection its own copy, as go-yaml does', () => {
    const doc = loadYaml('a: &x {k: [1]}\nb: *x\n') as { a: { k: number[] }; b: { k: number[] } };
    doc.a.k.push(2);
    expect(doc.b).toEqual({ k: [1] });
  });

  it('refuses an alias bomb with go-yaml\'s message, without expanding it', () => {
    expect(() => loadYaml(yamlAliasBomb())).toThrow('yaml: document contains excessive aliasing');
  });

  it('allows many aliases when they are a small part of the document, as go-yaml does', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `- {name: n${i}, value: v${i}, other: o${i}}`).join('\n');
    const text = `base: &b {k: v}\nitems:\n${items}\nrefs: [${Array(150).fill('*b').join(',')}]\n`;
    expect((loadYaml(text) as { refs: unknown[] }).refs).toHaveLength(150);
  });

  it('refuses an anchor that contains itself instead of building a cycle', () => {
    expect(() => loadYaml('a: &x [1, *x]\n')).toThrow("yaml: anchor 'x' value contains itself");
  });

  it('refuses more than one document', () => {
    expect(() => loadYaml('a: 1\n---\nb: 2\n')).toThrow('expected a single document');
  });
});
