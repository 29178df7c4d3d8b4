// kubectl run -i / -t / --attach / --rm as the cluster answers today: pods run on a simulated
// runtime whose nodes serve no attach, so kubectl warns, falls back to the container's logs,
// waits for the pod to end with --restart=Never, and deletes it with --rm.
import type { GoldenCase } from './case';

/** Which node the pod landed on. */
const NODE: [RegExp, string] = [/node \\?"(cp1|wrk\d)\\?"/g, 'node "NODE"'];

const attached = (args: string[], title?: string): GoldenCase => ({ args: ['run', ...args], isolated: true, input: '', mask: [NODE], ...(title ? { title } : {}) });

export const cases: GoldenCase[] = [
  attached(['my-test-pod', '--image=alpine:3.15.1', '--env', 'k1=v1', '--env', 'k2=v2', '--stdin', '--tty', '--rm=true', '--', '/bin/sh']),
  attached(['curl', '--image=radial/busyboxplus:curl', '-i', '--tty']),
  attached(['hello', '--image=busybox', '--restart=Never', '-i', '-t', '--rm', '--', 'echo', 'hello']),
  attached(['fails', '--image=busybox', '--restart=Never', '-i', '--rm', '--', 'sh', '-c', 'exit 3'], 'kubectl run -i --rm --restart=Never exits with the container\'s code'),
  attached(['hi', '--image=busybox', '--restart=Never', '--attach', '--', 'echo', 'hi']),
  attached(['quiet', '--image=busybox', '--restart=Never', '-i', '-q', '--rm', '--', 'echo', 'quiet']),
  attached(['plain', '--image=busybox', '--restart=Never', '-i', '--', 'echo', 'kept'], 'kubectl run -i without --rm keeps the pod'),
];
