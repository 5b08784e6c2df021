// @vitest-environment jsdom
/**
 * The pane's history pieces (issue 13): the grade line, the chart against the target, the
 * revision notice with its reason field, and the 悪化 / 改善 filters.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeFilter } from '../../src/taskpane/components/history/ChangeFilter';
import { byChange, chartGeometry, gradeLine, type ChangeFilter as Filter } from '../../src/taskpane/components/history/historyView';
import { KpiHistory } from '../../src/taskpane/components/history/KpiHistory';
import type { GradeKey } from '../../src/core/types';
import './render';

const grades = new Map<number, GradeKey>([
  [2023, 'S'],
  [2021, 'B'],
  [2022, 'A'],
]);

describe('history view', () => {
  it('the grade line, oldest first', () => {
    expect(gradeLine(grades)).toBe('R3 Ｂ → R4 Ａ → R5 Ｓ');
    expect(gradeLine(new Map())).toBe('');
  });

  it('the chart spans values and target: 100 at the bottom, the target 200 at the top', () => {
    // width 160, height 48, pad 4: x from 4 to 156, y from 44 (min) to 4 (max).
    const g = chartGeometry(
      [
        { year: 2022, value: 150 },
        { year: 2020, value: 100 },
      ],
      200,
    )!;
    expect(g.line).toBe('4,44 156,24');
    expect(g.targetY).toBe(4);
    expect(chartGeometry([], 200)).toBeUndefined();
  });

  it('filters keep only the worse or the better', () => {
    const items = [
      { name: 'a', change: 'worse' as const },
      { name: 'b', change: 'better' as const },
      { name: 'c', change: 'same' as const },
    ];
    expect(byChange(items, 'worse').map((i) => i.name)).toEqual(['a']);
    expect(byChange(items, 'better').map((i) => i.name)).toEqual(['b']);
    expect(byChange(items, 'all')).toHaveLength(3);
  });
});

describe('<KpiHistory> and <ChangeFilter>', () => {
  afterEach(cleanup);
  it('shows the line, the chart, the revision and asks for the reason', () => {
    const reasons: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <KpiHistory
          grades={grades}
          values={[
            { year: 2021, value: 140 },
            { year: 2022, value: 220 },
          ]}
          target={{ value: 250, text: '250人' }}
          revisions={[{ what: 'target', from: '200人', to: '250人', since: 2022 }]}
          onRevisionReason={(r) => reasons.push(r)}
        />
      </FluentProvider>,
    );
    expect(screen.getByText('R3 Ｂ → R4 Ａ → R5 Ｓ')).toBeTruthy();
    expect(screen.getByRole('img', { name: '実績値の推移と目標値（250人）' })).toBeTruthy();
    expect(screen.getByText('目標値が 200人 から 250人 に変更されています（R4 評価時）')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('目標値を変更した理由'), { target: { value: '総合計画の改定' } });
    expect(reasons).toEqual(['総合計画の改定']);
  });

  it('no revision, no reason field', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <KpiHistory grades={new Map()} values={[]} revisions={[]} onRevisionReason={() => undefined} />
      </FluentProvider>,
    );
    expect(screen.getByText('評価の履歴はまだありません')).toBeTruthy();
    expect(screen.queryByLabelText('変更の理由')).toBeNull();
  });

  it('the filter buttons say the counts and switch', () => {
    function Harness() {
      const [value, setValue] = useState<Filter>('all');
      return (
        <FluentProvider theme={webLightTheme}>
          <ChangeFilter counts={{ better: 2, worse: 1, same: 1, new: 0, ungraded: 0 }} value={value} onChange={setValue} />
          <span data-testid="value">{value}</span>
        </FluentProvider>
      );
    }
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '前回より悪化（1）' }));
    expect(screen.getByTestId('value').textContent).toBe('worse');
    fireEvent.click(screen.getByRole('button', { name: '前回より改善（2）' }));
    expect(screen.getByTestId('value').textContent).toBe('better');
  });
});
