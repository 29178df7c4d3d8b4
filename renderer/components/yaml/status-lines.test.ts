import { describe, expect, it } from 'vitest';
import { statusLineErrors } from './status-lines';
import { parseDocuments, splitDocuments } from './yaml-documents';

const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "x"
  foo: 1
  template:
    spec:
      containers:
      - name: web
        image: ""
`;

describe('statusLineErrors', () => {
  const doc = splitDocuments(text)[1]!;

  it('puts each cause at its field', () => {
    const causes = [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' }];
    expect(statusLineErrors(doc, 'Deployment.apps "web" is invalid', causes)).toEqual([
      { line: 17, message: 'spec.template.spec.containers[0].image: Required value' },
    ]);
  });

  it.each([
    ['json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32', 11],
    ['strict decoding error: unknown field "spec.foo"', 12],
    ['something else', 6],
  ])('reads the field of %s', (message, line) => {
    expect(statusLineErrors(doc, message)).toEqual([{ line, message }]);
  });
});

describe('parseDocuments', () => {
  it('reads each document and reports YAML errors at the line of the whole text', () => {
    const { docs, errors } = parseDocuments('a: 1\n---\nb: [1\nc: 2\n---\n- x\n');
    expect(docs.map((d) => d.object)).toEqual([{ a: 1 }]);
    expect(errors.map((e) => e.line)).toEqual([4, 6]);
    expect(errors[0]!.message).toMatch(/^YAML: /);
  });
});
