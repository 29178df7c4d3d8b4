// Log streams feeding one LogStore, by key (a pod's container, or one of a workload's pods):
// open adds a stream, close ends it; each stream's state says whether it is live, ended or
// refused (and why). The view redraws on `version`, bumped once per frame of lines.
import { getCurrentScope, onScopeDispose, reactive, ref } from 'vue';
import { openLogStream } from '../../kube/log-stream';
import { LogStore, parseLine, type LogSourceTag } from './log-store';

/** Lines asked for when a stream opens (Lens and Headlamp also start from a tail). */
export const TAIL_LINES = 1000;

export interface LogTarget {
  namespace: string;
  pod: string;
  container: string;
  previous?: boolean;
  /** Given in a multi-pod view: the tag before each line. */
  tag?: LogSourceTag;
}

export interface StreamState {
  state: 'live' | 'ended' | 'error';
  error?: string;
}

export function useLogStreams(cap?: number) {
  const store = new LogStore(cap);
  const version = ref(0);
  const states = reactive(new Map<string, StreamState>());
  const closers = new Map<string, () => void>();

  function open(key: string, target: LogTarget): void {
    close(key);
    states.set(key, { state: 'live' });
    const closeStream = openLogStream(
      { namespace: target.namespace, pod: target.pod, container: target.container, previous: target.previous, follow: !target.previous, timestamps: true, tailLines: TAIL_LINES },
      {
        lines(lines, dropped) {
          store.dropped += dropped;
          store.add(lines.map((l) => parseLine(l, target.tag)));
          version.value++;
        },
        end(error) {
          closers.delete(key);
          states.set(key, error ? { state: 'error', error } : { state: 'ended' });
        },
      },
    );
    closers.set(key, closeStream);
  }

  function close(key: string): void {
    closers.get(key)?.();
    closers.delete(key);
  }

  /** Ends every stream and empties the store (a new container or instance was chosen). */
  function reset(): void {
    for (const key of [...closers.keys()]) close(key);
    states.clear();
    store.clear();
    version.value++;
  }

  if (getCurrentScope()) onScopeDispose(() => [...closers.keys()].forEach(close));
  return { store, version, states, open, close, reset };
}
