// kubectl apply -f: client-side apply (created / configured / unchanged, the last-applied
// annotation, three-way strategic merge patches for built-in kinds and JSON merge patches for
// custom resources), server-side apply (--server-side, --field-manager, --force-conflicts and
// the conflict message), --dry-run, -o, and the errors.
import type { GoldenCase } from './case';

const CM = (name: string, data = 'k: v') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const DEPLOY = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
${extra}`;
const SIDE = '      - name: side\n        image: busybox:1.36\n        command: ["sleep", "3600"]\n';
/** The seed notes' file: a ServiceAccount and a ClusterRoleBinding separated by ---. */
const ADMIN_USER = (ns: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: admin-user
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: golden-admin-user
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
- kind: ServiceAccount
  name: admin-user
  namespace: ${ns}
`;
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.apply.example.com
spec:
  group: apply.example.com
  scope: Namespaced
  names: {plural: gadgets, singular: gadget, kind: Gadget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-preserve-unknown-fields: true
`;
const GADGET = (spec: string) => `apiVersion: apply.example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n${spec}`;
/** Times and generated fields of whole objects printed with -o. */
const OBJECT: [RegExp, string][] = [[/(generation|observedGeneration): \d+/g, '$1: N']];
const applied = (file: string): string[][] => [['apply', '-f', `$DIR/${file}`]];

export const cases: GoldenCase[] = [
  { args: ['apply', '-f', '$DIR/cm.yaml'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/cm.yaml'], title: 'kubectl apply -f (unchanged)', isolated: true, files: { 'cm.yaml': CM('a') }, setup: applied('cm.yaml') },
  { args: ['apply', '-f', '$DIR/new.yaml'], title: 'kubectl apply -f (configured)', isolated: true, files: { 'cm.yaml': CM('a'), 'new.yaml': CM('a', 'k: w') }, setup: applied('cm.yaml') },
  {
    args: ['apply', '-f', '$DIR/new.yaml', '-o', 'yaml'],
    title: 'kubectl apply -f -o yaml (a key the last apply set is removed, one set by others stays)',
    isolated: true,
    files: { 'cm.yaml': CM('a', 'k: v\n  gone: x'), 'new.yaml': CM('a', 'k: w') },
    setup: [...applied('cm.yaml'), ['patch', 'cm', 'a', '-p', '{"data":{"theirs":"kept"}}']],
  },
  {
    args: ['apply', '-f', '$DIR/cm.yaml'],
    title: 'kubectl apply -f on an object created without the annotation (warning)',
    isolated: true,
    files: { 'cm.yaml': CM('a', 'k: w') },
    setup: [['create', 'configmap', 'a', '--from-literal=k=v']],
  },
  { args: ['apply', '-f', '$DIR/admin-user.yaml'], title: 'kubectl apply -f (a ServiceAccount and a ClusterRoleBinding, as the seed notes do)', isolated: true, files: { 'admin-user.yaml': ADMIN_USER('default') }, setup: [['delete', 'clusterrolebinding', 'golden-admin-user', '--ignore-not-found']] },
  { args: ['apply', '-f', '$DIR/admin-user.yaml'], title: 'kubectl apply -f (the seed notes, again)', isolated: true, files: { 'admin-user.yaml': ADMIN_USER('default') }, setup: [['delete', 'clusterrolebinding', 'golden-admin-user', '--ignore-not-found'], ...applied('admin-user.yaml')] },
  { args: ['apply', '-f', '$DIR/web.yaml'], isolated: true, files: { 'web.yaml': DEPLOY('nginx:1.27', SIDE) } },
  {
    args: ['apply', '-f', '$DIR/web2.yaml', '-o', 'yaml'],
    title: 'kubectl apply -f -o yaml (a container removed and an image changed: strategic merge)',
    isolated: true,
    files: { 'web.yaml': DEPLOY('nginx:1.27', SIDE), 'web2.yaml': DEPLOY('nginx:1.28') },
    // The printed status is the one the apply found: wait until the first rollout is done, or it depends on timing.
    setup: [...applied('web.yaml'), ['rollout', 'status', 'deployment/web']],
    mask: OBJECT,
  },
  {
    args: ['apply', '-f', '$DIR/web2.yaml', '-o', 'jsonpath={.spec.template.spec.containers[*].name}'],
    title: 'kubectl apply -f (a container added)',
    isolated: true,
    files: { 'web.yaml': DEPLOY('nginx:1.27'), 'web2.yaml': DEPLOY('nginx:1.27', SIDE) },
    setup: applied('web.yaml'),
  },
  {
    args: ['apply', '-f', '$DIR/web.yaml', '-o', 'jsonpath={.spec.replicas}'],
    title: 'kubectl apply -f keeps a field set by someone else (replicas scaled)',
    isolated: true,
    files: { 'web.yaml': DEPLOY('nginx:1.27').replace('  replicas: 1\n', '') },
    setup: [...applied('web.yaml'), ['scale', 'deployment', 'web', '--replicas=2']],
  },
  { args: ['apply', '-f', '$DIR'], title: 'kubectl apply -f DIR', isolated: true, files: { 'a.yaml': CM('a'), 'b.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}', 'c.txt': 'skipped' } },
  { args: ['apply', '-f', '$DIR', '-R', '-o', 'name'], isolated: true, files: { 'a.yaml': CM('a') } },
  { args: ['apply', '-f', '-'], isolated: true, input: `${CM('a')}---\n${CM('b')}` },
  { args: ['apply', '-f', '$DIR/list.yaml'], isolated: true, files: { 'list.yaml': `apiVersion: v1\nkind: List\nitems:\n- ${CM('a').replace(/\n(?=.)/g, '\n  ')}- ${CM('b').replace(/\n(?=.)/g, '\n  ')}` } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '--dry-run=client'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '--dry-run=client'], title: 'kubectl apply -f --dry-run=client (existing)', isolated: true, files: { 'cm.yaml': CM('a', 'k: w') }, setup: [['apply', '-f', '$DIR/cm.yaml']] },
  { args: ['apply', '-f', '$DIR/cm.yaml', '--dry-run=server'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '--dry-run=server', '-o', 'json'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '-o', 'yaml', '--dry-run=client'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/two.yaml', '-o', 'json', '--dry-run=server'], title: 'kubectl apply -o json with two objects (a List)', isolated: true, files: { 'two.yaml': `${CM('a')}---\n${CM('b')}` } },
  { args: ['apply', '-f', '$DIR/two.yaml', '-o', 'yaml', '--dry-run=server'], title: 'kubectl apply -o yaml with two objects (a List)', isolated: true, files: { 'two.yaml': `${CM('a')}---\n${CM('b')}` } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '-l', 'x=y'], title: 'kubectl apply -f -l (nothing matches)', isolated: true, files: { 'cm.yaml': CM('a') } },
  {
    args: ['apply', '-f', '$DIR/crd.yaml'],
    isolated: true,
    files: { 'crd.yaml': CRD.replaceAll('gadget', 'sprocket').replaceAll('Gadget', 'Sprocket') },
    setup: [['delete', 'crd', 'sprockets.apply.example.com', '--ignore-not-found']],
  },
  {
    args: ['apply', '-f', '$DIR/g2.yaml', '-o', 'jsonpath={.spec}'],
    title: 'kubectl apply -f on a custom resource (JSON merge patch)',
    isolated: true,
    files: { 'crd.yaml': CRD, 'g1.yaml': GADGET('  size: 1\n  colors: [red, blue]\n  old: x\n'), 'g2.yaml': GADGET('  size: 2\n  colors: [green]\n') },
    setup: [['apply', '-f', '$DIR/crd.yaml'], ['wait', '--for=condition=Established', 'crd/gadgets.apply.example.com'], ['apply', '-f', '$DIR/g1.yaml'], ['patch', 'gadget', 'g', '--type=merge', '-p', '{"spec":{"theirs":true}}']],
  },
  { args: ['apply', '--server-side', '-f', '$DIR/cm.yaml'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '--server-side', '-f', '$DIR/cm.yaml'], title: 'kubectl apply --server-side (again)', isolated: true, files: { 'cm.yaml': CM('a') }, setup: [['apply', '--server-side', '-f', '$DIR/cm.yaml']] },
  { args: ['apply', '--server-side', '-f', '$DIR/cm.yaml'], title: 'kubectl apply --server-side (a conflict)', isolated: true, files: { 'cm.yaml': CM('a', 'k: w') }, setup: [['create', 'configmap', 'a', '--from-literal=k=v']] },
  { args: ['apply', '--server-side', '--force-conflicts', '-f', '$DIR/cm.yaml', '-o', 'yaml', '--show-managed-fields'], isolated: true, files: { 'cm.yaml': CM('a', 'k: w') }, setup: [['create', 'configmap', 'a', '--from-literal=k=v']] },
  { args: ['apply', '--server-side', '--field-manager=me', '-f', '$DIR/cm.yaml', '-o', 'yaml', '--show-managed-fields'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '--server-side', '--dry-run=server', '-f', '$DIR/cm.yaml'], isolated: true, files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '--server-side', '--dry-run=client', '-f', '$DIR/cm.yaml'], files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '--server-side', '--force', '-f', '$DIR/cm.yaml'], files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '--force-conflicts', '-f', '$DIR/cm.yaml'], files: { 'cm.yaml': CM('a') } },
  { args: ['apply', '-f', '$DIR/cm.yaml', '--dry-run=server', '--force'], files: { 'cm.yaml': CM('a') } },
  { args: ['apply'] },
  { args: ['apply', 'configmap'] },
  { args: ['apply', '-f', '$DIR/missing.yaml'] },
  { args: ['apply', '-f', '$DIR/empty.yaml'], files: { 'empty.yaml': '---\n# nothing\n---\n' } },
  { args: ['apply', '-f', '$DIR/bad.yaml'], files: { 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: [\n' } },
  { args: ['apply', '-f', '$DIR/tab.yaml'], files: { 'tab.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n' } },
  { args: ['apply', '-f', '$DIR/indent.yaml'], files: { 'indent.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n labels: x\n' } },
  { args: ['apply', '-f', '$DIR/colon.yaml'], files: { 'colon.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n' } },
  { args: ['apply', '-f', '$DIR/quote.yaml'], files: { 'quote.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\n' } },
  { args: ['apply', '-f', '$DIR/sep.yaml'], files: { 'sep.yaml': `${CM('a')}--- oops\n${CM('b')}` } },
  { args: ['apply', '-f', '$DIR/bad.json'], files: { 'bad.json': '{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "a",}}\n' } },
  { args: ['apply', '-f', '$DIR/nokind.yaml'], files: { 'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: a\n' } },
  { args: ['apply', '-f', '$DIR/noapi.yaml'], files: { 'noapi.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n' } },
  { args: ['apply', '-f', '$DIR/neither.yaml'], files: { 'neither.yaml': 'metadata:\n  name: a\n' } },
  { args: ['apply', '-f', '$DIR/scalar.yaml'], files: { 'scalar.yaml': 'hello\n' } },
  { args: ['apply', '-f', '$DIR/widget.yaml'], files: { 'widget.yaml': 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n' } },
  {
    args: ['apply', '-f', '$DIR/mixed.yaml'],
    title: 'kubectl apply -f (an unknown kind among good objects)',
    isolated: true,
    files: { 'mixed.yaml': `${CM('a')}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n---\n${CM('b')}` },
  },
  { args: ['apply', '-f', '$DIR/other.yaml', '-n', 'default'], title: 'kubectl apply -n with an object of another namespace', files: { 'other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: kube-system\n' } },
  { args: ['apply', '-f', '$DIR/bool.yaml'], title: 'kubectl apply -f (yes is a boolean in YAML 1.1)', isolated: true, files: { 'bool.yaml': CM('a', 'enabled: yes') } },
  { args: ['apply', '-f', '$DIR/unknown-field.yaml'], isolated: true, files: { 'unknown-field.yaml': `${CM('a')}bogus: 1\n` } },
  { args: ['apply', '-f', '$DIR/gen.yaml'], isolated: true, files: { 'gen.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: a-\n' } },
  {
    args: ['apply', '-f', '$DIR/web2.yaml'],
    title: 'kubectl apply -f with an invalid change (selector is immutable)',
    isolated: true,
    files: { 'web.yaml': DEPLOY('nginx:1.27'), 'web2.yaml': DEPLOY('nginx:1.27').replace(/app: web/g, 'app: other') },
    setup: applied('web.yaml'),
  },
  { args: ['apply', 'view-last-applied', 'configmap', 'a'], isolated: true, files: { 'cm.yaml': CM('a', 'k: "<&>"') }, setup: applied('cm.yaml') },
  { args: ['apply', 'view-last-applied', 'cm/a', '-o', 'json'], isolated: true, files: { 'cm.yaml': CM('a', 'k: "<&>"') }, setup: applied('cm.yaml') },
  { args: ['apply', 'view-last-applied', '-f', '$DIR/web.yaml'], isolated: true, files: { 'web.yaml': DEPLOY('nginx:1.27', SIDE) }, setup: applied('web.yaml') },
  { args: ['apply', 'view-last-applied', 'cm', '--all', '-o', 'json'], isolated: true, files: { 'two.yaml': `${CM('a')}---\n${CM('b')}` }, setup: applied('two.yaml') },
  { args: ['apply', 'view-last-applied', 'cm', '-l', 'x=y'], isolated: true, files: { 'cm.yaml': CM('a') }, setup: applied('cm.yaml') },
  { args: ['apply', 'view-last-applied', 'cm', 'plain'], title: 'kubectl apply view-last-applied (no annotation: nothing)', isolated: true, setup: [['create', 'configmap', 'plain']] },
  { args: ['apply', 'view-last-applied', 'cm', 'missing'], isolated: true },
  { args: ['apply', 'view-last-applied', 'cm', 'a', '-o', 'wide'], isolated: true, files: { 'cm.yaml': CM('a') }, setup: applied('cm.yaml') },
  { args: ['apply', 'view-last-applied', 'cm'] },
  { args: ['apply', 'view-last-applied'] },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml'], isolated: true, files: { 'cm.yaml': CM('a', 'k: w') }, setup: applied('cm.yaml') },
  {
    args: ['apply', 'set-last-applied', '-f', '$DIR/new.yaml', '-o', 'yaml'],
    title: 'kubectl apply set-last-applied -o yaml (only the annotation changes)',
    isolated: true,
    files: { 'cm.yaml': CM('a'), 'new.yaml': CM('a', 'k: w') },
    setup: applied('cm.yaml'),
  },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml'], title: 'kubectl apply set-last-applied (no changes required)', isolated: true, files: { 'cm.yaml': CM('a') }, setup: [...applied('cm.yaml'), ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml']] },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml'], title: 'kubectl apply set-last-applied (no annotation)', isolated: true, files: { 'cm.yaml': CM('a') }, setup: [['create', 'configmap', 'a']] },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml', '--create-annotation', '-o', 'name'], isolated: true, files: { 'cm.yaml': CM('a') }, setup: [['create', 'configmap', 'a']] },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml', '--dry-run=client'], isolated: true, files: { 'cm.yaml': CM('a', 'k: w') }, setup: applied('cm.yaml') },
  { args: ['apply', 'set-last-applied', '-f', '$DIR/cm.yaml'], title: 'kubectl apply set-last-applied (missing object)', isolated: true, files: { 'cm.yaml': CM('a') } },
];
