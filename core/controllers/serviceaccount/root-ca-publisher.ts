// The root CA publisher: a `kube-root-ca.crt` ConfigMap with the cluster CA in every active
// namespace, so pods can verify the API server at kubernetes.default.svc.
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import type { ControllerContext } from '../../client/context';
import { PerNamespaceController } from './per-namespace';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

export interface RootCaPublisherOptions {
  /** The cluster CA certificate, PEM. */
  caPem: string;
}

export class RootCaPublisher extends PerNamespaceController {
  readonly name = 'root-ca-cert-publisher';
  private readonly client: Client;

  constructor(
    ctx: ControllerContext,
    private readonly options: RootCaPublisherOptions,
  ) {
    super(ctx, 'configmaps', ROOT_CA_CONFIGMAP);
    this.client = ctx.client('root-ca-cert-publisher');
  }

  protected async ensure(ns: string, current: KubeObject | undefined): Promise<void> {
    const data = { 'ca.crt': this.options.caPem };
    if (!current) {
      await this.client.create<ConfigMap>('', 'configmaps', ns, {
        metadata: { name: ROOT_CA_CONFIGMAP, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
        data,
      });
      return;
    }
    const cm = current as ConfigMap & KubeObject;
    if (deepEqual(cm.data ?? {}, data) && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
    await this.client.update<ConfigMap>('', 'configmaps', ns, ROOT_CA_CONFIGMAP, (c) => {
      c.data = data;
      c.metadata.annotations = { ...c.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    });
  }
}
