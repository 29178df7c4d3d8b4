// Messages between the host and the process that runs the embedded cluster (a Node fork in
// web mode, an Electron utilityProcess in the desktop app). Types only.

/** What the core process is started with (JSON in its first argument). */
export interface CoreOptions {
  dataDir: string;
  /** API server port; 0 picks a free one. */
  port: number;
}

export type HostMessage = { type: 'stop' };

export type CoreMessage =
  | { type: 'ready'; url: string; kubeconfigPath: string }
  | { type: 'failed'; message: string };

export type CoreReady = Extract<CoreMessage, { type: 'ready' }>;
