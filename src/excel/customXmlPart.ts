/**
 * Reading the add-in's own custom XML parts (the saved rule, the table readings, the history):
 * each store keeps one part per namespace; should there be more (two panes saving at once), the
 * newest — last added — counts. One place for that rule and for how a failed read is told.
 */
import { HostError, type HostErrorCode } from './errors';
import type { ExcelRun } from './excelRun';

/** The XML of the newest part in `namespace`, or undefined when the workbook has none. */
export async function readNewestPartXml(run: ExcelRun, namespace: string, failure: HostErrorCode): Promise<string | undefined> {
  try {
    return await run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await context.sync();
      const last = parts.items[parts.items.length - 1];
      if (!last) return undefined;
      const result = last.getXml();
      await context.sync();
      return result.value;
    });
  } catch (error) {
    throw HostError.from(failure, error);
  }
}

/**
 * Replaces every part in `namespace` with one holding `xml`, in one request. The new part is
 * added first and the old ones deleted after: if the request fails, the old part is still there.
 */
export async function replacePartXml(run: ExcelRun, namespace: string, xml: string, failure: HostErrorCode): Promise<void> {
  try {
    await run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await context.sync();
      context.workbook.customXmlParts.add(xml);
      for (const part of parts.items) part.delete();
      await context.sync();
    });
  } catch (error) {
    throw HostError.from(failure, error);
  }
}
