/**
 * The zip container of an .xlsx, read so that every entry can be copied back
 * byte for byte: its local record (header, compressed data, data descriptor) and
 * its central-directory record are kept as they are in the file, and only entries
 * that are replaced or added are compressed again.
 *
 * Why by hand: the zip libraries in reach (fflate, jszip, adm-zip) hand over
 * decompressed content and recompress on write, which changes the bytes of parts
 * we never touch. The container format itself is small (APPNOTE.TXT §4.3); the
 * compression is node:zlib's raw deflate, and the checksums node:zlib's crc32.
 * Zip64 and encrypted entries are refused with an error: an .xlsx never needs them
 * below 4 GB, and Excel encrypts the whole file another way (see container.ts).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { XlsxReadError } from './errors';
import {
  CENTRAL_HEADER_SIZE,
  CENTRAL_SIGNATURE,
  END_SIGNATURE,
  END_SIZE,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  LOCAL_SIGNATURE,
  METHOD_DEFLATED,
  METHOD_STORED,
  damaged,
  view,
  type NewZipEntry,
  type ZipEntry,
} from './zipDirectory';

export { readZip, type NewZipEntry, type ZipArchive, type ZipEntry } from './zipDirectory';

/** The content of an original entry, checked against its size and checksum. */
export function entryContent(entry: ZipEntry): Uint8Array {
  let content: Uint8Array;
  if (entry.method === METHOD_STORED) content = entry.data;
  else if (entry.method === METHOD_DEFLATED) {
    try {
      content = inflateRawSync(entry.data);
    } catch (error) {
      throw damaged(`${entry.name}: ${(error as Error).message}`);
    }
  } else throw new XlsxReadError('unsupported', `compression method ${entry.method} in ${entry.name}`);
  if (content.length !== entry.uncompressedSize || crc32(content) >>> 0 !== entry.crc32) throw damaged(`${entry.name}: checksum`);
  return content;
}

/** MS-DOS time and date of `when`, in local time as zip tools write it. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

interface Encoded {
  readonly local: Uint8Array;
  /** Central record with its offset field still to be set. */
  readonly central: Uint8Array;
}

function encodeNew(entry: NewZipEntry, when: { time: number; date: number }): Encoded {
  const name = Buffer.from(entry.name, 'utf8');
  const ascii = name.length === entry.name.length;
  const data = deflateRawSync(entry.content);
  const crc = crc32(entry.content) >>> 0;
  const flags = ascii ? 0 : FLAG_UTF8;

  const local = new Uint8Array(LOCAL_HEADER_SIZE + name.length + data.length);
  const l = view(local);
  l.setUint32(0, LOCAL_SIGNATURE, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, flags, true);
  l.setUint16(8, METHOD_DEFLATED, true);
  l.setUint16(10, when.time, true);
  l.setUint16(12, when.date, true);
  l.setUint32(14, crc, true);
  l.setUint32(18, data.length, true);
  l.setUint32(22, entry.content.length, true);
  l.setUint16(26, name.length, true);
  local.set(name, LOCAL_HEADER_SIZE);
  local.set(data, LOCAL_HEADER_SIZE + name.length);

  const central = new Uint8Array(CENTRAL_HEADER_SIZE + name.length);
  const c = view(central);
  c.setUint32(0, CENTRAL_SIGNATURE, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, flags, true);
  c.setUint16(10, METHOD_DEFLATED, true);
  c.setUint16(12, when.time, true);
  c.setUint16(14, when.date, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, data.length, true);
  c.setUint32(24, entry.content.length, true);
  c.setUint16(28, name.length, true);
  central.set(name, CENTRAL_HEADER_SIZE);
  return { local, central };
}

/**
 * The archive with `entries` in this order: original entries copied as they
 * were (only the offset in their central record changes), new ones compressed.
 */
export function writeZip(entries: ReadonlyArray<ZipEntry | NewZipEntry>, comment: Uint8Array = new Uint8Array(0), when = new Date()): Uint8Array {
  const stamp = dosDateTime(when);
  const encoded = entries.map((e): Encoded => (e.kind === 'original' ? { local: e.localRecord, central: new Uint8Array(e.centralRecord) } : encodeNew(e, stamp)));
  if (encoded.length >= 0xffff) throw new Error('writeZip: too many entries for a zip without zip64');
  const localSize = encoded.reduce((n, e) => n + e.local.length, 0);
  const centralSize = encoded.reduce((n, e) => n + e.central.length, 0);
  if (localSize + centralSize >= 0xffffffff) throw new Error('writeZip: archive too large for a zip without zip64');

  const out = new Uint8Array(localSize + centralSize + END_SIZE + comment.length);
  const dv = view(out);
  let at = 0;
  for (const e of encoded) {
    view(e.central).setUint32(42, at, true);
    out.set(e.local, at);
    at += e.local.length;
  }
  const centralOffset = at;
  for (const e of encoded) {
    out.set(e.central, at);
    at += e.central.length;
  }
  dv.setUint32(at, END_SIGNATURE, true);
  dv.setUint16(at + 8, encoded.length, true);
  dv.setUint16(at + 10, encoded.length, true);
  dv.setUint32(at + 12, centralSize, true);
  dv.setUint32(at + 16, centralOffset, true);
  dv.setUint16(at + 20, comment.length, true);
  out.set(comment, at + END_SIZE);
  return out;
}
