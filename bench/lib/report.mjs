// The results as a table on stdout, as JSON, and as an SVG chart for the README.

const colours = { guichet: '#000091', floor: '#6a6a6a', rjsf: '#c9191e', jsonforms: '#b34000' };
const labels = { guichet: 'Guichet', floor: 'Lit floor', rjsf: 'RJSF', jsonforms: 'JSON Forms' };

export function table(rows) {
  const headers = ['Measure', 'Guichet', 'Floor', 'RJSF', 'JSON Forms', 'Ratios', 'Target', 'Result'];
  const cells = [
    headers,
    ...rows.map((r) => [
      r.measure,
      r.guichet,
      r.floor ?? '',
      r.rjsf ?? '',
      r.jsonforms ?? '',
      r.ratios ?? '',
      r.target ?? '',
      r.result ?? '',
    ]),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel: groups of bars (one bar per contender), linear scale from 0, value on each bar. */
function panel({ x, y, width, height, title, unit, groups, series, log = false, lines = [] }) {
  const max =
    Math.max(...groups.flatMap((g) => series.map((s) => g.values[s] ?? 0)), ...lines.map((l) => l.value)) || 1;
  const plotTop = y + 62;
  const plotHeight = height - 100;
  // A log scale where one contender is an order of magnitude away from the others.
  const scale = (value) => (log ? Math.log10(1 + value) / Math.log10(1 + max) : value / max);
  const groupWidth = width / groups.length;
  const barWidth = Math.min(34, (groupWidth - 24) / series.length);
  const parts = [`<text x="${x}" y="${y + 18}" class="title">${escape(title)}</text>`];
  parts.push(
    `<line x1="${x}" y1="${plotTop + plotHeight}" x2="${x + width}" y2="${plotTop + plotHeight}" class="axis"/>`,
  );
  groups.forEach((group, gi) => {
    const gx = x + gi * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((name, si) => {
      const value = group.values[name];
      if (value === undefined || Number.isNaN(value)) return;
      const h = Math.max(1, scale(value) * plotHeight);
      const bx = gx + si * barWidth;
      const by = plotTop + plotHeight - h;
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${(barWidth - 3).toFixed(1)}" height="${h.toFixed(1)}" fill="${colours[name]}"><title>${escape(`${labels[name]}: ${format(value)} ${unit}`)}</title></rect>`,
      );
      // Values alternate in height so that narrow neighbours do not overlap.
      parts.push(
        `<text x="${(bx + (barWidth - 3) / 2).toFixed(1)}" y="${(by - 4 - (si % 2) * 10).toFixed(1)}" class="value">${escape(format(value))}</text>`,
      );
    });
    parts.push(
      `<text x="${(x + gi * groupWidth + groupWidth / 2).toFixed(1)}" y="${plotTop + plotHeight + 18}" class="group">${escape(group.label)}</text>`,
    );
  });
  for (const line of lines) {
    const ly = plotTop + plotHeight - scale(line.value) * plotHeight;
    parts.push(`<line x1="${x}" y1="${ly.toFixed(1)}" x2="${x + width}" y2="${ly.toFixed(1)}" class="budget"/>`);
    parts.push(`<text x="${x + width}" y="${(ly - 3).toFixed(1)}" class="budget-label">${escape(line.label)}</text>`);
  }
  parts.push(
    `<text x="${x}" y="${y + 34}" class="unit">${escape(unit)}${log ? ', log scale' : ''} (lower is better)</text>`,
  );
  return parts.join('\n');
}

const format = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export function chart(results) {
  const series = ['guichet', 'floor', 'rjsf', 'jsonforms'];
  const width = 960;
  const panelWidth = 440;
  const panelHeight = 300;
  const m = results.medians;
  const panels = [
    panel({
      x: 20,
      y: 50,
      width: panelWidth,
      height: panelHeight,
      title: 'First render',
      unit: 'ms, median',
      series,
      groups: results.config.sizes.map((n) => ({
        label: `${n} fields`,
        values: Object.fromEntries(series.map((s) => [s, m.firstRender[s][n]])),
      })),
    }),
    panel({
      x: 500,
      y: 50,
      width: panelWidth,
      height: panelHeight,
      title: 'Input latency after a failed submit',
      unit: 'ms, median',
      series,
      log: true,
      groups: results.config.latencySizes.flatMap((n) =>
        results.config.throttle.map((rate) => ({
          label: `${n} fields${rate > 1 ? `, CPU ×${rate}` : ''}`,
          values: Object.fromEntries(series.map((s) => [s, m.inputLatency[rate][s][n]])),
        })),
      ),
    }),
    panel({
      x: 20,
      y: 380,
      width: panelWidth,
      height: panelHeight,
      title: 'Size on the wire',
      unit: 'KB gzip',
      series,
      log: true,
      lines: [
        { value: 30, label: 'budget: first load 30 KB' },
        { value: 75, label: 'budget: everything 75 KB' },
      ],
      groups: [
        {
          label: 'first load',
          values: {
            guichet: results.size.guichet.main.gzip / 1024,
            floor: results.size.peers.floor.gzip / 1024,
            rjsf: results.size.peers.rjsf.gzip / 1024,
            jsonforms: results.size.peers.jsonforms.gzip / 1024,
          },
        },
        { label: 'with lazy chunks', values: { guichet: results.size.guichet.total.gzip / 1024 } },
      ],
    }),
    panel({
      x: 500,
      y: 380,
      width: panelWidth,
      height: panelHeight,
      title: 'Heap kept per mount/unmount cycle, code hot',
      unit: 'KB, median',
      series,
      groups: results.config.memorySizes.map((n) => ({
        label: `${n} fields`,
        values: Object.fromEntries(series.map((s) => [s, Math.max(0, m.memory[s][n].perCycle / 1024)])),
      })),
    }),
  ];
  const note = `<text x="${width - 20}" y="28" class="legend" text-anchor="end">${escape(`${results.date.slice(0, 10)}, ${results.machine.cpus} cores, headless Chromium`)}</text>`;
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${20 + i * 150}" y="16" width="14" height="14" fill="${colours[s]}"/><text x="${40 + i * 150}" y="28" class="legend">${labels[s]}</text>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 700" width="${width}" height="700" role="img" aria-labelledby="chart-title">
<title id="chart-title">Guichet against react-jsonschema-form, JSON Forms and a hand-written Lit floor (${escape(results.date)})</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<style>
text { font-family: system-ui, sans-serif; fill: #161616; }
.title { font-size: 16px; font-weight: 700; }
.unit, .group { font-size: 12px; fill: #3a3a3a; }
.group { text-anchor: middle; }
.value { font-size: 10px; text-anchor: middle; }
.legend { font-size: 13px; }
.axis { stroke: #929292; }
.budget { stroke: #161616; stroke-dasharray: 4 3; }
.budget-label { font-size: 11px; text-anchor: end; }
</style>
${legend}
${note}
${panels.join('\n')}
</svg>
`;
}
