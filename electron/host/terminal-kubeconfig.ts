// A terminal's kubeconfig: never a copy of credentials. A small file of the tab's own holds
// current-context and that one context (its cluster and user names, and the namespace picked in
// the app); KUBECONFIG lists it first, then the files the context comes from. kubectl merges
// them as client-go does: the first file to set current-context wins, and so does the first
// definition of a context name, so the tab's namespace applies while the cluster and user (and
// their credentials) are read from the user's own files.
import { delimiter } from 'node:path';
import { writePrivateFile } from '../../core/machinery/private-files';
import { loadMergedKubeconfig } from './kubeconfig-files';

/** Where a context is defined: the files to merge and the context's name in them. */
export interface ContextSource {
  files: string[];
  context: string;
}

/** Writes the tab's file (0600) and returns the KUBECONFIG path list, it first. */
export function writeTerminalKubeconfig(file: string, source: ContextSource, namespace: string): string[] {
  const entry = loadMergedKubeconfig(source.files).contexts.find((c) => c.name === source.context);
  if (!entry) throw new Error(`no context "${source.context}" in ${source.files.join(delimiter)}`);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': entry.name,
    contexts: [{ name: entry.name, context: { cluster: entry.cluster, user: entry.user, namespace: namespace || entry.namespace } }],
  };
  // JSON is YAML: kubectl reads it as it reads any kubeconfig.
  writePrivateFile(file, JSON.stringify(config, null, 2) + '\n');
  return [file, ...source.files];
}
