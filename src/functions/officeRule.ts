/**
 * In the add-in, the saved grading rule reaches =KPI.GRADE through the same preset store the
 * task pane uses (src/excel/presetStore: a custom XML part of the workbook), so both doors read
 * one rule. src/excel stays the only place that calls Excel.run.
 *
 * One difference from the task pane, on purpose: when the saved rule is damaged, the pane
 * warns and grades with `standard`; a formula has nowhere to show a warning, and a grade by
 * the wrong rule looks like a right one, so GRADE (without a preset) shows #N/A saying the
 * saved rule could not be read. Cells that name a preset still compute.
 */
import { errorDetail, officeRun } from '../excel/excelRun';
import { HostError } from '../excel/errors';
import { loadPreset } from '../excel/presetStore';
import type { Preset } from '../core/types';
import type { WorkbookRuleSource } from './ruleProvider';

export function officeRuleSource(): WorkbookRuleSource {
  return {
    async loadPreset(): Promise<Preset | undefined> {
      // Excel may call a function as soon as functions.js has associated it.
      await Office.onReady();
      let invalid: readonly string[] | undefined;
      let preset: Preset | undefined;
      try {
        preset = await loadPreset(officeRun, (errors) => {
          invalid = errors;
        });
      } catch (e) {
        // GRADE's message already says "could not be read"; keep only what went wrong.
        throw new Error(e instanceof HostError && e.cause !== undefined ? errorDetail(e.cause) : errorDetail(e));
      }
      if (invalid) throw new Error(invalid.join(' '));
      return preset;
    },
  };
}
