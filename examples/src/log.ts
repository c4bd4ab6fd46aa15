// A line buffer flushed when it gets long; `flushIfNeeded` reads the buffer the loop grows.
export class LineLog {
  private buffer = '';
  private readonly flushed: string[] = [];

  write(lines: readonly string[]): void {
    for (const line of lines) {
      this.buffer += `${new Date().toISOString()} ${line}\n`;
      this.flushIfNeeded();
    }
  }

  private flushIfNeeded(): void {
    if (this.buffer.split('\n').length > 100) {
      this.flushed.push(this.buffer);
      this.buffer = '';
    }
  }
}
