// The ResourceQuota controller: keeps each quota's status.hard (its spec) and status.used (what
// the namespace's objects use) current, recomputing a namespace's quotas when objects of the
// kinds they count come, change or go.
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { evaluatorsFor, quotaUsage } from './usage';

type Quota = Kube<ResourceQuota>;

export class ResourceQuotaController implements Controller {
  readonly name = 'resourcequota';
  private readonly queue: WorkQueue;
  private readonly quotas: Informer<ResourceQuota>;
  private readonly client: Client;
  private readonly off: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 5);
    this.quotas = ctx.informer<ResourceQuota>('', 'resourcequotas');
    this.client = ctx.client('resourcequota-controller');
  }

  start(): void {
    const enqueue = (q: Quota) => this.queue.add(keyOf(q));
    this.off.push(
      this.quotas.on({ add: enqueue, update: (q) => !deepEqual(q.spec?.hard ?? {}, q.status?.hard ?? {}) && enqueue(q) }),
      this.ctx.onAnyResource((def, _, obj) => {
        const ns = obj.metadata.namespace;
        if (!ns) return;
        for (const q of this.quotas.list(ns)) {
          if (evaluatorsFor(Object.keys(q.spec?.hard ?? {})).some(([ev]) => ev.group === def.group && ev.plural === def.plural)) enqueue(q);
        }
      }),
    );
  }

  stop(): void {
    this.off.forEach((f) => f());
    this.queue.stop();
  }

  /** syncResourceQuota: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const quota = this.quotas.get(ns, name);
    if (!quota) return;
    const hard = { ...(quota.spec?.hard as Record<string, string> | undefined) };
    const used = quotaUsage(this.ctx, quota, this.ctx.clock.now());
    if (deepEqual(quota.status?.hard ?? {}, hard) && deepEqual(quota.status?.used ?? {}, used)) return;
    await this.client.updateStatus<ResourceQuota>('', 'resourcequotas', ns, name, (q) => {
      q.status = { hard, used };
    });
  }
}
