import { describe, expect, it } from 'vitest';
import { eachJsonValue } from './json-stream';
import { decodeYamlDocument, splitDocuments } from './yaml-documents';

const values = (text: string) => {
  const out: unknown[] = [];
  try {
    eachJsonValue(text, (v) => out.push(v));
  } catch (err) {
    out.push((err as Error).message);
  }
  return out;
};

describe('JSON streams as encoding/json decodes them', () => {
  it('reads values one after another', () => {
    expect(values('{"a":1}\n{"b":[true,null]}\n')).toEqual([{ a: 1 }, { b: [true, null] }]);
  });
  it("reports Go's syntax errors with the byte offset after the bad character", () => {
    expect(values('{"a":1,}')).toEqual(['json: offset 8: invalid character \'}\' looking for beginning of object key string']);
    expect(values('{"a" 1}')).toEqual(["json: offset 6: invalid character '1' after object key"]);
    expect(values('{"a":1 "b"}')).toEqual(['json: offset 8: invalid character \'"\' after object key:value pair']);
    expect(values('{"a":tru}')).toEqual(["json: offset 9: invalid character '}' in literal true (expecting 'e')"]);
    expect(values('{"a":1}\n---\n')).toEqual([{ a: 1 }, "json: offset 10: invalid character '-' in numeric literal"]);
  });
  it('ends a truncated value with unexpected EOF', () => {
    expect(values('{"a":')).toEqual(['unexpected EOF']);
  });
});

describe('YAML streams as kubectl splits and decodes them', () => {
  it('splits at --- lines, allowing only a comment after the separator', () => {
    expect(splitDocuments('a: 1\n---\n--- # c\nb: 2\n')).toEqual(['a: 1\n', 'b: 2\n']);
    expect(() => splitDocuments('a: 1\n--- b\n')).toThrow('invalid Yaml document separator: b');
  });
  it('reads YAML 1.1 booleans and keeps timestamps as strings', () => {
    expect(decodeYamlDocument('a: yes\nb: off\nc: 2024-01-02\nd: "yes"\n')).toEqual({ a: true, b: false, c: '2024-01-02', d: 'yes' });
  });
  it('is null for an empty document', () => {
    expect(decodeYamlDocument('# only a comment\n')).toBeNull();
  });
  it("words the usual mistakes as go-yaml does, with go-yaml's line numbers", () => {
    const message = (text: string) => {
      try {
        decodeYamlDocument(text);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(message('a:\n\tb: 1\n')).toBe('error converting YAML to JSON: yaml: line 2: found character that cannot start any token');
    expect(message('a:\n  b: 1\n c: 2\n')).toBe('error converting YAML to JSON: yaml: line 2: did not find expected key');
    expect(message('a:\n  b: c: d\n')).toBe('error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context');
    expect(message('a: "open\n')).toBe('error converting YAML to JSON: yaml: line 2: found unexpected end of stream');
    expect(message('a: [\n')).toBe('error converting YAML to JSON: yaml: line 1: did not find expected node content');
    expect(message('a: [b\n')).toBe("error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
  });
});
