/**
 * What kind of file the bytes are, before any zip parsing: an .xlsx is a zip; a
 * workbook with a password to open is an OLE compound file (CFB) holding the
 * streams "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO §2.3.4); an
 * Excel 97–2003 .xls is a CFB without them. Each gets its own message, because
 * what the officer must do differs (remove the password / save as .xlsx).
 */
import { XlsxReadError } from './errors';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06] as const;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * True when a CFB holds a directory entry with this name. Entry names are
 * UTF-16LE in the directory sectors; searching the bytes for the name is enough
 * to tell the two cases apart without a full CFB reader, since the file is only
 * classified here, never read. Plain bytes, no Buffer: the task pane classifies
 * the files the officer picks with this too.
 */
function cfbHasEntry(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    needle[i * 2] = name.charCodeAt(i) & 0xff;
    needle[i * 2 + 1] = name.charCodeAt(i) >> 8;
  }
  const first = needle[0];
  search: for (let at = bytes.indexOf(first!); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(first!, at + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[at + j] !== needle[j]) continue search;
    return true;
  }
  return false;
}

/** Throws the reason a file is not a readable zip; returns when it looks like one. */
export function assertZipContainer(bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return;
  if (startsWith(bytes, CFB_MAGIC)) {
    if (cfbHasEntry(bytes, 'EncryptedPackage') || cfbHasEntry(bytes, 'EncryptionInfo')) {
      throw new XlsxReadError('encrypted', 'OLE container with EncryptedPackage');
    }
    throw new XlsxReadError('legacyXls', 'OLE container without EncryptedPackage');
  }
  throw new XlsxReadError('notZip', 'no zip signature');
}
