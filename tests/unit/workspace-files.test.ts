import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packWorkspace } from '../../src/core/workspace/archive';
import { emptyWorkspace } from '../../src/core/workspace/schema';
import { collectFromFileList, formatMegabytes } from '../../src/io/files';

const file = (name: string, bytes: Uint8Array | string, relative = ''): File => {
  const f = new File([typeof bytes === 'string' ? strToU8(bytes) : (bytes.slice().buffer as ArrayBuffer)], name);
  if (relative) Object.defineProperty(f, 'webkitRelativePath', { value: relative });
  return f;
};

describe('collecting the user’s files', () => {
  it('refuses a file above the limit before reading it, saying its size and the limit', async () => {
    const c = await collectFromFileList([file('big.csv', 'x'.repeat(3000)), file('ok.csv', 'a,b\n1,2\n')], 2048);
    expect(c.files.map((f) => f.path)).toEqual(['ok.csv']);
    expect(c.refused).toEqual([{ path: 'big.csv', reason: 'too_large', size: 3000, limit: 2048 }]);
    expect(formatMegabytes(200 * 1024 * 1024)).toBe('200 MB');
  });

  it('opens a .zip holding a data package; skips what is not data; refuses an entry above the limit', async () => {
    const zip = zipSync({
      'pkg/datapackage.json': strToU8('{"resources":[]}'),
      'pkg/indicators.csv': strToU8('unit_id,indicator,value\n'),
      'pkg/readme.pdf': strToU8('%PDF'),
      'pkg/huge.csv': strToU8('y'.repeat(5000)),
      '__MACOSX/pkg/._indicators.csv': strToU8('junk'),
    });
    const c = await collectFromFileList([file('mk.zip', zip)], 4096);
    expect(c.files.map((f) => f.path)).toEqual(['mk/pkg/datapackage.json', 'mk/pkg/indicators.csv']);
    expect(c.refused.map((r) => [r.path, r.reason])).toEqual([
      ['mk.zip/pkg/huge.csv', 'too_large'],
      ['mk/pkg/readme.pdf', 'skipped'],
    ]);
  });

  it('sets a workspace export apart, keeps spreadsheets whole, reads folder paths', async () => {
    const ws = packWorkspace(emptyWorkspace(), { base: null });
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    const c = await collectFromFileList([file('my-work.zip', ws), file('t.xlsx', xlsx), file('a.csv', 'a\n', 'data/a.csv'), file('notes.docx', 'x', 'data/notes.docx'), file('.DS_Store', 'x', 'data/.DS_Store')], 1 << 20);
    expect(c.workspaces.map((w) => w.path)).toEqual(['my-work.zip']);
    expect(c.files.map((f) => f.path)).toEqual(['t.xlsx', 'data/a.csv']);
    expect(c.refused.map((r) => [r.path, r.reason])).toEqual([['data/notes.docx', 'skipped']]);
  });

  it('a broken zip is refused, not thrown', async () => {
    const c = await collectFromFileList([file('bad.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))], 1 << 20);
    expect(c.refused.map((r) => r.reason)).toEqual(['zip_invalid']);
  });
});
