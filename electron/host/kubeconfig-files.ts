// The user's kubeconfig as kubectl sees it: $KUBECONFIG is a path list whose files are merged,
// else ~/.kube/config. Merging follows client-go's loading rules: the first file to define a
// cluster, user or context name wins it whole (later entries of that name are dropped, even
// their fields the first one lacks), current-context comes from the first file that sets it,
// missing files are skipped, and relative paths resolve against the file that holds them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';

export interface MergedKubeconfig {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string;
  /** Files that exist but could not be read, with why: their entries are left out. */
  problems: string[];
}

/** The files kubectl would read, in precedence order, without duplicates. */
export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  const list = env.KUBECONFIG?.split(delimiter).filter(Boolean) ?? [];
  return list.length > 0 ? [...new Set(list)] : [join(home, '.kube', 'config')];
}

export function loadMergedKubeconfig(paths: string[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { clusters: [], users: [], contexts: [], currentContext: '', problems: [] };
  for (const path of paths) {
    if (!existsSync(path)) continue;
    let kc: KubeConfig;
    try {
      kc = new KubeConfig();
      // An empty file is an empty config to kubectl; client-node would refuse it.
      if (readFileSync(path, 'utf8').trim() === '') continue;
      // Also makes the file's relative certificate paths absolute.
      kc.loadFromFile(path);
    } catch (err) {
      merged.problems.push(`${path}: ${(err as Error).message}`);
      continue;
    }
    addNew(merged.clusters, kc.clusters);
    addNew(merged.users, kc.users);
    addNew(merged.contexts, kc.contexts);
    merged.currentContext ||= kc.currentContext ?? '';
  }
  return merged;
}

function addNew<T extends { name: string }>(into: T[], from: readonly T[]): void {
  for (const entry of from) if (!into.some((e) => e.name === entry.name)) into.push(entry);
}

/** A KubeConfig holding the merged entries, with context as its current context. */
export function kubeConfigFor(merged: MergedKubeconfig, context: string): KubeConfig {
  if (!merged.contexts.some((c) => c.name === context)) throw new Error(`no context "${context}" in the kubeconfig`);
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: merged.clusters, users: merged.users, contexts: merged.contexts, currentContext: context });
  return kc;
}
