/**
 * Spaces the starts of a job (a read of the event outbox) at least `windowMs` apart, so that
 * under a steady stream of wake-ups each start serves a batch: the first wake-up after a quiet
 * spell starts at once, one within the window waits for its end (one timer, however many
 * wake-ups come meanwhile).
 */
export class StartWindow {
  private lastStart = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly windowMs: number) {}

  /** true: start now (the start is recorded); false: `later` is called at the window's end. */
  admit(later: () => void): boolean {
    if (this.timer) return false;
    const wait = this.lastStart + this.windowMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        later();
      }, wait).unref();
      return false;
    }
    this.lastStart = performance.now();
    return true;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
