// Export of a chart: its SVG element serialised as a standalone file, or drawn onto a canvas
// for a PNG; the table as CSV. Everything stays in the browser (blob URLs, no upload).
import { downloadBlob } from '../../io/download';

const download = downloadBlob;

/** The SVG as a standalone document (namespace and pixel size set, styles are attributes). */
export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const vb = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(vb.width));
  clone.setAttribute('height', String(vb.height));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  download(new Blob([svgMarkup(svg)], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
}

/** PNG at `scale` × the SVG's size, on white. */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const vb = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(vb.width * scale);
    canvas.height = Math.round(vb.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    download(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadCsv(csv: string, filename: string): void {
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}
