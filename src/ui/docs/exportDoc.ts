// Exports of a document model, all in the browser: DOCX and HTML as downloads (blob URLs),
// PDF through the browser's print dialog on the standalone print HTML in a hidden frame (A4,
// margins, page breaks and running header from its own print stylesheet; no app chrome).
import type { Doc } from '../../core/docs/model';
import { renderDocx, type DocxOptions } from '../../render/docx';
import { renderHtml, type HtmlOptions } from '../../render/html';
import { downloadBlob } from '../../io/download';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const download = downloadBlob;

/** A file name from the region and the document kind; data never reaches the file system raw. */
export function fileName(doc: Doc, ext: string): string {
  const region = doc.header.region.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'region';
  return `${region}-${doc.kind}-${doc.lang}.${ext}`;
}

export async function downloadDocx(doc: Doc, o: DocxOptions): Promise<void> {
  const bytes = await renderDocx(doc, o);
  download(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), fileName(doc, 'docx'));
}

export function downloadHtml(doc: Doc, o: HtmlOptions): void {
  download(new Blob([renderHtml(doc, o)], { type: 'text/html;charset=utf-8' }), fileName(doc, 'html'));
}

/** Opens the print dialog for the standalone HTML (the user picks "Save as PDF"). */
export function printDoc(doc: Doc, o: HtmlOptions): void {
  const frame = document.createElement('iframe');
  // No scripts in the frame; same origin only so that this page can call print() on it.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.srcdoc = renderHtml(doc, o);
  frame.addEventListener('load', () => {
    const w = frame.contentWindow;
    if (!w) return;
    w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
    w.focus();
    w.print();
  });
  document.body.appendChild(frame);
}
