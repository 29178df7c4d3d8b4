// The terminals of one bridge session (one window, or one web page): a node-pty per tab, its
// output relayed as pty:data with flow control (PtyFlow pauses the pty while the renderer is
// behind), and every process of a tab ended when the tab, the window or the host closes.
import { spawn, type IPty } from 'node-pty';
import type { EventChannels, PtyOpened, PtyStart } from '../bridge/contract';
import { PtyFlow } from './pty-flow';
import { endSession } from './session-processes';

type Emit = <E extends 'pty:data' | 'pty:exit'>(channel: E, payload: EventChannels[E]) => void;

/** What a tab runs, prepared by the TerminalHost. */
export interface PtyLaunch {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  context: string;
  /** Removes what was prepared for the tab (its kubeconfig file). */
  dispose(): void;
}

export type Launcher = (start: PtyStart) => Promise<PtyLaunch>;

interface Session {
  pty: IPty;
  flow: PtyFlow;
  launch: PtyLaunch;
  /** Output of this event-loop turn, sent as one message. */
  pending: string;
}

const MAX_SESSIONS = 32;
const MAX_DIMENSION = 1000;
/** A paste larger than this is refused rather than queued in the pty. */
const MAX_WRITE = 1024 * 1024;
/** Output gathered before it is sent: at most this long, or this many characters. */
const BATCH_MS = 5;
const BATCH_CHARS = 64 * 1024;

export class PtySessions {
  private readonly sessions = new Map<string, Session>();
  private disposed = false;

  constructor(
    private readonly emit: Emit,
    private readonly launcher: Launcher,
  ) {}

  async open(start: PtyStart): Promise<PtyOpened> {
    const id = requireId(start.id);
    const cols = requireDimension(start.cols, 'cols');
    const rows = requireDimension(start.rows, 'rows');
    if (typeof start.cluster !== 'string' || typeof start.namespace !== 'string') throw new Error('a terminal needs a cluster and a namespace');
    if (this.sessions.has(id)) throw new Error(`terminal ${id} is open already`);
    if (this.sessions.size >= MAX_SESSIONS) throw new Error(`at most ${MAX_SESSIONS} terminals can be open`);
    const launch = await this.launcher(start);
    if (this.disposed || this.sessions.has(id)) {
      launch.dispose();
      throw new Error('the terminal was closed while it opened');
    }
    let pty: IPty;
    try {
      pty = spawn(launch.file, launch.args, { name: 'xterm-256color', cols, rows, cwd: launch.cwd, env: launch.env });
    } catch (err) {
      launch.dispose();
      throw new Error(`could not start ${launch.file}: ${(err as Error).message}`);
    }
    const session: Session = { pty, launch, pending: '', flow: new PtyFlow(() => pty.pause(), () => pty.resume()) };
    this.sessions.set(id, session);
    // node-pty hands output over 4 KiB at a time: gathered for a few milliseconds (as VS Code's
    // terminal does), a flood crosses the bridge in large frames instead of thousands of tiny ones.
    pty.onData((data) => {
      if (!session.pending) setTimeout(() => this.flush(id, session), BATCH_MS);
      session.pending += data;
      if (session.pending.length >= BATCH_CHARS) this.flush(id, session);
    });
    pty.onExit(({ exitCode, signal }) => {
      if (this.sessions.get(id) !== session) return;
      this.flush(id, session);
      this.sessions.delete(id);
      // Jobs the shell left running (`sleep 600 &`) end with it.
      void this.end(session);
      this.emit('pty:exit', { id, exitCode, ...(signal ? { signal } : {}) });
    });
    return { shell: launch.file, context: launch.context };
  }

  write(id: string, data: unknown): void {
    if (typeof data !== 'string') throw new Error('terminal input must be a string');
    if (data.length > MAX_WRITE) throw new Error(`terminal input over ${MAX_WRITE} characters is refused`);
    this.sessions.get(id)?.pty.write(data);
  }

  resize(id: string, cols: unknown, rows: unknown): void {
    const c = requireDimension(cols, 'cols');
    const r = requireDimension(rows, 'rows');
    this.sessions.get(id)?.pty.resize(c, r);
  }

  /** The renderer has drawn `chars` more characters of the tab's output. */
  ack(id: string, chars: unknown): void {
    if (!Number.isSafeInteger(chars) || (chars as number) < 0) throw new Error('ack chars must be a whole number');
    this.sessions.get(id)?.flow.acked(chars as number);
  }

  /** Whether the tab's shell is paused, waiting for the renderer. */
  paused(id: string): boolean {
    return this.sessions.get(id)?.flow.paused ?? false;
  }

  /** Ends the tab's processes; resolves once none is left. */
  async close(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await this.end(session);
  }

  /** Ends every tab (the window or the host is closing); resolves once no process is left. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private flush(id: string, session: Session): void {
    const data = session.pending;
    if (!data || this.sessions.get(id) !== session) return;
    session.pending = '';
    session.flow.sent(data.length);
    this.emit('pty:data', { id, data });
  }

  private async end(session: Session): Promise<void> {
    // A paused pty would hold its output (and node-pty its exit) forever.
    session.pty.resume();
    try {
      // ConPTY ends every process attached to the tab's console itself.
      if (process.platform === 'win32') session.pty.kill();
      else await endSession(session.pty.pid);
    } finally {
      session.launch.dispose();
    }
  }
}

function requireId(id: unknown): string {
  if (typeof id !== 'string' || !id || id.length > 100) throw new Error('a terminal needs an id');
  return id;
}

function requireDimension(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_DIMENSION) throw new Error(`terminal ${what} must be a whole number from 1 to ${MAX_DIMENSION}`);
  return value as number;
}
