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
];
