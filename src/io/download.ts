// Saves a blob as a file the user downloads (an object URL on a temporary link); nothing leaves
// the browser. The one place every export (charts, documents, CSV, workspace) goes through.
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
