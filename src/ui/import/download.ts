import { downloadBlob } from '../../io/download';

// Saves bytes or text as a file the user downloads.
export function download(name: string, data: Uint8Array | string, type: string): void {
  const part: BlobPart = typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer);
  downloadBlob(new Blob([part], { type }), name);
}

export const today = (): string => new Date().toISOString().slice(0, 10);
