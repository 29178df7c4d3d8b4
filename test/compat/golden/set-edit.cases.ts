// kubectl set image (TYPE/NAME container=image, `*=image`, --all, -l, --dry-run, -o, the
// errors for unknown containers and objects without a pod template) and kubectl edit with a
// non-interactive $KUBE_EDITOR.
import type { GoldenCase } from './case';

const SETUP: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx:1.27'],
  ['create', 'deployment', 'api', '--image=busybox:1.36'],
  ['create', 'configmap', 'settings', '--from-literal=a=b'],
  ['create', 'cronjob', 'nightly', '--image=busybox:1.36', '--schedule=0 0 * * *'],
];

const iso = (args: string[], extra: Partial<GoldenCase> = {}): GoldenCase => ({ args, isolated: true, setup: SETUP, ...extra });

export const cases: GoldenCase[] = [
  // set image
  iso(['set', 'image', 'deployment/web', 'nginx=nginx:1.28']),
  iso(['set', 'image', 'deployment', 'web', 'nginx=nginx:1.28']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.27'], { title: 'kubectl set image deploy/web nginx=nginx:1.27 (the image it has: nothing printed)' }),
  iso(['set', 'image', 'deploy/web', '*=nginx:1.26']),
  iso(['set', 'image', 'deploy/web', 'deploy/api', '*=nginx:1.26']),
  iso(['set', 'image', 'deploy', '--all', '*=nginx:1.26']),
  iso(['set', 'image', 'deploy', '-l', 'app=api', 'busybox=busybox:1.37']),
  iso(['set', 'image', 'cronjob/nightly', 'nightly=busybox:1.37']),
  iso(['set', 'image', 'deploy/web', 'bogus=x']),
  iso(['set', 'image', 'deploy/web', 'deploy/api', 'nginx=nginx:1.28']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '--dry-run=client']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '--dry-run=server']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '-o', 'name']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '-o', 'yaml']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '-o', 'json']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
  iso(['set', 'image', 'deploy/web', 'nginx=nginx:1.28', '--field-manager=me', '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[*].manager}']),
  iso(['set', 'image', 'cm/settings', 'a=b']),
  iso(['set', 'image', 'cm/settings', 'deploy/web', 'nginx=nginx:1.28']),
  iso(['set', 'image', 'deploy/missing', 'a=b']),
  iso(['set', 'image', 'deploy/web', 'deploy/missing', 'nginx=x']),
  { args: ['set', 'image', 'deploy/web', '*=nginx:1.26', 'nginx=x'] },
  { args: ['set', 'image', 'deploy/web'] },
  { args: ['set', 'image'] },
  { args: ['set', 'image', 'deploy/web', 'nginx'] },
  { args: ['set', 'image', 'deploy', '--all', '-l', 'app=web', 'a=b'] },
  { args: ['set', 'image', 'deploy/web', 'nginx=x', '--dry-run=bogus'] },
  { args: ['set', 'image', 'deploy/web', 'nginx=x', 'web'] },
];
