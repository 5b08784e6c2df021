/**
 * The shared-string table: one plain text per <si>, the runs of rich text joined.
 * Phonetic guides (<rPh>, the furigana Japanese Excel stores for names) are not
 * part of the displayed text and are left out.
 */
import { walkXml } from './xml';
import { unescapeXstring } from './xml';

export function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  walkXml(xml, part, {
    open(name) {
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(unescapeXstring(current));
        inItem = false;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}
