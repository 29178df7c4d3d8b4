// Flow control for one terminal: characters sent to the renderer and not yet drawn there.
// Above the high-water mark the shell is paused (its writes block, as on a slow real terminal);
// once the renderer has caught up below the low-water mark it runs again.
import { PTY_HIGH_WATER, PTY_LOW_WATER } from '../bridge/contract';

export class PtyFlow {
  private unacked = 0;
  paused = false;

  constructor(
    private readonly pause: () => void,
    private readonly resume: () => void,
    private readonly high = PTY_HIGH_WATER,
    private readonly low = PTY_LOW_WATER,
  ) {}

  sent(chars: number): void {
    this.unacked += chars;
    if (!this.paused && this.unacked > this.high) {
      this.paused = true;
      this.pause();
    }
  }

  /** The renderer has drawn `chars` more; more than was sent is a confused client, counted as all. */
  acked(chars: number): void {
    this.unacked = Math.max(0, this.unacked - chars);
    if (this.paused && this.unacked < this.low) {
      this.paused = false;
      this.resume();
    }
  }
}
