// Text layout helpers for SVG charts (SVG text does not wrap). Approximate widths are enough:
// the charts use one sans-serif font and leave slack.
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Approximate width in px of `text` at `size` px. */
export const textWidth = (text: string, size: number): number => text.length * size * 0.56;

/** Words broken into lines no wider than `width` px. */
export function wrap(text: string, width: number, size: number): string[] {
  const maxChars = Math.max(8, Math.floor(width / (size * 0.56)));
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

/** Shorten to `width` px with an ellipsis. */
export function clip(text: string, width: number, size: number): string {
  const maxChars = Math.max(4, Math.floor(width / (size * 0.56)));
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
