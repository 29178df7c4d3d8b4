// kubectl version, api-resources, api-versions, cluster-info and explain, and how kubectl
// refuses unknown commands and flags.
import type { GoldenCase } from './case';

/**
 * The client's own version differs by design: the built-in kubectl reports Wheelhouse's build
 * (v1.32.0+wheelhouse-...), the real one its own. The built-in has no kustomize, so it prints
 * no Kustomize version. The server's version is compared as is.
 */
const CLIENT_VERSION: [RegExp, string][] = [
  [/^Client Version: .*$/m, 'Client Version: CLIENT'],
  [/"clientVersion": \{[^}]*\}/, '"clientVersion": CLIENT'],
  [/^clientVersion:\n( {2}.*\n)+/m, 'clientVersion: CLIENT\n'],
  [/^Kustomize Version: .*\n/m, ''],
  [/\n {2}"kustomizeVersion": "[^"]*",/, ''],
  [/,\n {2}"kustomizeVersion": "[^"]*"\n/, '\n'],
  [/^kustomizeVersion: .*\n/m, ''],
];

/** Services cluster-info lists: labelled kubernetes.io/cluster-service=true. */
const CLUSTER_SERVICES: string[][] = [
  ['create', 'service', 'clusterip', 'dns', '--tcp=53:53'],
  ['label', 'service', 'dns', 'kubernetes.io/cluster-service=true', 'kubernetes.io/name=CoreDNS'],
  ['create', 'service', 'clusterip', 'secure', '--tcp=443:8443'],
  ['label', 'service', 'secure', 'kubernetes.io/cluster-service=true'],
  ['create', 'service', 'clusterip', 'hidden', '--tcp=80:80'],
];

export const cases: GoldenCase[] = [
  { args: ['version'], mask: CLIENT_VERSION },
  { args: ['version', '-o', 'json'], mask: CLIENT_VERSION },
  { args: ['version', '-o', 'yaml'], mask: CLIENT_VERSION },
  { args: ['version', '--client'], mask: CLIENT_VERSION },
  { args: ['version', '--client', '-o', 'json'], mask: CLIENT_VERSION },
  { args: ['version', '--client', '-o', 'yaml'], mask: CLIENT_VERSION },
  { args: ['version', '-o', 'table'] },
  { args: ['version', 'extra'] },
  { args: ['version', '--bogus'] },
  { args: ['api-versions'] },
  { args: ['api-versions', 'extra'] },
  { args: ['api-resources'], exact: true },
  { args: ['api-resources', '-o', 'wide'], exact: true },
  { args: ['api-resources', '-o', 'name'] },
  { args: ['api-resources', '--namespaced'], exact: true },
  { args: ['api-resources', '--namespaced=false'], exact: true },
  { args: ['api-resources', '--api-group=apps'], exact: true },
  { args: ['api-resources', '--api-group='], exact: true, title: 'kubectl api-resources --api-group= (the core group)' },
  { args: ['api-resources', '--verbs=list,watch', '--no-headers'], exact: true },
  { args: ['api-resources', '--verbs=create', '--verbs=deletecollection', '-o', 'name'] },
  { args: ['api-resources', '--sort-by=name'], exact: true },
  { args: ['api-resources', '--sort-by=kind', '--api-group=apps'], exact: true },
  { args: ['api-resources', '--categories=all', '-o', 'wide'], exact: true },
  { args: ['api-resources', '--cached', '--api-group=batch'], exact: true },
  { args: ['api-resources', '-o', 'json'] },
  { args: ['api-resources', '--sort-by=group'] },
  { args: ['api-resources', 'pods'] },
  { args: ['cluster-info'] },
  { args: ['cluster-info', 'extra'] },
  { args: ['cluster-info', '-n', 'default'] },
  { args: ['cluster-info', '-n', '$NS'], isolated: true, setup: CLUSTER_SERVICES },
  // explain reads /openapi/v3.
  { args: ['explain', 'pods'], exact: true },
  { args: ['explain', 'pods.spec.containers'], exact: true },
  { args: ['explain', 'po.spec.restartPolicy'], exact: true },
  { args: ['explain', 'pods', '--recursive'], exact: true },
  { args: ['explain', 'deployments', '--api-version=apps/v1'], exact: true },
  { args: ['explain', 'deployments.apps.spec.strategy'], exact: true },
  { args: ['explain', 'svc.spec.ports'], exact: true },
  { args: ['explain', 'pods.metadata.labels'], exact: true },
  { args: ['explain', 'cm', '--recursive'], exact: true },
  { args: ['explain', 'crd.spec.versions.schema'], exact: true },
  { args: ['explain', 'pods.bogus'] },
  { args: ['explain', 'bogus'] },
  { args: ['explain'] },
  { args: ['explain', 'pods', 'svc'] },
  // Unknown commands and flags, wherever they stand.
  { args: ['bogus'] },
  { args: ['gte', 'pods'] },
  { args: ['ap'] },
  { args: ['c'] },
  { args: ['ex'] },
  { args: ['confg', 'view'] },
  { args: ['-n', 'kube-system', 'bogus'] },
  { args: ['--bogus'] },
  { args: ['--bogus', 'get'] },
  { args: ['-n'] },
  { args: ['get', '--bogus'] },
  { args: ['config'], title: 'kubectl config (a group: its help on stderr, exit 1)' },
  { args: ['config', '--help'] },
  { args: ['config', 'bogus'] },
  { args: ['config', 'bogus', 'extra'] },
  { args: ['config', 'view', '--bogus'] },
  { args: ['config', '--bogus', 'view'] },
  { args: ['-n', 'default', 'config', 'current-context'] },
  { args: ['version', '--client=maybe'] },
];
