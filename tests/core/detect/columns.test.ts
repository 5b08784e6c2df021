import { describe, expect, it } from 'vitest';
import { assignValueRoles } from '../../../src/core/detect/columns';

describe('assignValueRoles: words when they agree, years when they do not', () => {
  it('keeps consistent words', () => {
    expect(
      assignValueRoles(
        [
          { word: 'baseline', year: 2014 },
          { word: 'current', year: 2017 },
        ],
        2019,
      ),
    ).toEqual(['baseline', 'current']);
    expect(assignValueRoles([{ word: 'baseline' }, { word: 'current' }])).toEqual(['baseline', 'current']);
  });

  it('gives a year-only column its place by year', () => {
    expect(
      assignValueRoles([{ word: 'baseline', year: 2014 }, { year: 2016 }, { word: 'current', year: 2017 }], 2019),
    ).toEqual(['baseline', 'intermediate', 'current']);
  });

  it('orders by year when 現状値 means the value at planning time', () => {
    expect(
      assignValueRoles(
        [
          { word: 'current', year: 2014 },
          { word: 'current', year: 2017 },
        ],
        2019,
      ),
    ).toEqual(['baseline', 'current']);
  });

  it('orders by year when a baseline word is later than the current word', () => {
    expect(
      assignValueRoles(
        [
          { word: 'current', year: 2014 },
          { word: 'baseline', year: 2017 },
        ],
        2019,
      ),
    ).toEqual(['baseline', 'current']);
  });

  it('takes as current the latest year not after the target', () => {
    expect(assignValueRoles([{ year: 2014 }, { year: 2017 }, { year: 2021 }], 2019)).toEqual([
      'baseline',
      'current',
      'intermediate',
    ]);
  });

  it('orders by year whatever the sheet order', () => {
    expect(assignValueRoles([{ year: 2017 }, { year: 2014 }, { year: 2016 }])).toEqual([
      'current',
      'baseline',
      'intermediate',
    ]);
  });

  it('falls back on sheet order without years', () => {
    expect(assignValueRoles([{}, {}, {}])).toEqual(['baseline', 'intermediate', 'current']);
    expect(assignValueRoles([{}])).toEqual(['current']);
    expect(assignValueRoles([{ word: 'baseline' }])).toEqual(['baseline']);
    expect(assignValueRoles([])).toEqual([]);
  });
});
