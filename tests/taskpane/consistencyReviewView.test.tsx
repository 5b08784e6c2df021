// @vitest-environment jsdom
/**
 * The pane's consistency review says what the command line says (core's words): each place
 * names its sheet as 「シート「…」」 and is a link to its cell, and a share tells how many
 * typed grades differ from 「－」. The review is written by hand.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsistencyReview } from '../../src/core/consistency';
import { ConsistencyReviewView } from '../../src/taskpane/components/import/ConsistencyReviewView';
import './render';

afterEach(cleanup);

const review: ConsistencyReview = {
  sameKpi: [
    {
      name: '成婚数',
      differsIn: ['target'],
      occurrences: [
        { file: 'このブック', sheet: '第1節', cell: 'G5', current: '27組', target: '30組以上', years: {} },
        { file: '企画課.xlsx', sheet: '成果指標', cell: 'H9', department: '企画課', current: '27組', target: '35組以上', years: {} },
      ],
    },
  ],
  gradeStyles: { mixed: false, full: ['このブック', '企画課.xlsx'], half: [] },
  byFile: [{ label: 'このブック', typed: 4, differ: 2, kinder: 1, harsher: 0, unranked: 1, share: 0.5 }],
  byDepartment: [],
};

describe('ConsistencyReviewView', () => {
  it('lists each place as a link to its cell, in the command line’s words', () => {
    const onSelect = vi.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <ConsistencyReviewView review={review} lang="ja" onSelect={onSelect} />
      </FluentProvider>,
    );
    const region = screen.getByRole('region', { name: '各課の評価の整合性（取り込んだファイルとこのブック）' });
    expect(within(region).getByText('「成婚数」: 目標値が異なります')).toBeTruthy();
    const link = within(region).getByRole('button', { name: '企画課.xlsx シート「成果指標」H9（企画課）: 当初 － → 現状 27組 → 目標 35組以上' });
    fireEvent.click(link);
    expect(onSelect).toHaveBeenCalledWith('成果指標', 'H9');
    expect(within(region).getByText('このブック: 4件中 2件（50%）— 規則より甘い 1・厳しい 0・「－」との違い 1')).toBeTruthy();
    expect(within(region).getByText('評価の書き方（全角・半角）はそろっています。')).toBeTruthy();
  });
});
