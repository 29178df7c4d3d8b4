// Checkpoints (copying the WAL into the database file) run in a worker thread, on a connection
// of their own. A PASSIVE checkpoint never blocks the writer, but on the main thread one
// stalled every request for 20-60 ms after each burst of a few thousand writes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const resolve = createRequire(import.meta.url).resolve;

/** The worker: opens the database, checkpoints on each message, closes on 'close'. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy database is checkpointed next time.
  }
  parentPort.postMessage('done');
});
`;

export class WalCheckpointer {
  private worker: Worker | undefined;
  /** Waiting for the checkpoint running now, and for the one to run after it. */
  private current: Array<() => void> | undefined;
  private next: Array<() => void> | undefined;
  private closed = false;

  constructor(private readonly file: string) {}

  /** A checkpoint of every write committed so far; resolves when it has run. */
  request(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((done) => {
      if (this.current) {
        (this.next ??= []).push(done);
        return;
      }
      this.current = [done];
      this.worker ??= this.start();
      this.worker.postMessage('checkpoint');
    });
  }

  /** Lets a running checkpoint finish, then closes the worker's connection. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    if (!w) return;
    this.worker = undefined;
    const exited = new Promise<void>((r) => w.once('exit', () => r()));
    // Waiting for it must keep the process alive, or a caller with nothing else pending exits
    // before close() resolves.
    w.ref();
    w.postMessage('close');
    await exited;
    this.settle();
    this.settle();
  }

  private start(): Worker {
    // Plain CommonJS whatever flags the process runs with (a loader, --input-type=module).
    const options = { eval: true, execArgv: [], workerData: { file: this.file, driver: resolve('better-sqlite3') } };
    const w = new Worker(WORKER_SOURCE, options);
    // It never keeps the process alive: an unfinished checkpoint is redone by the next open.
    w.unref();
    w.on('message', () => {
      this.settle();
      if (this.current && this.worker) this.worker.postMessage('checkpoint');
    });
    w.on('error', (e) => {
      console.error('wheelhouse store: checkpoint worker failed:', e.message);
      if (this.worker === w) this.worker = undefined;
      this.settle();
      this.settle();
    });
    return w;
  }

  /** The running checkpoint is over: its waiters resolve and the next one becomes current. */
  private settle(): void {
    this.current?.forEach((done) => done());
    this.current = this.next;
    this.next = undefined;
  }
}
