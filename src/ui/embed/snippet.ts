// The <iframe> snippet a website pastes, pure. Every attribute value is escaped: the URL and
// the title come from data and user input.
const ESC: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };
export const escapeAttr = (s: string): string => s.replace(/[&"<>']/g, (c) => ESC[c] ?? c);

export interface SnippetInput {
  /** The embed URL (absolute). */
  src: string;
  title: string;
  /** Initial frame height in pixels (the resize script adjusts it to the content). */
  height: number;
  /** URL of embed-resize.js, or null to leave it out. */
  resizeScript: string | null;
}

export function iframeSnippet({ src, title, height, resizeScript }: SnippetInput): string {
  const frame =
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" loading="lazy" width="100%" height="${Math.round(height)}"` +
    ` style="border:0;width:100%;max-width:100%" referrerpolicy="no-referrer"` +
    ` sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
  return resizeScript ? `${frame}\n<script src="${escapeAttr(resizeScript)}" async></script>` : frame;
}
