// kubectl get's output formats: -o yaml as go-yaml v2 writes it (scalar styles, folding, key
// order), -o jsonpath / custom-columns, --sort-by, and watching.
import type { GoldenCase } from './case';

const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');

/** A ConfigMap whose values need every scalar style go-yaml has. */
const TRICKY_VALUES = [
  ...['yes=yes', 'no=no', 'on=on', 'Y=Y', 'f=1.0', 'oct=0777', 'hex=0x1F', 'e=1e3', 'under=1_000', 'inf=.inf', 'tilde=~', 'empty=', 'nul=null'],
  ...['ts=2024-01-02', 'dt=2024-01-02T03:04:05Z', 'b60=1:30', 'lead= lead', 'trail=trail ', 'dash=- x', 'colon=a: b', 'hash=a #b', 'star=*x'],
  ...["q=it's", 'dq=say "hi"', 'tab=a\tb', 'uni=héllo wörld', 'emoji=😀', 'k10=a', 'k9=b', 'k09=c', 'a.b=x', '_x=y', '-y=z'],
  ...['ml=line1\nline2\n', 'ml2=line1\nline2', 'ml3=  indented\nx\n\n', 'spacebreak=a \nb', 'crlf=a\r\nb', `long=${words}`, `longq='${words}`],
  `dqlong=\t${words}  x  y`, `sq= ${words.replaceAll(' ', '  ')}`, `${'k'.repeat(130)}=v`,
].map((kv) => `--from-literal=${kv}`);

const tricky: GoldenCase['setup'] = [
  ['create', 'configmap', 'tricky', ...TRICKY_VALUES],
  ['annotate', 'configmap', 'tricky', 'yes=1', 'a/b=2', `x.io/long=a very long annotation value that goes on and on and on for more than eighty columns so it folds`],
];

export const cases: GoldenCase[] = [
  // -o yaml
  { args: ['get', 'configmaps', '-o', 'yaml'] },
  { args: ['get', 'configmaps', '-n', 'kube-system', '-o', 'yaml'], title: 'kubectl get configmaps -o yaml in kube-system (kube-root-ca.crt: a folded description)' },
  { args: ['get', 'configmap', 'tricky', '-o', 'yaml'], isolated: true, setup: tricky, title: 'kubectl get configmap -o yaml: every scalar style' },
  { args: ['get', 'configmap', 'tricky', '-o', 'json'], isolated: true, setup: tricky, title: 'kubectl get configmap -o json: the same values' },
  { args: ['get', 'pods', '-o', 'yaml'] },
  { args: ['get', 'services,endpoints', '-o', 'yaml'] },
  { args: ['get', 'nodes', '-o', 'yaml'], mask: [[/^(\s+(cpu|memory|ephemeral-storage|pods)): .*$/gm, '$1: Q']] },
  { args: ['get', 'namespace', 'kube-system', '-o', 'yaml'] },
  { args: ['get', 'secret', 'db', '-o', 'yaml'] },
  { args: ['get', 'clusterrole', 'admin', '-o', 'yaml'] },
  { args: ['get', 'pods', '-l', 'app=nothing', '-o', 'yaml'] },

  // -o jsonpath, jsonpath-as-json, jsonpath-file
  { args: ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'], mask: [[/web-\w+-XXXXX/g, 'web-POD']] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\t"}{.data}{"\n"}{end}'] },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}'] },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath={.metadata.labels}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath-as-json={.items[*].metadata.name}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={.items[?(@.metadata.name=="settings")].data.size}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={.items[?(@.metadata.labels)].metadata.name}'] },
  { args: ['get', 'configmaps', '-o', "jsonpath={.items[0:1].metadata['name','namespace']}"] },
  { args: ['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {..containerPort}'] },
  { args: ['get', 'deployments', '-o', 'jsonpath={.items[?(@.spec.replicas>1)].metadata.name}'] },
  { args: ['get', 'namespace', 'golden', '-o', 'jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={.nothing}'] },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath', '--template={.data.size}'] },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath-file=$DIR/t.jsonpath'], files: { 't.jsonpath': '{.metadata.name}={.data.mode}\n' } },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath={.nothing}', '--allow-missing-template-keys=false'], title: 'kubectl get -o jsonpath: a missing key with --allow-missing-template-keys=false (the object dumped as Go prints it)' },
  { args: ['get', 'configmap', 'settings', '-o', 'jsonpath={.data[0]}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={.items[9]}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={.items[0]'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath={end}'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath'] },
  { args: ['get', 'configmaps', '-o', 'jsonpath-file=/nonexistent/t.jsonpath'] },

  // -o custom-columns, custom-columns-file
  { args: ['get', 'configmaps', '-o', 'custom-columns=NAME:.metadata.name,DATA:.data,LABELS:{.metadata.labels}'] },
  { args: ['get', 'deployments', '-o', 'custom-columns=NAME:metadata.name,REPLICAS:.spec.replicas,IMAGES:.spec.template.spec.containers[*].image,MISSING:.nope'] },
  { args: ['get', 'configmaps', '-o', 'custom-columns=NAME:.metadata.name', '--no-headers'] },
  { args: ['get', 'configmaps', '-o', 'custom-columns-file=$DIR/cols'], files: { cols: 'NAME   TIER\n.metadata.name   .metadata.labels.tier\n' } },
  { args: ['get', 'configmap', 'tricky', '-o', 'custom-columns=NAME:.metadata.name,DATA:.data'], isolated: true, setup: tricky, exact: true, title: 'kubectl get -o custom-columns: cells with tabs and line breaks' },
  { args: ['get', 'configmaps', '-o', 'custom-columns=NAME'] },
  { args: ['get', 'configmaps', '-o', 'custom-columns='] },
  { args: ['get', 'configmaps', '-o', 'custom-columns=NAME:{{.x}}'] },

  // --sort-by
  { args: ['get', 'configmaps', '--sort-by=.metadata.name'] },
  { args: ['get', 'configmaps', '--sort-by', '{.data.size}', '-o', 'name'] },
  { args: ['get', 'configmaps', '--sort-by=.nothing'] },
  { args: ['get', 'configmaps', '--sort-by=.nothing', '-o', 'name'] },
  { args: ['get', 'pods', '--sort-by=.status.containerStatuses[0].restartCount'], title: 'kubectl get pods --sort-by=.status.containerStatuses[0].restartCount (the seed note command)' },
  {
    args: ['get', 'configmaps', '--sort-by=.data.n', '-o', 'custom-columns=NAME:.metadata.name,N:.data.n'],
    isolated: true,
    setup: [
      ['create', 'configmap', 'c1', '--from-literal=n=500Mi'],
      ['create', 'configmap', 'c2', '--from-literal=n=1Gi'],
      ['create', 'configmap', 'c3', '--from-literal=n=2k'],
      ['create', 'configmap', 'c4', '--from-literal=n=abc'],
    ],
    title: 'kubectl get --sort-by: quantities by value, the rest lexically',
  },
  {
    args: ['get', 'deployments', '--sort-by=.spec.replicas', '-o', 'custom-columns=NAME:.metadata.name,R:.spec.replicas'],
    isolated: true,
    setup: [
      ['create', 'deployment', 'd1', '--image=nginx', '--replicas=10'],
      ['create', 'deployment', 'd2', '--image=nginx', '--replicas=2'],
      ['create', 'deployment', 'd3', '--image=nginx', '--replicas=0'],
    ],
    title: 'kubectl get --sort-by: numbers numerically',
  },
];
