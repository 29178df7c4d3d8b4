// kubectl patch (strategic, merge and JSON patches from -p or --patch-file, --subresource,
// --dry-run, -o, "patched (no change)", server and client errors) and kubectl scale
// (--replicas, --current-replicas and --resource-version preconditions, -l, --all, several
// objects, --timeout, --dry-run, -o).
import type { GoldenCase } from './case';

const SETUP: string[][] = [
  ['create', 'configmap', 'settings', '--from-literal=a=b'],
  ['create', 'deployment', 'web', '--image=nginx:1.27'],
  ['create', 'deployment', 'api', '--image=busybox:1.36', '--replicas=2'],
];

const iso = (args: string[], extra: Partial<GoldenCase> = {}): GoldenCase => ({ args, isolated: true, setup: SETUP, ...extra });
/** A resourceVersion inside a message ("was 271"). */
const NUMBER: [RegExp, string] = [/\bwas \d+/g, 'was N'];
const KLOG: [RegExp, string] = [/^[EW]\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ /gm, 'KLOG '];
const FILES = {
  'patch.json': '{"data":{"from":"file"}}',
  'patch.yaml': 'data:\n  from: yaml\n',
  'ops.json': '[{"op":"add","path":"/data/added","value":"yes"}]',
};

export const cases: GoldenCase[] = [
  // patch
  iso(['patch', 'configmap', 'settings', '-p', '{"data":{"a":"c"}}']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"b"}}']),
  iso(['patch', 'cm', 'settings', '--type', 'merge', '-p', '{"data":{"a":null,"n":"1"}}']),
  iso(['patch', 'cm', 'settings', '--type=json', '-p', '[{"op":"replace","path":"/data/a","value":"j"}]']),
  iso(['patch', 'cm', 'settings', '--type', 'JSON', '-p', '[{"op":"remove","path":"/data/a"}]']),
  iso(['patch', 'cm', 'settings', '--type', 'json', '-p', '[{"op":"remove","path":"/data/nokey"}]']),
  iso(['patch', 'cm', 'settings', '--type', 'json', '-p', '[{"op":"test","path":"/data/a","value":"z"}]']),
  iso(['patch', 'cm', 'settings', '--type', 'json', '-p', '{"op":"replace"}']),
  iso(['patch', 'cm', 'settings', '-p', 'data: {y: from-yaml}']),
  iso(['patch', 'cm', 'settings', '-p', '{bad']),
  // The server quotes the object it could not decode, resourceVersion included.
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":1}}'], { mask: [[/resourceVersion\\":\\"\d+/g, 'resourceVersion RV']] }),
  iso(['patch', 'cm', 'settings', '--patch-file', '$DIR/patch.json'], { files: FILES }),
  iso(['patch', 'cm', 'settings', '--patch-file', '$DIR/patch.yaml'], { files: FILES }),
  iso(['patch', 'cm', 'settings', '--type', 'json', '--patch-file', '$DIR/ops.json', '-o', 'jsonpath={.data.added}'], { files: FILES }),
  iso(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}']),
  iso(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}']),
  iso(['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":3}}']),
  iso(['patch', 'deploy', 'web', '--subresource', 'scale', '--type', 'merge', '-p', '{"spec":{"replicas":1}}']),
  iso(['patch', 'deploy', 'web', '--subresource=scale', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]', '-o', 'name']),
  iso(['patch', 'deploy', 'web', '--subresource=status', '--type=merge', '-p', '{"status":{"observedGeneration":1}}', '-o', 'name']),
  iso(['patch', 'deploy', 'web', '--subresource=bogus', '-p', '{}']),
  iso(['patch', 'cm', 'settings', '--subresource=status', '-p', '{}']),
  iso(['patch', 'cm/settings', 'deploy/web', '-p', '{"metadata":{"labels":{"m":"1"}}}']),
  iso(['patch', 'deploy/missing', 'deploy/web', '-p', '{"metadata":{"labels":{"m":"1"}}}']),
  iso(['patch', 'cm', 'missing', '-p', '{}']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"x"}}', '--dry-run=client']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"b"}}', '--dry-run=client']),
  iso(['patch', 'cm', 'settings', '--type', 'json', '-p', '[{"op":"add","path":"/data/k","value":"v"}]', '--dry-run=client', '-o', 'yaml']),
  iso(['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.29"}]}}}}', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"x"}}', '--dry-run=server']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"x"}}', '-o', 'yaml']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"x"}}', '-o', 'json']),
  iso(['patch', 'cm', 'settings', '-p', '{"data":{"a":"x"}}', '--field-manager=mine', '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[?(@.manager=="mine")].operation}']),
  { args: ['patch', 'cm', 'settings', '--type', 'bogus', '-p', '{}'] },
  { args: ['patch', 'cm', 'settings'] },
  { args: ['patch'] },
  { args: ['patch', '-p', '{}'] },
  { args: ['patch', 'cm', '-p', '{}'] },
  { args: ['patch', 'cm', 'settings', '-p', '{}', '--patch-file', 'x.json'] },
  { args: ['patch', 'cm', 'settings', '--patch-file', '/nonexistent/patch.json'] },
  { args: ['patch', 'cm', 'settings', '-p', '{}', '--local'] },
  { args: ['patch', 'cm', 'settings', '-p', '{}', '--dry-run=bogus'] },
  { args: ['patch', 'cm', 'settings', '-p', '{}', '-o', 'bogus'] },
  { args: ['patch', 'widgets', 'w', '-p', '{}'] },
  // scale
  iso(['scale', 'deployment', 'web', '--replicas=2']),
  iso(['scale', 'deploy', 'web', '--replicas=1']),
  iso(['scale', 'deploy/web', 'deploy/api', '--replicas=3']),
  iso(['scale', 'deploy', 'web', 'api', '--replicas=0']),
  iso(['scale', 'deploy', '--all', '--replicas=2']),
  iso(['scale', 'deploy', '-l', 'app=web', '--replicas=2']),
  iso(['scale', 'deploy', '--all', '-l', 'app=api', '--replicas=1']),
  iso(['scale', 'deploy', '-l', 'app=none', '--replicas=1']),
  iso(['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=1']),
  iso(['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=5']),
  iso(['scale', 'deploy', 'web', 'api', '--replicas=3', '--current-replicas=1']),
  iso(['scale', 'deploy', 'web', '--replicas=3', '--resource-version=1'], { mask: [NUMBER] }),
  iso(['scale', 'deploy', '--all', '--replicas=3', '--resource-version=1']),
  iso(['scale', 'deploy', 'web', '--replicas=2', '--timeout=60s']),
  iso(['scale', 'deploy', 'web', '--replicas=2', '--dry-run=client']),
  iso(['scale', 'deploy', 'web', '--replicas=2', '--dry-run=server']),
  iso(['scale', 'deploy', 'web', '--replicas=2', '-o', 'name']),
  iso(['scale', 'deploy', 'web', '--replicas=2', '-o', 'jsonpath={.spec.replicas}']),
  iso(['scale', 'deploy', 'missing', '--replicas=2']),
  iso(['scale', 'deploy', 'missing', 'other', '--replicas=2']),
  iso(['scale', 'deploy/missing', 'deploy/web', '--replicas=2']),
  iso(['scale', 'cm', 'settings', '--replicas=2']),
  iso(['scale', 'rs', '--all', '--replicas=1'], { mask: [[/-[a-z0-9]{8,10} scaled/g, '-HASH scaled']] }),
  { args: ['scale', 'deploy', 'web'], mask: [KLOG] },
  { args: ['scale', 'deploy', 'web', '--replicas=-1'] },
  { args: ['scale', 'deploy', 'web', '--replicas=1', '--current-replicas=-2'] },
  { args: ['scale', 'deploy', '--replicas=1'] },
  { args: ['scale', '--replicas=1'] },
  { args: ['scale', 'deploy', 'web', '--replicas=1', '--timeout=bad'] },
  { args: ['scale', 'deploy', 'web', '--replicas=x'] },
  { args: ['scale', 'deploy', 'web', '--replicas=1', '--field-manager=x'] },
  { args: ['scale', 'deploy', 'web', '--replicas=1', '-o', 'bogus'] },
];
