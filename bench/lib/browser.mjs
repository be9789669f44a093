// The browser measurements: one page per contender, kept open, visited in turn on every
// iteration (round-robin) so that a slow moment of the machine hits every contender alike.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { dataSchema, fieldSpecs, guichetDefinition, jsonFormsUiSchema, rjsfUiSchema } from './definition.mjs';

export const contenders = ['guichet', 'rjsf', 'jsonforms', 'floor'];

function payloadFor(count) {
  const specs = fieldSpecs(count);
  return {
    specs,
    payload: {
      definition: guichetDefinition(specs),
      schema: dataSchema(specs),
      rjsfUiSchema: rjsfUiSchema(specs),
      jsonFormsUiSchema: jsonFormsUiSchema(specs),
    },
  };
}

/** Required text fields spread over the form: the ones a keystroke fixes. */
function latencyTargets(specs, count) {
  const candidates = specs.filter((s) => s.kind === 'text' && s.required).map((s) => s.name);
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]);
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
}

async function openPage(browser, baseUrl, name) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/page/${name}`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  return { name, page, context, errors };
}

async function install(page, sizes) {
  for (const size of sizes) {
    const { specs, payload } = payloadFor(size);
    await page.evaluate(
      ([n, s, p]) => {
        window.forms ??= {};
        window.forms[n] = { specs: s, payload: p };
      },
      [size, specs, payload],
    );
  }
}

const log = (line) => process.stderr.write(`${line}\n`);

/** Main-thread task time so far, in ms (every task: script, style, layout, paint set-up). */
async function taskTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

export async function firstRender({ browser, baseUrl, sizes, iterations }) {
  const pages = [];
  for (const name of contenders) pages.push(await openPage(browser, baseUrl, name));
  const samples = {};
  const cpu = {};
  for (const entry of pages) {
    await install(entry.page, sizes);
    entry.cdp = await entry.context.newCDPSession(entry.page);
    await entry.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  }
  for (const size of sizes) {
    for (const { name, page } of pages) {
      // Warm-up: lazy chunks, JIT, and how many controls a complete form has.
      await page.bringToFront();
      log(`  warm-up ${name} ${size}`);
      await page.evaluate((n) => window.bench.learn(window.forms[n].specs, window.forms[n].payload), size);
    }
    for (let i = 0; i < iterations(size); i++) {
      for (const { name, page } of rotate(pages, i)) {
        await page.bringToFront();
        const ms = await page.evaluate(
          (n) => window.bench.firstRender(window.forms[n].specs, window.forms[n].payload),
          size,
        );
        ((samples[name] ??= {})[size] ??= []).push(ms);
      }
      // The same mount again, its main-thread task time read around it (no two-frame floor).
      for (const { name, page, cdp } of rotate(pages, i + 1)) {
        await page.bringToFront();
        await page.evaluate((n) => window.bench.prepareMount(window.forms[n].specs, window.forms[n].payload), size);
        const before = await taskTime(cdp);
        await page.evaluate((n) => window.bench.mountPrepared(window.forms[n].specs), size);
        ((cpu[name] ??= {})[size] ??= []).push((await taskTime(cdp)) - before);
        await page.evaluate(() => window.bench.unmount());
      }
    }
    log(
      `  first render ${size} fields: ${contenders.map((c) => `${c} ${median(samples[c][size]).toFixed(1)} ms (CPU ${median(cpu[c][size]).toFixed(1)})`).join(', ')}`,
    );
  }
  await closeAll(pages);
  return { samples, cpu };
}

export async function inputLatency({ browser, baseUrl, sizes, iterations, fixes, throttle }) {
  const pages = [];
  for (const name of contenders) pages.push(await openPage(browser, baseUrl, name));
  for (const entry of pages) {
    await install(entry.page, sizes);
    entry.cdp = await entry.context.newCDPSession(entry.page);
  }
  const samples = {};
  const failures = {};
  for (const size of sizes) {
    const targets = latencyTargets(payloadFor(size).specs, fixes);
    for (let i = 0; i < iterations; i++) {
      for (const { name, page, cdp } of rotate(pages, i)) {
        await page.bringToFront();
        await page.evaluate(
          ([n, t]) => window.bench.prepareLatency(window.forms[n].specs, window.forms[n].payload, t),
          [size, targets],
        );
        for (const rate of throttle) {
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          for (const target of targets) {
            // Each fix clears one error; the next iteration mounts a fresh form.
            let ms;
            try {
              ms = await page.evaluate((t) => window.bench.fixTimed(t), target);
            } catch (error) {
              // Counted apart (and left out of the median) rather than stopping the whole run.
              log(`  ${name}, ${size} fields, CPU ×${rate}: ${error.message.split('\n')[0]}`);
              (((failures[rate] ??= {})[name] ??= {})[size] ??= []).push(target);
              continue;
            }
            (((samples[rate] ??= {})[name] ??= {})[size] ??= []).push(ms);
          }
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          if (rate !== throttle.at(-1)) {
            // Fresh errors for the next rate: mount and fail again.
            await page.evaluate(
              ([n, t]) => window.bench.prepareLatency(window.forms[n].specs, window.forms[n].payload, t),
              [size, targets],
            );
          }
        }
        await page.evaluate(() => window.bench.unmount());
      }
    }
    for (const rate of throttle) {
      log(
        `  input latency ${size} fields, CPU ×${rate}: ${contenders.map((c) => `${c} ${median(samples[rate][c][size]).toFixed(1)} ms`).join(', ')}`,
      );
    }
  }
  await closeAll(pages);
  return { samples, failures };
}

/**
 * JS heap kept per mount/unmount cycle, both ends after a full GC: over the first `cycles` (V8
 * still compiling the contender's hot code: warm-up, not a leak) and over the next `cycles` (what
 * each mount really leaves behind). Heap snapshots diffed across cycles showed the first figure
 * is optimized code and inline caches, which stop growing once the code is hot.
 */
export async function memory({ browser, baseUrl, sizes, cycles, rounds }) {
  const samples = {};
  for (let round = 0; round < rounds; round++) {
    for (const size of sizes) {
      for (const name of rotate(contenders, round)) {
        const entry = await openPage(browser, baseUrl, name);
        await install(entry.page, [size]);
        const cdp = await entry.context.newCDPSession(entry.page);
        const heap = async () => {
          // Work a contender defers (idle callbacks, timers) settles first, then a full GC.
          await entry.page.waitForTimeout(1500);
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        const cycle = () =>
          entry.page.evaluate((n) => window.bench.cycle(window.forms[n].specs, window.forms[n].payload), size);
        await entry.page.evaluate((n) => window.bench.learn(window.forms[n].specs, window.forms[n].payload), size);
        await cycle();
        const before = await heap();
        for (let i = 0; i < cycles; i++) await cycle();
        const warm = await heap();
        for (let i = 0; i < cycles; i++) await cycle();
        const after = await heap();
        ((samples[name] ??= {})[size] ??= []).push({
          warmUpPerCycle: (warm - before) / cycles,
          perCycle: (after - warm) / cycles,
        });
        await entry.context.close();
      }
    }
  }
  return samples;
}

function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

async function closeAll(pages) {
  for (const { context, errors, name } of pages) {
    if (errors.length) log(`  page errors in ${name}: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

export function median(values) {
  if (!values?.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
