// The metrics-server of the embedded cluster: every resolution (15 s by default, as
// metrics-server's --metric-resolution) it reads each running kubelet's stats into the
// MetricsStore. It reads the kubelets in process; there is no network between them.
import type { Controller, ControllerContext } from '../client/context';
import type { NodeStats } from '../kubelet/node-stats';
import type { MetricsStore } from './metrics-store';

export interface StatsSource {
  stats(): NodeStats;
}

export class MetricsScraper implements Controller {
  readonly name = 'metrics-scraper';
  private cancel: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly store: MetricsStore,
    private readonly kubelets: () => Iterable<StatsSource>,
  ) {}

  start(): void {
    this.scrape();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  /** Reads every node now and schedules the next scrape. */
  private scrape(): void {
    if (this.stopped) return;
    this.store.record(this.ctx.clock.now(), [...this.kubelets()].map((k) => k.stats()));
    this.cancel = this.ctx.clock.after(this.store.resolutionMs, () => this.scrape());
  }
}
