// The host's buffer for one log stream: bytes in, whole lines out in frames of at most
// LOG_FRAME_BYTES, keeping only the newest LOG_BUFFER_LINES while the renderer is behind, so a
// chatty pod costs bounded memory here and bounded work per frame there.

/** Most text (UTF-16 units, about bytes for logs) in one frame. */
export const LOG_FRAME_BYTES = 256 * 1024;
/** Lines kept while the renderer has not acked the last frame; older ones are dropped and counted. */
export const LOG_BUFFER_LINES = 5000;
/** A line longer than this is cut (and marked), as no frame could carry it whole. */
export const LOG_MAX_LINE = 64 * 1024;

export class LogFrames {
  private lines: string[] = [];
  private head = 0;
  private partial = '';
  private dropped = 0;

  constructor(
    private readonly maxLines = LOG_BUFFER_LINES,
    private readonly frameBytes = LOG_FRAME_BYTES,
  ) {}

  /** Adds decoded text; a line without its newline waits for the rest. */
  push(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    if (this.partial.length > LOG_MAX_LINE) {
      parts.push(this.partial.slice(0, LOG_MAX_LINE));
      this.partial = '';
    }
    for (const p of parts) this.lines.push(p.endsWith('\r') ? p.slice(0, -1) : p);
    const excess = this.lines.length - this.head - this.maxLines;
    if (excess > 0) {
      this.head += excess;
      this.dropped += excess;
    }
    // Drop the consumed prefix now and then, not on every shift.
    if (this.head > 4096 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }

  /** At the end of the stream, a last line without a newline. */
  end(): void {
    if (this.partial) this.lines.push(this.partial);
    this.partial = '';
  }

  get pending(): boolean {
    return this.head < this.lines.length || this.dropped > 0;
  }

  /** The next frame: lines from the oldest kept, up to the byte cap (at least one line). */
  take(): { lines: string[]; dropped: number } {
    const out: string[] = [];
    let bytes = 0;
    while (this.head < this.lines.length) {
      const line = this.lines[this.head]!;
      const size = Math.min(line.length, LOG_MAX_LINE) + 1;
      if (out.length > 0 && bytes + size > this.frameBytes) break;
      out.push(line.length > LOG_MAX_LINE ? line.slice(0, LOG_MAX_LINE) : line);
      bytes += size;
      this.head++;
    }
    const dropped = this.dropped;
    this.dropped = 0;
    return { lines: out, dropped };
  }
}
