// Text layout helpers for SVG charts (SVG text does not wrap). Approximate widths are enough:
// the charts use one sans-serif font and leave slack.
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Approximate width in px of `text` at `size` px. */
export const textWidth = (text: string, size: number): number => text.length * size * 0.6;

/** Words broken into lines no wider than `width` px. */
export function wrap(text: string, width: number, size: number): string[] {
  const maxChars = Math.max(8, Math.floor(width / (size * 0.6)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** At most `max` wrapped lines, the last one ending with an ellipsis when text was cut. */
export function wrapMax(text: string, width: number, size: number, max: number): string[] {
  const lines = wrap(text, width, size);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = clip(`${kept[max - 1] ?? ''} ${lines[max] ?? ''}`, width, size);
  return kept;
}

/** Shorten to `width` px with an ellipsis. */
export function clip(text: string, width: number, size: number): string {
  const maxChars = Math.max(4, Math.floor(width / (size * 0.6)));
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

export interface LegendItem {
  color: string;
  label: string;
  dashed?: boolean;
}

/** Legend items flowed into lines no wider than `width`: positions relative to the legend. */
export function flowLegend(items: readonly LegendItem[], width: number, size = 11): { items: (LegendItem & { x: number; y: number })[]; height: number } {
  const out: (LegendItem & { x: number; y: number })[] = [];
  let x = 0;
  let y = 0;
  for (const it of items) {
    const w = 19 + textWidth(it.label, size) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += size + 6;
    }
    out.push({ ...it, x, y });
    x += w;
  }
  return { items: out, height: items.length ? y + size + 6 : 0 };
}
