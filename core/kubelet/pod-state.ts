// What a kubelet knows about one pod it runs: the pod's IP and start time, and for each
// container its current and previous instance in the runtime, as the kubelet's PLEG and
// status manager would see them.
import type { ContainerExit, RunningContainer } from '../runtime/types';

export interface ContainerInstance {
  id: string;
  startedAt: Date;
  /** The runtime's container; it keeps its output after it exits. */
  handle: RunningContainer;
  /** Set once it has exited. */
  exit?: ContainerExit;
}

export interface ContainerState {
  name: string;
  /** Image and digest as the runtime reports them, once pulled. */
  image?: string;
  imageId?: string;
  /** Latest instance, and the one before it (lastState). */
  current?: ContainerInstance;
  last?: ContainerInstance;
  restartCount: number;
  /** A pull and start is under way. */
  creating: boolean;
  /** Why it waits when that is not the default (CrashLoopBackOff, InvalidImageName). */
  waiting?: { reason: string; message?: string };
  /** The instance a BackOff event was already recorded for. */
  backOffReportedFor?: string;
  /** When the last start failed in a way the kubelet retries (CreateContainerError, ErrImageNeverPull). */
  failedStartAt?: Date;
}

export interface PodState {
  uid: string;
  podIP: string;
  startTime: Date;
  initContainers: Map<string, ContainerState>;
  containers: Map<string, ContainerState>;
  /** Set once the pod's deletion has begun: resolves when its containers have stopped. */
  terminating?: Promise<void>;
}

export function containerState(states: Map<string, ContainerState>, name: string): ContainerState {
  let s = states.get(name);
  if (!s) states.set(name, (s = { name, restartCount: 0, creating: false }));
  return s;
}

export const isRunning = (c: ContainerState | undefined) => !!c?.current && !c.current.exit;
export const hasExited = (c: ContainerState | undefined) => !!c?.current?.exit;
export const succeeded = (c: ContainerState | undefined) => c?.current?.exit?.exitCode === 0;
