// kubectl create -f and replace -f (--force, --save-config), and the -f reader they share with
// apply and delete: files, directories, -R, stdin, YAML and JSON streams, kind: List, empty
// documents, and the errors for what cannot be read.
import type { GoldenCase } from './case';

const CM = (name: string, data = 'k: v') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const JSON_CM = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } });
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
`;
const cms = (...names: string[]): string[][] => names.map((n) => ['create', 'configmap', n, '--from-literal=k=v']);
const TREE = { 'a.yaml': CM('a'), 'b.yml': CM('b'), 'c.json': JSON_CM('c'), 'notes.md': '# not a manifest\n' };

export const cases: GoldenCase[] = [
  { args: ['create', '-f', '$DIR/a.yaml'], isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR'], title: 'kubectl create -f DIR (.yaml, .yml and .json only, in name order)', isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR/notes.md'], title: 'kubectl create -f a file named explicitly, whatever its extension', isolated: true, files: { 'notes.md': CM('a') } },
  { args: ['create', '-f', '$DIR/a.yaml', '-f', '$DIR/c.json', '-o', 'name'], isolated: true, files: TREE },
  { args: ['create', '--filename=$DIR/a.yaml,$DIR/b.yml'], isolated: true, files: TREE },
  { args: ['create', '-f', '-'], isolated: true, input: `${CM('a')}---\n${CM('b')}` },
  { args: ['create', '-f', '-'], title: 'kubectl create -f - (a JSON stream)', isolated: true, input: `${JSON_CM('a')}\n${JSON_CM('b')}\n` },
  { args: ['create', '-f', '$DIR/a.yaml'], title: 'kubectl create -f (already exists)', isolated: true, files: TREE, setup: cms('a') },
  { args: ['create', '-f', '$DIR/a.yaml', '--save-config', '-o', 'yaml'], isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR/a.yaml', '--dry-run=client', '-o', 'yaml'], isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR/a.yaml', '--dry-run=server'], isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR/pod.yaml', '-o', 'jsonpath={.spec.containers[0].image}'], isolated: true, files: { 'pod.yaml': POD } },
  { args: ['create', '-f', '$DIR/deep', '-R'], isolated: true, files: { 'a.yaml': CM('a') }, setup: [['create', 'configmap', 'unused']], title: 'kubectl create -f DIR -R (no such directory)' },
  { args: ['create', '-f', '$DIR/list.json'], isolated: true, files: { 'list.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(JSON_CM('a')), JSON.parse(JSON_CM('b'))] }) } },
  { args: ['create', '-f', '$DIR/docs.yaml'], title: 'kubectl create -f (empty documents and comments between)', isolated: true, files: { 'docs.yaml': `---\n# first\n${CM('a')}---\n---\n# nothing here\n---\n${CM('b')}...\n` } },
  { args: ['create', '-f', '$DIR/docs.yaml'], title: 'kubectl create -f (one good, one bad document)', isolated: true, files: { 'docs.yaml': `${CM('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [b\n` } },
  { args: ['create', '-f', '$DIR/mixed.yaml'], isolated: true, files: { 'mixed.yaml': `${CM('a')}---\napiVersion: v1\nkind: Gizmo\nmetadata:\n  name: g\n---\n${CM('b')}` }, setup: cms('b') },
  { args: ['create', '-f', '$DIR/invalid.yaml'], isolated: true, files: { 'invalid.yaml': CM('Bad_Name') } },
  { args: ['create', '-f', '$DIR/unknown.yaml'], isolated: true, files: { 'unknown.yaml': `${CM('a')}spec:\n  x: 1\n` } },
  { args: ['create', '-f', '$DIR/unknown.yaml', '--validate=false'], isolated: true, files: { 'unknown.yaml': `${CM('a')}spec:\n  x: 1\n` } },
  { args: ['create', '-f', '$DIR/gen.yaml', '-o', 'name'], isolated: true, files: { 'gen.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n' } },
  { args: ['create', '-f', '$DIR/a.yaml', '-l', 'x=y'], title: 'kubectl create -f -l (nothing matches)', isolated: true, files: TREE },
  { args: ['create', '-f', '$DIR/empty.yaml'], files: { 'empty.yaml': '' } },
  { args: ['create', '-f', '$DIR/missing.yaml'] },
  { args: ['create', '-f', '$DIR/a.yaml', 'extra'], files: TREE },
  { args: ['create'] },
  { args: ['create', '-f', '$DIR/other.yaml', '--namespace=default'], files: { 'other.yaml': `${CM('a').replace('  name: a\n', '  name: a\n  namespace: kube-public\n')}` } },
  { args: ['replace', '-f', '$DIR/a.yaml'], isolated: true, files: { 'a.yaml': CM('a', 'k: replaced') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml', '-o', 'yaml'], isolated: true, files: { 'a.yaml': CM('a', 'k: replaced') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml', '--save-config', '-o', 'yaml'], isolated: true, files: { 'a.yaml': CM('a', 'k: replaced') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml'], title: 'kubectl replace -f (missing)', isolated: true, files: { 'a.yaml': CM('a') } },
  { args: ['replace', '-f', '$DIR/a.yaml', '--dry-run=client'], isolated: true, files: { 'a.yaml': CM('a') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml', '--dry-run=server', '-o', 'name'], isolated: true, files: { 'a.yaml': CM('a') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml', '--force'], isolated: true, files: { 'a.yaml': CM('a', 'k: forced') }, setup: cms('a') },
  { args: ['replace', '-f', '$DIR/a.yaml', '--force'], title: 'kubectl replace -f --force (missing: just created)', isolated: true, files: { 'a.yaml': CM('a', 'k: forced') } },
  { args: ['replace', '-f', '$DIR/pod.yaml', '--force', '--grace-period=0'], isolated: true, files: { 'pod.yaml': POD }, setup: [['create', '-f', '$DIR/pod.yaml']] },
  { args: ['replace', '-f', '$DIR/pod.yaml'], title: 'kubectl replace -f (an immutable field changed)', isolated: true, files: { 'orig.yaml': POD, 'pod.yaml': POD.replace('  - name: c', '  - name: d') }, setup: [['create', '-f', '$DIR/orig.yaml']] },
  { args: ['replace', '-f', '$DIR/a.yaml', '--grace-period=1'], files: { 'a.yaml': CM('a') } },
  { args: ['replace', '-f', '$DIR/a.yaml', '--timeout=1s'], files: { 'a.yaml': CM('a') } },
  { args: ['replace', '-f', '$DIR/a.yaml', '--force', '--dry-run=server'], files: { 'a.yaml': CM('a') } },
  { args: ['replace'] },
  { args: ['replace', '-f', '$DIR/missing.yaml'] },
];
