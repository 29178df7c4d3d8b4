// The container runtime interface the kubelet drives (a much smaller CRI). Runtimes: simulated
// (runs nothing, reports synthetic usage), process (host processes, next), docker (real images).
import type { Container } from 'kubernetes-types/core/v1';

export interface ContainerRequest {
  podUid: string;
  podName: string;
  namespace: string;
  container: Container;
  /** Environment after resolving ConfigMaps, Secrets, the downward API and service links. */
  env: Record<string, string>;
  /** The pod's annotations, as CRI passes them in the sandbox config. */
  annotations?: Record<string, string>;
}

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'ContainerCannotRun';

export interface ContainerExit {
  exitCode: number;
  reason: ExitReason;
  message?: string;
  finishedAt: Date;
}

export interface ContainerUsage {
  /** CPU in millicores, averaged over the last sampling period. */
  cpuMillicores: number;
  memoryBytes: number;
}

/** One line a container wrote, with the time the runtime received it (CRI log format). */
export interface LogLine {
  time: Date;
  text: string;
}

export interface RunningContainer {
  readonly id: string;
  readonly startedAt: Date;
  /** Resolves once, when the container exits by itself or is stopped. */
  readonly exited: Promise<ContainerExit>;
  usage(): ContainerUsage;
  /** SIGTERM, then SIGKILL after graceSeconds. */
  stop(graceSeconds: number): Promise<ContainerExit>;
  /** Output lines kept so far, oldest first (the kubelet serves them as the container log). */
  logs(): LogLine[];
  /** Calls listener with each line written from now on; returns the function that stops it. */
  onLog(listener: (line: LogLine) => void): () => void;
}

export interface ContainerRuntime {
  readonly name: string;
  /** Why this runtime cannot run image, or undefined when it can. */
  cannotRun(image: string): string | undefined;
  /** Makes the image available; resolves with the time the pull took. */
  pull(image: string): Promise<number>;
  start(req: ContainerRequest): Promise<RunningContainer>;
}
