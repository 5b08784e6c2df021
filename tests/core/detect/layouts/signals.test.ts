import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARROW, BASELINE, cellSignals, INDICATOR, KIND } from '../../../../src/core/detect/layouts';
import { mayHoldArrow } from '../../../../src/core/detect/layouts/arrowLines';
import { mayStartCaptionTable } from '../../../../src/core/detect/layouts/captionTables';
import { mayBeValueKind } from '../../../../src/core/detect/layouts/kinds';
import { mayBeIndicatorHeader } from '../../../../src/core/detect/layouts/nameValueCells';

// The walk over unclaimed cells asks cellSignals first and a reader's own test only where it says
// so: cellSignals must never turn away a cell a reader's test would take (held here to each test).
const PIECES = ['目標', '計画', '実績', '年度目標', '→', '⇒', '➡', '->', '－＞', '基準値', '策定時', '当初', '指標', 'KPI', 'ＫＰＩ', '132人', '(H26)', ' ', '\n', 'あ', '率', 'x'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('cellSignals, the walk’s pre-check', () => {
  it('flags every cell a layout reader’s own test would take', () => {
    fc.assert(
      fc.property(text, (t) => {
        const s = cellSignals(t);
        if (mayBeValueKind(t)) expect(s & KIND).not.toBe(0);
        if (mayHoldArrow(t)) expect(s & ARROW).not.toBe(0);
        if (mayStartCaptionTable(t)) expect(s & BASELINE).not.toBe(0);
        if (mayBeIndicatorHeader(t)) expect(s & INDICATOR).not.toBe(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('turns away plain figures and prose', () => {
    expect(cellSignals('63.0％')).toBe(0);
    expect(cellSignals('中小企業者の生産性向上や競争力強化のため、設備投資への支援を行いました。'.repeat(2))).toBe(0);
  });
});
