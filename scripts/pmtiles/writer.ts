// A minimal PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// The `pmtiles` npm package only reads archives, so this writes them: a 127-byte header, a
// gzip-compressed root directory (with leaf directories when the root would not fit in the
// first 16 KiB), gzip-compressed JSON metadata, then the tiles, clustered in tile-id order,
// identical tiles stored once. The archive is read back with the `pmtiles` package in build.ts.
import { gzipSync } from 'fflate';
import { zxyToTileId } from 'pmtiles';

export interface TileIn {
  z: number;
  x: number;
  y: number;
  /** Tile bytes as they will be served (already gzip-compressed for MVT). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** 1 = MVT. */
  tileType: number;
  /** 2 = gzip. */
  tileCompression: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

class Bytes {
  private parts: number[] = [];
  varint(v: number): void {
    // values here stay below 2^53: split into 7-bit groups with division, not bit operators
    let n = v;
    while (n >= 0x80) {
      this.parts.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.parts.push(n);
  }
  get(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Directory bytes (uncompressed), as in the spec: counts, delta ids, run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const b = new Bytes();
  b.varint(entries.length);
  let last = 0;
  for (const e of entries) {
    b.varint(e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) b.varint(e.runLength);
  for (const e of entries) b.varint(e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && prev && e.offset === prev.offset + prev.length) b.varint(0);
    else b.varint(e.offset + 1);
  });
  return b.get();
}

const ROOT_LIMIT = 16_384 - 127;

/** Root directory alone when it fits, else a root of leaf pointers and the leaves. */
function directories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = gzipSync(serializeDirectory(entries));
  if (whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const bytes = gzipSync(serializeDirectory(chunk));
      rootEntries.push({ tileId: chunk[0]?.tileId ?? 0, offset, length: bytes.length, runLength: 0 });
      leafParts.push(bytes);
      offset += bytes.length;
    }
    const root = gzipSync(serializeDirectory(rootEntries));
    if (root.length <= ROOT_LIMIT) return { root, leaves: concat(leafParts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function hashKey(d: Uint8Array): string {
  // FNV-1a over the bytes + length: a dedup key; equal keys are confirmed byte by byte
  let h = 0x811c9dc5;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ (d[i] ?? 0), 0x01000193);
  return `${h >>> 0}:${d.length}`;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The whole archive in memory. */
export function writeArchive(tilesIn: readonly TileIn[], o: ArchiveOptions): { bytes: Uint8Array; addressed: number; contents: number; entries: number } {
  const tiles = tilesIn.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const stored = new Map<string, { offset: number; data: Uint8Array }[]>();
  const dataParts: Uint8Array[] = [];
  let dataLen = 0;
  let contents = 0;
  for (const t of tiles) {
    const key = hashKey(t.data);
    const candidates = stored.get(key) ?? [];
    let offset = candidates.find((c) => sameBytes(c.data, t.data))?.offset;
    if (offset === undefined) {
      offset = dataLen;
      candidates.push({ offset, data: t.data });
      stored.set(key, candidates);
      dataParts.push(t.data);
      dataLen += t.data.length;
      contents++;
    }
    const last = entries[entries.length - 1];
    // a run: the next tile id with the same content
    if (last && last.offset === offset && last.tileId + last.runLength === t.id) last.runLength++;
    else entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries);
  const meta = gzipSync(new TextEncoder().encode(JSON.stringify(o.metadata)));
  const header = new Uint8Array(127);
  const dv = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  let p = 8;
  const u64 = (v: number): void => {
    dv.setBigUint64(p, BigInt(v), true);
    p += 8;
  };
  const rootOffset = 127;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset + leaves.length;
  u64(rootOffset);
  u64(root.length);
  u64(metaOffset);
  u64(meta.length);
  u64(leafOffset);
  u64(leaves.length);
  u64(dataOffset);
  u64(dataLen);
  u64(tiles.length); // addressed tiles
  u64(entries.length); // tile entries
  u64(contents); // tile contents
  header[p++] = 1; // clustered
  header[p++] = 2; // internal compression: gzip
  header[p++] = o.tileCompression;
  header[p++] = o.tileType;
  header[p++] = o.minZoom;
  header[p++] = o.maxZoom;
  const e7 = (v: number): void => {
    dv.setInt32(p, Math.round(v * 1e7), true);
    p += 4;
  };
  e7(o.bounds[0]);
  e7(o.bounds[1]);
  e7(o.bounds[2]);
  e7(o.bounds[3]);
  header[p++] = o.center[2];
  e7(o.center[0]);
  e7(o.center[1]);
  return { bytes: concat([header, root, meta, leaves, ...dataParts]), addressed: tiles.length, contents, entries: entries.length };
}
