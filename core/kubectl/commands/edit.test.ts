import { describe, expect, it } from 'vitest';
import { manualStrip, stripComments, validationProblem } from './edit';

describe("kubectl edit's comparison of what was shown with what was saved", () => {
  it('ignores comment lines but keeps #! lines', () => {
    expect(manualStrip('# header\na: 1\n  # indented\n#!keep\n')).toBe('a: 1\n#!keep\n');
  });

  it('compares YAML as data: order, comments and quoting do not count', () => {
    expect(stripComments('# h\nb: 2\na: "1"\n')).toBe(stripComments('a: "1" # same\nb: 2\n'));
    expect(stripComments('a: 1\n')).not.toBe(stripComments('a: "1"\n'));
  });

  it('falls back to the text without comments when it is not YAML', () => {
    expect(stripComments('# h\ndata: [\n')).toBe('data: [\n');
  });
});

describe("kubectl edit's check of a saved file", () => {
  it('wants an object with apiVersion and kind', () => {
    expect(validationProblem('apiVersion: v1\nkind: ConfigMap\n')).toBeUndefined();
    expect(validationProblem('# only a comment\n')).toBe('invalid object to validate');
    expect(validationProblem('apiVersion: v1\n')).toBe('kind not set');
    expect(validationProblem('data: {}\n')).toBe('[apiVersion not set, kind not set]');
  });
});
