// Rasterises the SVG subset our renderers write into a PNG, in pure TypeScript (no canvas, so
// it runs in Node for the command line). Used as the raster fallback DOCX requires next to an
// SVG image (Word 2016+, LibreOffice and mammoth use SVG or the PNG; older Word the PNG).
// Draws filled and stroked paths, rects, lines and circles with 4× vertical supersampling and
// horizontal coverage anti-aliasing. Text is NOT drawn: labels exist only in the SVG (and in
// the tables next to every figure); this is the documented limit of the fallback.
import { encodePng } from './png';
import { parseSvg, type SvgNode } from './svgparse';

type Pt = [number, number];
interface Xf {
  a: number;
  d: number;
  tx: number;
  ty: number;
}
interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  dir: number;
}

const SUB = 4;

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }

  fill(polys: Pt[][], color: [number, number, number], alpha: number, evenOdd: boolean): void {
    const edges: Edge[] = [];
    let minY = Infinity;
    let maxY = -Infinity;
    for (const poly of polys) {
      for (let i = 0; i < poly.length; i++) {
        const p = poly[i];
        const q = poly[(i + 1) % poly.length];
        if (!p || !q || p[1] === q[1]) continue;
        const dir = q[1] > p[1] ? 1 : -1;
        const [a, b] = dir > 0 ? [p, q] : [q, p];
        edges.push({ x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir });
        minY = Math.min(minY, a[1]);
        maxY = Math.max(maxY, b[1]);
      }
    }
    if (!edges.length) return;
    edges.sort((e, f) => e.y0 - f.y0);
    const rowStart = Math.max(0, Math.floor(minY));
    const rowEnd = Math.min(this.h - 1, Math.ceil(maxY));
    const cov = new Float32Array(this.w + 1);
    let next = 0;
    let active: Edge[] = [];
    for (let row = rowStart; row <= rowEnd; row++) {
      let lo = this.w;
      let hi = -1;
      for (let s = 0; s < SUB; s++) {
        const y = row + (s + 0.5) / SUB;
        while (next < edges.length && (edges[next]?.y0 ?? Infinity) <= y) active.push(edges[next++] as Edge);
        active = active.filter((e) => e.y1 > y);
        const xs: { x: number; dir: number }[] = [];
        for (const e of active) {
          if (e.y0 > y) continue;
          xs.push({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
        }
        xs.sort((p, q) => p.x - q.x);
        let wind = 0;
        for (let i = 0; i < xs.length - 1; i++) {
          const cur = xs[i] as { x: number; dir: number };
          wind = evenOdd ? wind ^ 1 : wind + cur.dir;
          if (wind === 0) continue;
          const nx = (xs[i + 1] as { x: number }).x;
          const [a, b] = this.span(cov, cur.x, nx, 1 / SUB);
          if (a < lo) lo = a;
          if (b > hi) hi = b;
        }
      }
      if (hi >= lo) {
        this.blendRow(row, cov, lo, hi, color, alpha);
        cov.fill(0, lo, hi + 1);
      }
    }
  }

  /** Adds coverage for [x0, x1) and returns the pixel range touched (empty: [w, -1]). */
  private span(cov: Float32Array, x0: number, x1: number, weight: number): [number, number] {
    const a = Math.max(0, x0);
    const b = Math.min(this.w, x1);
    if (b <= a) return [this.w, -1];
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    if (ia === ib) {
      cov[ia] = (cov[ia] ?? 0) + (b - a) * weight;
      return [ia, ia];
    }
    cov[ia] = (cov[ia] ?? 0) + (ia + 1 - a) * weight;
    for (let i = ia + 1; i < ib; i++) cov[i] = (cov[i] ?? 0) + weight;
    if (ib < this.w) cov[ib] = (cov[ib] ?? 0) + (b - ib) * weight;
    return [ia, Math.min(ib, this.w - 1)];
  }

  private blendRow(row: number, cov: Float32Array, lo: number, hi: number, color: [number, number, number], alpha: number): void {
    const base = row * this.w * 3;
    for (let x = lo; x <= hi; x++) {
      const c = Math.min(1, cov[x] ?? 0) * alpha;
      if (c <= 0) continue;
      for (let k = 0; k < 3; k++) {
        const i = base + x * 3 + k;
        this.px[i] = Math.round((this.px[i] ?? 255) * (1 - c) + (color[k] ?? 0) * c);
      }
    }
  }
}

function parseColor(v: string | undefined): [number, number, number] | null {
  if (!v || v === 'none') return null;
  let h = v.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const n = parseInt(h, 16);
  return Number.isFinite(n) ? [(n >> 16) & 255, (n >> 8) & 255, n & 255] : null;
}

function parseTransform(v: string | undefined, xf: Xf): Xf {
  let out = { ...xf };
  if (!v) return out;
  for (const m of v.matchAll(/(translate|scale)\(\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?\s*\)/g)) {
    const p = Number(m[2]);
    const q = m[3] === undefined ? undefined : Number(m[3]);
    if (m[1] === 'translate') out = { ...out, tx: out.tx + out.a * p, ty: out.ty + out.d * (q ?? 0) };
    else out = { ...out, a: out.a * p, d: out.d * (q ?? p) };
  }
  return out;
}

/** Path data → closed-or-open subpaths of absolute points (curves and arcs become straight lines). */
export function parsePathData(d: string): { pts: Pt[]; closed: boolean }[] {
  const out: { pts: Pt[]; closed: boolean }[] = [];
  const tokens = d.match(/[MmLlHhVvZzAaCcQq]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  let i = 0;
  let cmd = '';
  let cur: Pt = [0, 0];
  let start: Pt = [0, 0];
  let sub: { pts: Pt[]; closed: boolean } | null = null;
  const num = (): number => Number(tokens[i++]);
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, a: 7, c: 6, q: 4 };
  while (i < tokens.length) {
    const tk = tokens[i] ?? '';
    if (/[A-Za-z]/.test(tk)) {
      cmd = tk;
      i++;
      if (cmd === 'Z' || cmd === 'z') {
        if (sub) sub.closed = true;
        cur = start;
        sub = null;
        continue;
      }
    }
    const lower = cmd.toLowerCase();
    const n = arity[lower];
    if (!n || i + n > tokens.length) break;
    const args = Array.from({ length: n }, num);
    const rel = cmd === lower;
    let p: Pt;
    if (lower === 'h') p = [(rel ? cur[0] : 0) + (args[0] ?? 0), cur[1]];
    else if (lower === 'v') p = [cur[0], (rel ? cur[1] : 0) + (args[0] ?? 0)];
    else {
      const x = args[n - 2] ?? 0;
      const y = args[n - 1] ?? 0;
      p = rel ? [cur[0] + x, cur[1] + y] : [x, y];
    }
    if (lower === 'm') {
      sub = { pts: [p], closed: false };
      out.push(sub);
      start = p;
      cmd = rel ? 'l' : 'L';
    } else {
      if (!sub) {
        sub = { pts: [cur], closed: false };
        out.push(sub);
      }
      sub.pts.push(p);
    }
    cur = p;
  }
  return out;
}

function strokePolys(lines: Pt[][], width: number): Pt[][] {
  const hw = Math.max(0.5, width / 2);
  const out: Pt[][] = [];
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [x0, y0] = line[i] as Pt;
      const [x1, y1] = line[i + 1] as Pt;
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (len === 0) continue;
      const nx = (-(y1 - y0) / len) * hw;
      const ny = ((x1 - x0) / len) * hw;
      const ex = ((x1 - x0) / len) * hw;
      const ey = ((y1 - y0) / len) * hw;
      // Consistent orientation for every quad so that the nonzero union has no holes.
      out.push([
        [x0 + nx - ex, y0 + ny - ey],
        [x1 + nx + ex, y1 + ny + ey],
        [x1 - nx + ex, y1 - ny + ey],
        [x0 - nx - ex, y0 - ny - ey],
      ]);
    }
  }
  return out;
}

function draw(node: SvgNode, xf: Xf, cv: Canvas, scale: number): void {
  const at = (k: string) => node.attrs.get(k);
  const n = (k: string, dflt = 0) => {
    const v = Number(at(k));
    return Number.isFinite(v) ? v : dflt;
  };
  if (node.name === 'text' || node.name === 'title' || node.name === 'desc') return;
  const local = parseTransform(at('transform'), xf);
  const map = (p: Pt): Pt => [(local.a * p[0] + local.tx) * scale, (local.d * p[1] + local.ty) * scale];
  let shapes: { pts: Pt[]; closed: boolean }[] = [];
  if (node.name === 'path') shapes = parsePathData(at('d') ?? '');
  else if (node.name === 'rect') {
    const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
    shapes = [{ pts: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]], closed: true }];
  } else if (node.name === 'line') shapes = [{ pts: [[n('x1'), n('y1')], [n('x2'), n('y2')]], closed: false }];
  else if (node.name === 'circle') {
    const [cx, cy, r] = [n('cx'), n('cy'), n('r')];
    shapes = [{ pts: Array.from({ length: 32 }, (_, i): Pt => [cx + r * Math.cos((i * Math.PI) / 16), cy + r * Math.sin((i * Math.PI) / 16)]), closed: true }];
  }
  const opacity = n('opacity', 1);
  if (shapes.length) {
    const polys = shapes.map((s) => s.pts.map(map));
    const fill = parseColor(at('fill') ?? (node.name === 'line' ? 'none' : '#000000'));
    if (fill && node.name !== 'line') cv.fill(polys, fill, opacity * n('fill-opacity', 1), at('fill-rule') === 'evenodd');
    const stroke = parseColor(at('stroke'));
    if (stroke) {
      const lines = shapes.map((s, i) => {
        const p = polys[i] ?? [];
        return s.closed && p[0] ? [...p, p[0]] : p;
      });
      cv.fill(strokePolys(lines, n('stroke-width', 1) * Math.abs(local.a) * scale), stroke, opacity * n('stroke-opacity', 1), false);
    }
  }
  for (const c of node.children) if (typeof c !== 'string') draw(c, local, cv, scale);
}

/** Rasterise one of our SVGs to PNG at `scale` × its pixel size; null if it is not our subset. */
export function rasterizeSvg(svg: string, scale = 3): { png: Uint8Array; width: number; height: number } | null {
  const root = parseSvg(svg);
  if (!root) return null;
  const w = Number(root.attrs.get('width'));
  const h = Number(root.attrs.get('height'));
  if (!(w > 0 && h > 0 && w * h * scale * scale <= 40e6)) return null;
  const W = Math.round(w * scale);
  const H = Math.round(h * scale);
  const cv = new Canvas(W, H);
  draw(root, { a: 1, d: 1, tx: 0, ty: 0 }, cv, scale);
  return { png: encodePng(W, H, cv.px), width: W, height: H };
}
