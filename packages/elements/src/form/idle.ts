/**
 * Resolves once the fields are painted and the page is idle. Two frames: a long task started
 * right after the first one would hold back the frame that follows it, so the page would stay
 * unresponsive just as it appears.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => afterIdle(resolve))));
}

export function afterIdle(run: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => run(), { timeout: 1000 });
  else setTimeout(run, 50);
}
