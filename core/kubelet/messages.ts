// The kubelet's event and status texts, worded as kubelet v1.32 words them.
import type { Pod } from 'kubernetes-types/core/v1';

/** Go's time.Duration String(): 10s, 1m20s, 5m0s, 150ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = Number((totalSeconds % 60).toFixed(3));
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** format.Pod: name_namespace(uid). */
export const formatPod = (pod: Pod) => `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;

export const msg = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, ms: number, sizeBytes: number) =>
    `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${sizeBytes} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  created: (container: string) => `Created container: ${container}`,
  started: (container: string) => `Started container ${container}`,
  killing: (container: string) => `Stopping container ${container}`,
  backOffEvent: (container: string, pod: Pod) => `Back-off restarting failed container ${container} in pod ${formatPod(pod)}`,
  backOffWaiting: (ms: number, container: string, pod: Pod) =>
    `back-off ${goDuration(ms)} restarting failed container=${container} pod=${formatPod(pod)}`,
  invalidImage: (image: string, why: string) => `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${why}`,
};
