import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Polling more often than this would only load the back office: a request changes in hours, not seconds. */
export const MIN_REFRESH_SECONDS = 10;

/** The polling period for a `refresh` attribute value, or undefined when polling is off. */
export function refreshSeconds(refresh: number | string | null | undefined): number | undefined {
  const seconds = Number(refresh);
  if (refresh === null || refresh === undefined || refresh === '' || !Number.isFinite(seconds) || seconds <= 0)
    return undefined;
  return Math.max(MIN_REFRESH_SECONDS, seconds);
}

/**
 * Calls `tick` every `seconds` while the page is visible. A hidden tab costs the back office
 * nothing; when the citizen comes back, the tick runs at once so what they see is current.
 * The next tick is planned only after the previous one settled, so slow answers never pile up.
 */
export class PollController implements ReactiveController {
  private seconds: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  private running = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly tick: () => Promise<void>,
  ) {
    host.addController(this);
  }

  /** Turns polling on (a period in seconds) or off (undefined); cheap to call on every update. */
  set(seconds: number | undefined): void {
    if (seconds === this.seconds) return;
    this.seconds = seconds;
    this.plan();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.plan();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clear();
  }

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      this.clear();
    } else if (this.seconds !== undefined) {
      void this.run();
    }
  };

  private plan(): void {
    this.clear();
    if (!this.connected || this.seconds === undefined || this.running || document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => void this.run(), this.seconds * 1000);
  }

  private async run(): Promise<void> {
    this.clear();
    if (this.running) return;
    this.running = true;
    try {
      // The host reports its own failures; a rejected tick must not stop the polling.
      await this.tick().catch(() => undefined);
    } finally {
      this.running = false;
      this.plan();
    }
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
