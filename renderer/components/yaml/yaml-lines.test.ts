import { describe, expect, it } from 'vitest';
import { lineOfPath, parseFieldPath, pathAt } from './yaml-lines';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    a.b/c: "1"
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: side
          image: busybox
        - name: web
          image: nginx
          ports:
          - containerPort: 80
`;

describe('parseFieldPath', () => {
  it.each([
    ['spec.replicas', ['spec', 'replicas']],
    ['spec.template.spec.containers[0].image', ['spec', 'template', 'spec', 'containers', 0, 'image']],
    ['metadata.annotations[a.b/c]', ['metadata', 'annotations', 'a.b/c']],
  ])('%s', (field, want) => expect(parseFieldPath(field)).toEqual(want));
});

describe('lineOfPath', () => {
  it.each([
    ['spec.replicas', 8],
    ['spec.template.spec.containers[0].image', 13],
    ['spec.template.spec.containers[1].image', 15],
    ['spec.template.spec.containers[1]', 14],
    ['spec.template.spec.containers[1].ports[0].containerPort', 17],
    ['metadata.annotations[a.b/c]', 6],
    ['spec.selector', 7], // missing: where it would go, under spec
    ['status.replicas', 1],
  ])('%s is on line %i', (field, line) => expect(lineOfPath(deployment, parseFieldPath(field))).toBe(line));

  it('finds kubectl-style sequences at the key column', () => {
    const text = 'spec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\n';
    expect(lineOfPath(text, parseFieldPath('spec.containers[1].image'))).toBe(6);
  });
});

describe('pathAt', () => {
  const lines = deployment.split('\n');
  it.each([
    [7, 2, ['spec']], // on "replicas: 2"
    [14, 10, ['spec', 'template', 'spec', 'containers', '[]']], // on "image: nginx"
    [13, 10, ['spec', 'template', 'spec', 'containers', '[]']], // on "- name: web"
    [16, 12, ['spec', 'template', 'spec', 'containers', '[]', 'ports', '[]']],
    [3, 2, ['metadata']],
  ])('line %i', (line, col, want) => expect(pathAt(lines, line, col)).toEqual(want));

  it('uses the cursor column on an empty line', () => {
    const text = ['spec:', '  replicas: 1', '  ', 'x'];
    expect(pathAt(text, 2, 2)).toEqual(['spec']);
    expect(pathAt(text, 2, 0)).toEqual([]);
  });
});
