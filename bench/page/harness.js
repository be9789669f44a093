/* global MessageChannel, requestAnimationFrame, performance, structuredClone */
// Runs inside Chromium: the same measurements for every contender, which only has to say how it
// mounts a form, submits it, and shows or clears one field's error (see ../contenders/).

/** Yields to the event loop without setTimeout's 4 ms clamp. */
const yieldTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const twoFrames = async () => {
  await frame();
  await frame();
};

async function until(test, what, timeoutMs = 60_000) {
  const start = performance.now();
  while (!test()) {
    const elapsed = performance.now() - start;
    if (elapsed > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    // Past 50 ms, plain timers too: a contender may wait on one (a debounce), and back-to-back
    // message tasks must not starve it.
    await (elapsed < 50 ? yieldTask() : new Promise((resolve) => setTimeout(resolve, 1)));
  }
}

export function createBench(contender) {
  const container = document.getElementById('stage');
  /** Controls a complete form of n fields shows, learnt on the first mount of that size. */
  const expected = new Map();
  /** The copy of the definition prepareMount set aside for mountPrepared. */
  let pending;

  async function learnExpected(specs, payload) {
    let last = -1;
    let stable = 0;
    await contender.prepare?.(container);
    await contender.mount(container, specs, structuredClone(payload));
    // Stable over 5 frames: the contender is done, however it schedules its work.
    const deadline = performance.now() + 60_000;
    while (stable < 5) {
      if (performance.now() > deadline)
        throw new Error(`${contender.name} never showed ${specs.length} controls (${last})`);
      await frame();
      const now = contender.controlCount(container);
      stable = now === last && now >= specs.length ? stable + 1 : 0;
      last = now;
    }
    expected.set(specs.length, last);
    contender.unmount(container);
    await twoFrames();
  }

  async function mountTimed(specs, payload) {
    if (!expected.has(specs.length)) await learnExpected(specs, payload);
    const want = expected.get(specs.length);
    // A copy each time: no contender may reuse what it compiled for the same object last time.
    const fresh = structuredClone(payload);
    await contender.prepare?.(container);
    await twoFrames();
    const start = performance.now();
    await contender.mount(container, specs, fresh);
    await until(() => contender.controlCount(container) >= want, 'every control');
    await twoFrames();
    return performance.now() - start;
  }

  return {
    name: contender.name,

    async firstRender(specs, payload) {
      const ms = await mountTimed(specs, payload);
      contender.unmount(container);
      await twoFrames();
      return ms;
    },

    /** Set up for a CPU-timed mount: the element created, nothing of the form drawn yet. */
    async prepareMount(specs, payload) {
      if (!expected.has(specs.length)) await learnExpected(specs, payload);
      pending = structuredClone(payload);
      await contender.prepare?.(container);
      await twoFrames();
    },

    /**
     * The mount whose main-thread time the DevTools protocol reads around it: waits frame by frame
     * (not the busy poll of the wall-clock measure, whose tasks would count) for every control.
     */
    async mountPrepared(specs) {
      const want = expected.get(specs.length);
      await contender.mount(container, specs, pending);
      pending = undefined;
      while (contender.controlCount(container) < want) await frame();
      await twoFrames();
    },

    /** Mounts, submits empty (errors shown), then times each fix of `targets` (field names). */
    async prepareLatency(specs, payload, targets) {
      await mountTimed(specs, payload);
      await contender.submit(container);
      await until(
        () => targets.every((name) => contender.hasError(container, name)),
        'the errors after a failed submit',
      );
      await twoFrames();
    },

    async fixTimed(name) {
      // Let the previous keystroke's late work finish (JSON Forms echoes each change back
      // through its onChange → data prop; typing during that echo loses the keystroke).
      await new Promise((resolve) => setTimeout(resolve, 250));
      await twoFrames();
      const start = performance.now();
      contender.fix(container, name);
      await until(
        () => !contender.hasError(container, name),
        `the error of ${name} to clear in ${contender.name}`,
        10_000,
      );
      // Style and layout of what changed are part of what the citizen waits for.
      void document.documentElement.offsetHeight;
      return performance.now() - start;
    },

    async unmount() {
      contender.unmount(container);
      await twoFrames();
    },

    async cycle(specs, payload) {
      await contender.prepare?.(container);
      await contender.mount(container, specs, structuredClone(payload));
      const want = expected.get(specs.length) ?? specs.length;
      await until(() => contender.controlCount(container) >= want, 'every control');
      await frame();
      contender.unmount(container);
      await frame();
    },

    learn: (specs, payload) => learnExpected(specs, payload),
  };
}
