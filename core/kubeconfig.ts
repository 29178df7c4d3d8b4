// Writes the kubeconfig for the embedded cluster: one cluster, one token user, context
// "wheelhouse" set as current.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as yaml from 'js-yaml';
import { writePrivateFile } from './machinery/private-files';

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
  // A dir made here is owner-only; an existing one (~/.kube) is the user's to keep as it is.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writePrivateFile(file, kubeconfigYaml(input));
}
