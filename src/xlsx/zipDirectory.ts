/**
 * The zip container's directory: every entry's name, method, sizes and compressed bytes,
 * read without inflating anything. Split from zip.ts so that it runs in a browser too (the
 * task pane lists the sheets of a file the officer picked, src/xlsx/bookOutline.ts); zip.ts
 * adds node:zlib's inflate and deflate for the command line.
 */
import { XlsxReadError } from './errors';

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_SIZE = 22;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** One entry as it is in the file. */
export interface ZipEntry {
  readonly kind: 'original';
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly uncompressedSize: number;
  /** The compressed data. */
  readonly data: Uint8Array;
  /** Local header + data + data descriptor, exactly as in the file. */
  readonly localRecord: Uint8Array;
  /** The central-directory record, exactly as in the file (its offset field is rewritten on output). */
  readonly centralRecord: Uint8Array;
}

/** An entry with new content, compressed when the archive is written. */
export interface NewZipEntry {
  readonly kind: 'new';
  readonly name: string;
  readonly content: Uint8Array;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** The archive comment, kept on output. */
  readonly comment: Uint8Array;
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function damaged(detail: string): XlsxReadError {
  return new XlsxReadError('damaged', detail);
}

/** The end-of-central-directory record: the last signature within the comment's reach. */
function findEnd(bytes: Uint8Array, dv: DataView): number {
  const earliest = Math.max(0, bytes.length - END_SIZE - 0xffff);
  for (let at = bytes.length - END_SIZE; at >= earliest; at--) {
    if (dv.getUint32(at, true) === END_SIGNATURE && at + END_SIZE + dv.getUint16(at + 20, true) <= bytes.length) return at;
  }
  throw damaged('no end of central directory');
}

const utf8 = new TextDecoder('utf-8');

export function readZip(input: Uint8Array): ZipArchive {
  // A Buffer's slice() is a view, not a copy; read through a plain Uint8Array so that
  // nothing derived from the entries can ever write into the caller's bytes.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < END_SIZE) throw damaged('too short');
  const dv = view(bytes);
  const end = findEnd(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  const centralSize = dv.getUint32(end + 12, true);
  const centralOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || centralOffset === 0xffffffff || centralSize === 0xffffffff) {
    throw new XlsxReadError('unsupported', 'zip64');
  }
  if (centralOffset + centralSize > end) throw damaged('central directory out of range');
  const comment = bytes.slice(end + END_SIZE, end + END_SIZE + dv.getUint16(end + 20, true));

  const entries: ZipEntry[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > end || dv.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged('bad central directory record');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc = dv.getUint32(at + 16, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const localOffset = dv.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new XlsxReadError('unsupported', 'zip64');
    }
    const recordEnd = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    const name = utf8.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength));
    if (flags & FLAG_ENCRYPTED) throw new XlsxReadError('unsupported', `encrypted entry ${name}`);
    const centralRecord = bytes.subarray(at, recordEnd);
    at = recordEnd;

    if (localOffset + LOCAL_HEADER_SIZE > bytes.length || dv.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      throw damaged(`bad local header for ${name}`);
    }
    const dataStart = localOffset + LOCAL_HEADER_SIZE + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) throw damaged(`data of ${name} out of range`);
    let localEnd = dataEnd;
    if (flags & FLAG_DESCRIPTOR) {
      // The descriptor's signature is optional: 16 bytes with it, 12 without.
      localEnd += dataEnd + 4 <= bytes.length && dv.getUint32(dataEnd, true) === DESCRIPTOR_SIGNATURE ? 16 : 12;
    }
    entries.push({
      kind: 'original',
      name,
      method,
      crc32: crc,
      uncompressedSize,
      data: bytes.subarray(dataStart, dataEnd),
      localRecord: bytes.subarray(localOffset, localEnd),
      centralRecord,
    });
  }
  return { entries, comment };
}

