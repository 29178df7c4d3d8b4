// Kubernetes API calls over the bridge, with Status errors turned into exceptions that keep
// the HTTP code (the list/watch cache needs 410).
import type { Status, StatusCause } from 'kubernetes-types/meta/v1';
import type { KubeRequest } from '../../electron/bridge/contract';
import { getBridge } from '../bridge/client';

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason?: string,
    /** The Status' details.causes: which fields a write was refused for. */
    readonly causes?: StatusCause[],
  ) {
    super(message);
  }
}

export async function kubeRequest<T>(req: KubeRequest): Promise<T> {
  const res = await getBridge().invoke('kube:request', req);
  if (res.status >= 200 && res.status < 300) return res.body as T;
  const status = res.body as Partial<Status> | string;
  if (typeof status === 'object' && status?.kind === 'Status') {
    throw new ApiError(res.status, status.message ?? `HTTP ${res.status}`, status.reason, status.details?.causes);
  }
  throw new ApiError(res.status, `HTTP ${res.status}: ${String(status).slice(0, 200)}`);
}

export const getObject = <T>(path: string) => kubeRequest<T>({ method: 'GET', path });
