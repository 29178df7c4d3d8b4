// Starting points for "Create": a small, valid object per common kind (what Lens' and
// Headlamp's create dialogs offer), and for any other kind its apiVersion, kind and metadata.
import type { ResourceKind } from './resources';

type Body = (name: string) => string;

const podSpec = (indent: string) =>
  ['containers:', '- name: app', '  image: nginx:1.27', '  ports:', '  - containerPort: 80', '  resources:', '    requests:', '      cpu: 100m', '      memory: 64Mi']
    .map((l) => indent + l)
    .join('\n');

// Everything after metadata.name/namespace, by kind id.
const BODIES: Record<string, Body> = {
  deployments: (n) => `  labels:\n    app: ${n}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${n}\n  template:\n    metadata:\n      labels:\n        app: ${n}\n    spec:\n${podSpec('      ')}`,
  services: () => `spec:\n  type: ClusterIP\n  selector:\n    app: my-deployment\n  ports:\n  - name: http\n    port: 80\n    targetPort: 80\n    protocol: TCP`,
  ingresses: () =>
    `spec:\n  rules:\n  - host: example.local\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: my-service\n            port:\n              number: 80`,
  configmaps: () => `data:\n  key: value\n  app.properties: |\n    greeting=hello`,
  secrets: () => `type: Opaque\nstringData:\n  username: admin\n  password: change-me`,
  jobs: () => `spec:\n  backoffLimit: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: job\n        image: busybox:1.36\n        command: ["sh", "-c", "echo hello"]`,
  cronjobs: () =>
    `spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: job\n            image: busybox:1.36\n            command: ["sh", "-c", "date"]`,
  namespaces: () => '',
  persistentvolumeclaims: () => `spec:\n  accessModes:\n  - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi`,
  serviceaccounts: () => '',
  roles: () => `rules:\n- apiGroups: [""]\n  resources: ["pods"]\n  verbs: ["get", "list", "watch"]`,
  rolebindings: () => `subjects:\n- kind: ServiceAccount\n  name: default\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: my-role`,
};

/** The YAML a Create dialog opens with; namespaced kinds get `namespace`. */
export function templateFor(kind: ResourceKind, namespace: string): string {
  const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
  const name = `my-${kind.kind.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`;
  const head = [`apiVersion: ${apiVersion}`, `kind: ${kind.kind}`, 'metadata:', `  name: ${name}`];
  if (kind.namespaced) head.push(`  namespace: ${namespace || 'default'}`);
  const body = Object.hasOwn(BODIES, kind.id) ? BODIES[kind.id]!(name) : `# Fields of ${kind.kind}: Ctrl+Space lists what the cluster's schema allows here.`;
  return [...head, body].filter(Boolean).join('\n') + '\n';
}
