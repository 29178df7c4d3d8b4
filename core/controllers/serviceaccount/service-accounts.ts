// The ServiceAccount controller: a `default` ServiceAccount in every active namespace,
// recreated if deleted.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import type { Client } from '../../client/client';
import type { ControllerContext } from '../../client/context';
import { PerNamespaceController } from './per-namespace';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export class ServiceAccountController extends PerNamespaceController {
  readonly name = 'serviceaccount';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx, 'serviceaccounts', DEFAULT_SERVICE_ACCOUNT);
    this.client = ctx.client('service-account-controller');
  }

  protected async ensure(ns: string, current: KubeObject | undefined): Promise<void> {
    if (current) return;
    try {
      await this.client.create<ServiceAccount>('', 'serviceaccounts', ns, { metadata: { name: DEFAULT_SERVICE_ACCOUNT } });
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw e;
    }
  }
}
