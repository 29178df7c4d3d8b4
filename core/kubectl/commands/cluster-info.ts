// kubectl cluster-info: where the control plane runs, and the proxy URL of each service
// labelled kubernetes.io/cluster-service=true in kube-system (or -n). kubectl 1.32 prints no
// colours, on a terminal or not.
import type { Service, ServiceList } from 'kubernetes-types/core/v1';
import type { Command, CommandContext } from '../command';

/** apimachinery's JoinSchemeNamePort: [scheme:]name[:port]. */
function schemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

function serviceLink(host: string, service: Service): string {
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  if (ingress) return (service.spec?.ports ?? []).map((p) => `http://${ingress.ip || ingress.hostname || ''}:${p.port} `).join('');
  let name = service.metadata!.name!;
  const port = service.spec?.ports?.[0];
  if (port) name = schemeNamePort(port.name === 'https' || port.port === 443 ? 'https' : '', name, port.name ?? '');
  return `${host}/api/v1/namespaces/${service.metadata!.namespace}/services/${name}/proxy`;
}

async function run(ctx: CommandContext): Promise<number> {
  const session = await ctx.session();
  const namespace = ctx.flags.string('namespace') || 'kube-system';
  const host = session.config.kubeconfig.getCurrentCluster()!.server;
  const out = ctx.io.stdout;
  try {
    const list = await session.rest.json<ServiceList>({
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`,
      query: { labelSelector: 'kubernetes.io/cluster-service=true', limit: 500 },
    });
    out.write(`Kubernetes control plane is running at ${host}\n`);
    for (const service of list.items) out.write(`${service.metadata?.labels?.['kubernetes.io/name'] || service.metadata!.name} is running at ${serviceLink(host, service)}\n`);
  } finally {
    out.write("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  }
  return 0;
}

export const clusterInfo: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  run,
};
