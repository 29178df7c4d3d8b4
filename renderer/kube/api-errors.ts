// API failures in words that say what to do: which permission is missing, what is gone, that
// the cluster cannot be reached. The HTTP code is kept, so callers can still act on it (410).
import { ApiError } from './api';

export interface RequestTarget {
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
}

/** What a request path addresses: /apis/apps/v1/namespaces/x/deployments/web/scale. */
export function targetOf(verb: string, path: string): RequestTarget {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  const group = parts[0] === 'api' ? '' : (parts[1] ?? '');
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 2) {
    namespace = rest[1];
    rest.splice(0, 2);
  }
  const resource = rest[2] ? `${rest[0]}/${rest[2]}` : (rest[0] ?? '');
  return { verb, resource, group, namespace, name: rest[1] };
}

export function explainError(err: unknown, target: RequestTarget): string {
  const where = target.namespace ? ` in namespace ${target.namespace}` : '';
  const resource = target.group ? `${target.resource}.${target.group}` : target.resource;
  const what = target.name ? `${target.resource} ${target.name}` : target.resource;
  if (!(err instanceof ApiError)) {
    return `Cannot reach the cluster (${err instanceof Error ? err.message : String(err)}): check that it is running; retrying.`;
  }
  switch (err.code) {
    case 401:
      return 'The cluster did not accept your credentials: check the user and token of this context in your kubeconfig.';
    case 403:
      return `You may not ${target.verb} ${what}${where}: ask for the ${target.verb} verb on ${resource}.`;
    case 404:
      return target.name
        ? `${what}${where} does not exist (any more): it may have been deleted; go back to the list.`
        : `This cluster does not serve ${resource}: its API is not installed.`;
    case 409:
      // A create whose name is taken is no edit conflict: reloading would not help.
      if (err.reason === 'AlreadyExists') return `${err.message}: choose another name.`;
      return `Conflict: ${err.message}. Reload the object and try again.`;
    case 422:
      return `Invalid: ${err.message}`;
    default:
      if (err.code >= 500) return `The cluster failed to ${target.verb} ${what}${where} (HTTP ${err.code}: ${err.message}); retrying.`;
      return err.message;
  }
}

/** Runs a request and rethrows its failure explained, keeping the HTTP code. */
export async function explained<T>(verb: string, path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const message = explainError(err, targetOf(verb, path));
    throw err instanceof ApiError ? new ApiError(err.code, message, err.reason) : new Error(message);
  }
}
