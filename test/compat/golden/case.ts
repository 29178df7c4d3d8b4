// One golden case: a kubectl command line run by the real kubectl and by the built-in one
// (`wheelhouse kubectl`) against the same cluster, outputs compared after masking what
// legitimately differs between two runs (ages, generated names, uids, timestamps, IPs).

export interface GoldenCase {
  /** kubectl's arguments, without "kubectl". In `isolated` cases `$NS` is the side's namespace. */
  args: string[];
  /**
   * Each side gets its own fresh namespace (the kubeconfig's namespace), prepared by `setup`:
   * for commands that change things. Otherwise the case reads the shared namespace "golden"
   * that SHARED_SETUP fills once.
   */
  isolated?: boolean;
  /** kubectl commands (the real kubectl) run in the side's namespace before an isolated case; `$DIR` and `$NS` expanded. */
  setup?: string[][];
  /** Extra environment of the command (both sides), e.g. KUBE_EDITOR; `$DIR` expanded. */
  env?: Record<string, string>;
  /** stdin of the command. */
  input?: string;
  /** Files written to a fresh directory per side (`$NS` in them expanded); `$DIR` in args names it, and output shows it as `$DIR`. */
  files?: Record<string, string>;
  /** Files of `files` (or new ones in $DIR) whose contents after the command are compared too (kubectl config writes). */
  filesAfter?: string[];
  /** Also masked, for what only this case has (e.g. which node a pod landed on). */
  mask?: [RegExp, string][];
  /** Compare whitespace exactly (no volatile cell widens a column in this output). */
  exact?: boolean;
  /** Why the name is what it is, when the args alone do not say it. */
  title?: string;
}

export const SHARED_NAMESPACE = 'golden';

/** Created once, with the real kubectl, in the namespace "golden"; read by non-isolated cases. */
export const SHARED_SETUP: string[][] = [
  ['create', 'namespace', SHARED_NAMESPACE],
  ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '-n', SHARED_NAMESPACE],
  ['expose', 'deployment', 'web', '--port=80', '-n', SHARED_NAMESPACE],
  ['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=size=3', '-n', SHARED_NAMESPACE],
  ['create', 'secret', 'generic', 'db', '--from-literal=password=hunter2', '-n', SHARED_NAMESPACE],
  ['label', 'configmap', 'settings', 'tier=backend', '-n', SHARED_NAMESPACE],
  ['rollout', 'status', 'deployment/web', '-n', SHARED_NAMESPACE, '--timeout=60s'],
];

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const UID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const RESOURCE_VERSION = /("?resourceVersion"?:\s*)"\d+"/g;
const GENERATED_SUFFIX = /-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g;
const POD_IP = /\b10\.(244|96)\.\d+\.\d+\b/g;
/** klog's line header (warnings such as --dry-run's deprecation): when and which process. */
const KLOG_HEADER = /^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm;
const AGE_CELL = /(?<=\s|^)(\d+(s|m|h|d|y)(\d+(s|m|h))?|<invalid>)(?=\s|$)/gm;

/** Masks what differs between two runs; unless exact, column padding too (masked cells vary in width). */
export function masked(text: string, c: GoldenCase, namespace?: string): string {
  let out = text;
  if (namespace) out = out.split(namespace).join('NAMESPACE');
  for (const [re, to] of c.mask ?? []) out = out.replace(re, to);
  out = out.replace(ISO_TIME, 'TIME').replace(UID, 'UID').replace(RESOURCE_VERSION, '$1"RV"').replace(GENERATED_SUFFIX, '-XXXXX').replace(POD_IP, 'IP').replace(KLOG_HEADER, '$1MMDD TIME PID ').replace(AGE_CELL, 'AGE');
  return c.exact ? out : out.replace(/ {2,}/g, '  ').replace(/ +$/gm, '');
}
