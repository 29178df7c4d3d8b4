import { describe, expect, it } from 'vitest';
import { JsonPath } from './jsonpath';

const data = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { replicas: 3, ratio: 0.5 }, tags: ['p', 'q'] },
    { metadata: { name: 'b' }, spec: { replicas: 1 }, tags: [] },
    { metadata: { name: 'c' }, spec: { replicas: 2, on: true }, tags: ['r'] },
  ],
};

// Outputs and errors as client-go's util/jsonpath gives them (golden cases compare kubectl itself).
describe('kubectl JSONPath templates', () => {
  it.each([
    ['{.kind}', 'List'],
    ['kind={.kind}!', 'kind=List!'],
    ['{.items[*].metadata.name}', 'a b c'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1].metadata.name}', 'c'],
    ['{.items[0:2].metadata.name}', 'a b'],
    ['{.items[::2].metadata.name}', 'a c'],
    ['{.items[1:].metadata.name}', 'b c'],
    ['{.items[0,2].metadata.name}', 'a c'],
    ["{.items[0].metadata['name']}", 'a'],
    ['{.items[*].metadata.labels.app\\.kubernetes\\.io/name}', 'x'],
    ['{range .items[*]}{.metadata.name}:{.spec.replicas}{"\\n"}{end}', 'a:3\nb:1\nc:2\n'],
    ['{.items[?(@.spec.replicas>1)].metadata.name}', 'a c'],
    ['{.items[?(@.spec.replicas<=1)].metadata.name}', 'b'],
    ['{.items[?(@.metadata.name!="a")].metadata.name}', 'b c'],
    ['{.items[?(@.metadata.labels)].metadata.name}', 'a'],
    ['{.items[?(@.spec.on==true)].metadata.name}', 'c'],
    ['{.items[0].spec}', '{"ratio":0.5,"replicas":3}'],
    ['{.items[0].tags}', '["p","q"]'],
    ['{.items[0].spec.ratio}', '0.5'],
    ['{$.items[2].metadata.name}', 'c'],
    ['{..name}', 'a b c'],
    ['{.missing}', ''],
    ["{'lit'} {\"q\\tq\"}", 'lit q\tq'],
  ])('%s', (template, expected) => {
    expect(JsonPath.parse(template, { allowMissingKeys: true }).execute(data)).toBe(expected);
  });

  it('prints jsonpath-as-json results as an indented JSON array per action', () => {
    expect(JsonPath.parse('{.items[*].metadata.name}', { outputJson: true }).execute(data)).toBe('[\n    "a",\n    "b",\n    "c"\n]\n');
  });

  it.each([
    ['{.missing}', 'missing is not found'],
    ['{.items[5]}', 'array index out of bounds: index 5, length 3'],
    ['{.kind[0]}', 'string is not array or slice'],
    ['{.items[?(@.spec.replicas=="1")]}', 'incompatible types for comparison'],
    ['{end}', 'not in range, nothing to end'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.items[::0]}', 'step must be > 0'],
  ])('%s fails at run time: %s', (template, message) => {
    expect(() => JsonPath.parse(template).execute(data)).toThrow(message);
  });

  it.each([
    ['{.kind', 'unclosed action'],
    ['{.items[0}', 'unterminated array'],
    ['{.items[x]}', 'invalid array index x'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{"abc}', 'unterminated quoted string'],
    ['{....a}', 'invalid multiple recursive descent'],
  ])('%s fails to parse: %s', (template, message) => {
    expect(() => JsonPath.parse(template)).toThrow(message);
  });
});
