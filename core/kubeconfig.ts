// Writes the kubeconfig for the embedded cluster: one cluster, one token user, context
// "wheelhouse" set as current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as yaml from 'js-yaml';

export interface KubeconfigInput {
  server: string;
  caPem: string;
  token: string;
  context?: string;
}

export function kubeconfigYaml({ server, caPem, token, context = 'wheelhouse' }: KubeconfigInput): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: `${context}-admin`, user: { token } }],
    contexts: [{ name: context, context: { cluster: context, user: `${context}-admin` } }],
    'current-context': context,
    preferences: {},
  });
}

export function writeKubeconfig(file: string, input: KubeconfigInput): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, kubeconfigYaml(input), { mode: 0o600 });
}
