import { describe, expect, it } from 'vitest';
import { detectGradeStyle, readGradeText, toGradeText } from '../../../src/core/gradeText';
import type { GradeKey } from '../../../src/core/types';

const ALL: GradeKey[] = ['S', 'A', 'B', 'C', 'D', 'E', '-', '1', '2', '3', '4', '5', '6', '7'];

describe('toGradeText', () => {
  it.each([
    ['S', 'Ｓ', 'S'],
    ['A', 'Ａ', 'A'],
    ['E', 'Ｅ', 'E'],
    ['-', '－', '-'],
    ['7', '７', '7'],
    ['1', '１', '1'],
  ] as const)('%s → %s (full) / %s (half)', (key, full, half) => {
    expect(toGradeText(key, 'full')).toBe(full);
    expect(toGradeText(key, 'half')).toBe(half);
  });

  it('round-trips through readGradeText in both styles', () => {
    for (const key of ALL) {
      expect(readGradeText(toGradeText(key, 'full'))).toBe(key);
      expect(readGradeText(toGradeText(key, 'half'))).toBe(key);
    }
  });
});

describe('readGradeText', () => {
  it.each([
    ['Ｓ', 'S'],
    ['S', 'S'],
    ['ｓ', 'S'],
    ['s', 'S'],
    [' Ａ ', 'A'],
    ['\u3000Ｂ\n', 'B'],
    ['－', '-'],
    ['-', '-'],
    ['―', '-'],
    ['ー', '-'],
    ['—', '-'],
    ['１', '1'],
    ['7', '7'],
    ['７', '7'],
  ] as const)('%j → %s', (text, key) => {
    expect(readGradeText(text)).toBe(key);
  });

  it.each(['', '  ', 'F', '8', '0', 'Ａ評価', 'SS', '済', '10'])('%j is no grade', (text) => {
    expect(readGradeText(text)).toBeUndefined();
  });
});

describe('detectGradeStyle', () => {
  it('full-width when the column is empty or holds no grades', () => {
    expect(detectGradeStyle([])).toBe('full');
    expect(detectGradeStyle(['', '  ', '備考'])).toBe('full');
  });
  it('the style the column already uses', () => {
    expect(detectGradeStyle(['Ｓ', 'Ｂ', '', 'Ｃ'])).toBe('full');
    expect(detectGradeStyle(['S', 'B', '', 'C'])).toBe('half');
    expect(detectGradeStyle(['－', '－'])).toBe('full');
    expect(detectGradeStyle(['ー'])).toBe('full');
    expect(detectGradeStyle(['-', '3'])).toBe('half');
    expect(detectGradeStyle(['７', '５'])).toBe('full');
  });
  it('the majority when mixed, full-width on a tie', () => {
    expect(detectGradeStyle(['S', 'B', 'Ｃ'])).toBe('half');
    expect(detectGradeStyle(['Ｓ', 'Ｂ', 'C'])).toBe('full');
    expect(detectGradeStyle(['S', 'Ｂ'])).toBe('full');
  });
});
