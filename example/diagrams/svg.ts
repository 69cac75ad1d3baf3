import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * Renders the two kinds of picture the glossary needs, a line chart and a cycle of boxes and
 * arrows, as self-contained accessible SVG: `role="img"`, `<title>` and `<desc>` wired up with
 * `aria-labelledby`, a fixed 16:9 viewBox (the size the term page reserves), and colours from an
 * embedded style sheet that follows the reader's light or dark scheme. Series differ by dash
 * pattern as well as colour, so no reading depends on colour alone.
 */

export const WIDTH = 640;
export const HEIGHT = 360;

/** One plotted curve. */
export interface Series {
  label: string;
  points: readonly (readonly [number, number])[];
  /** Index into the palette (0 blue, 1 orange, 2 green); also picks the dash pattern. */
  tone?: 0 | 1 | 2;
}

/** A line chart. */
export interface ChartSpec {
  id: string;
  title: string;
  desc: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  xTicks: (x: number) => string;
  yTicks: (y: number) => string;
  /** Vertical reference lines, e.g. the strike. */
  markers?: readonly { x: number; label: string }[];
  /** Force the y range (otherwise the data range, made nice). */
  yDomain?: readonly [number, number];
}

/** A cycle diagram: boxes in a ring, each arrowing to the next, with a caption in the middle. */
export interface CycleSpec {
  id: string;
  title: string;
  desc: string;
  /** Each step as one to three short lines. */
  steps: readonly (readonly string[])[];
  centre: readonly string[];
}

const STYLE = `
.t{font:14px system-ui,-apple-system,"Segoe UI",sans-serif;fill:#1c1d21}
.m{fill:#5b5f6a}.ax{stroke:#5b5f6a;stroke-width:1.2}.g{stroke:#e2e3e8;stroke-width:1}
.s0,.s1,.s2{fill:none;stroke-width:3;stroke-linejoin:round;stroke-linecap:round}
.s0{stroke:#0b5cad}.s1{stroke:#c2410c;stroke-dasharray:9 6}.s2{stroke:#15803d;stroke-dasharray:2 5}
.mk{stroke:#5b5f6a;stroke-width:1.2;stroke-dasharray:4 4}
.box{fill:#f4f5f7;stroke:#0b5cad;stroke-width:2}.arr{stroke:#c2410c;stroke-width:2.5;fill:none}.ah{fill:#c2410c}
@media (prefers-color-scheme:dark){
.t{fill:#e8e9ec}.m{fill:#a3a8b4}.ax{stroke:#a3a8b4}.g{stroke:#2d3139}
.s0{stroke:#7cb7ff}.s1{stroke:#fb923c}.s2{stroke:#4ade80}.mk{stroke:#a3a8b4}
.box{fill:#1d2026;stroke:#7cb7ff}.arr{stroke:#fb923c}.ah{fill:#fb923c}}`;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rounds for output, so the files are stable and small. */
const n = (value: number) => String(Math.round(value * 10) / 10);

function documentOf(id: string, title: string, desc: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<style>${STYLE}</style>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

interface TextOptions {
  anchor?: 'middle' | 'end';
  /** Secondary text (ticks, reference labels) in the muted colour. */
  muted?: boolean;
  /** Further attributes, written as is. */
  attrs?: string;
}

function text(x: number, y: number, content: string, { anchor, muted, attrs }: TextOptions = {}): string {
  const extra = `${anchor ? ` text-anchor="${anchor}"` : ''}${attrs ? ` ${attrs}` : ''}`;
  return `<text class="t${muted ? ' m' : ''}" x="${n(x)}" y="${n(y)}"${extra}>${escapeXml(content)}</text>`;
}

/** Draws a line chart with axes, ticks, a grid, a legend and optional reference lines. */
export function renderChart(spec: ChartSpec): string {
  const margin = { left: 88, right: 24, top: 48, bottom: 58 };
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]));
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([margin.left, WIDTH - margin.right]);
  const y = scaleLinear()
    .domain(spec.yDomain ? [...spec.yDomain] : [Math.min(0, ...ys), Math.max(0, ...ys)])
    .range([HEIGHT - margin.bottom, margin.top])
    .nice(5);
  const body: string[] = [];
  for (const tick of y.ticks(5)) {
    body.push(
      `<line class="g" x1="${margin.left}" x2="${WIDTH - margin.right}" y1="${n(y(tick))}" y2="${n(y(tick))}"/>`,
    );
    body.push(text(margin.left - 8, y(tick) + 5, spec.yTicks(tick), { anchor: 'end', muted: true }));
  }
  for (const tick of x.ticks(6)) {
    body.push(
      text(x(tick), HEIGHT - margin.bottom + 20, spec.xTicks(tick), { anchor: 'middle', muted: true }),
    );
  }
  const [y0, y1] = y.domain() as [number, number];
  const axisY = y0 <= 0 && y1 >= 0 ? y(0) : HEIGHT - margin.bottom;
  body.push(
    `<line class="ax" x1="${margin.left}" x2="${WIDTH - margin.right}" y1="${n(axisY)}" y2="${n(axisY)}"/>`,
  );
  body.push(
    `<line class="ax" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${HEIGHT - margin.bottom}"/>`,
  );
  for (const marker of spec.markers ?? []) {
    body.push(
      `<line class="mk" x1="${n(x(marker.x))}" x2="${n(x(marker.x))}" y1="${margin.top}" y2="${HEIGHT - margin.bottom}"/>`,
    );
    body.push(text(x(marker.x) + 6, margin.top + 14, marker.label, { muted: true }));
  }
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .digits(1);
  let legendX = margin.left;
  spec.series.forEach((s, i) => {
    const tone = s.tone ?? (i as 0 | 1 | 2);
    body.push(`<path class="s${tone}" d="${path(s.points)}"/>`);
    body.push(`<line class="s${tone}" x1="${legendX}" x2="${legendX + 36}" y1="24" y2="24"/>`);
    body.push(text(legendX + 44, 29, s.label));
    legendX += 44 + s.label.length * 7.6 + 28;
  });
  body.push(text((margin.left + WIDTH - margin.right) / 2, HEIGHT - 12, spec.xLabel, { anchor: 'middle' }));
  body.push(
    text(16, (margin.top + HEIGHT - margin.bottom) / 2, spec.yLabel, {
      anchor: 'middle',
      attrs: `transform="rotate(-90 16 ${n((margin.top + HEIGHT - margin.bottom) / 2)})"`,
    }),
  );
  return documentOf(spec.id, spec.title, spec.desc, body);
}

/** Draws steps on an ellipse, clockwise from the top, each with an arrow to the next. */
export function renderCycle(spec: CycleSpec): string {
  const box = { w: 196, h: 66 };
  const centre = { x: WIDTH / 2, y: HEIGHT / 2 };
  const radius = { x: 210, y: 128 };
  const count = spec.steps.length;
  const position = (i: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * (i % count)) / count;
    return { x: centre.x + radius.x * Math.cos(angle), y: centre.y + radius.y * Math.sin(angle) };
  };
  // Where the straight line between two box centres leaves a box.
  const edge = (dx: number, dy: number) =>
    Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  const body = [
    `<defs><marker id="${spec.id}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="ah" d="M0 0L10 5L0 10z"/></marker></defs>`,
  ];
  spec.steps.forEach((_, i) => {
    const from = position(i);
    const to = position(i + 1);
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const a = edge(dx, dy) + 0.04;
    const b = 1 - edge(dx, dy) - 0.04;
    body.push(
      `<line class="arr" x1="${n(from.x + dx * a)}" y1="${n(from.y + dy * a)}" x2="${n(from.x + dx * b)}" y2="${n(from.y + dy * b)}" marker-end="url(#${spec.id}-head)"/>`,
    );
  });
  spec.steps.forEach((lines, i) => {
    const p = position(i);
    body.push(
      `<rect class="box" x="${n(p.x - box.w / 2)}" y="${n(p.y - box.h / 2)}" width="${box.w}" height="${box.h}" rx="10"/>`,
    );
    lines.forEach((l, j) =>
      body.push(text(p.x, p.y + 5 + (j - (lines.length - 1) / 2) * 18, l, { anchor: 'middle' })),
    );
  });
  spec.centre.forEach((l, j) =>
    body.push(
      text(centre.x, centre.y + 5 + (j - (spec.centre.length - 1) / 2) * 18, l, {
        anchor: 'middle',
        attrs: 'font-weight="600"',
      }),
    ),
  );
  return documentOf(spec.id, spec.title, spec.desc, body);
}
