/**
 * What Excel requires of functions.json, as a lint shared by the metadata test (generated from
 * the source) and the build test (dist/functions.json as shipped).
 *
 * custom-functions-naming: a function's id and name "must start with a letter and be at least
 * three characters"; id "only A–Z, 0–9, underscore, and period"; name "any Unicode alphabetic
 * characters, underscore, and period". A function that breaks them is not registered, and its
 * formulas show #NAME? (the old =KPI.FY did).
 * custom-functions-errors, "Errors as custom function inputs": a function sees an error value
 * from a cell only when the metadata has `allowErrorForDataTypeAny: true` (a top-level flag, for
 * every parameter of type any); otherwise Excel gives the whole call the error.
 */
export interface MetadataForLint {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly parameters: readonly { readonly name: string; readonly type?: string }[];
  }[];
}

const ID = /^[A-Z][A-Z0-9_.]{2,}$/;
const NAME = /^\p{L}[\p{L}_.]{2,}$/u;

/** One line per broken rule; empty when Excel would register every function as written. */
export function metadataViolations(metadata: MetadataForLint): string[] {
  const out: string[] = [];
  for (const f of metadata.functions) {
    if (!ID.test(f.id)) out.push(`${f.id}: id must start with a letter, have 3+ characters, only A-Z 0-9 _ .`);
    if (!NAME.test(f.name)) out.push(`${f.id}: name "${f.name}" must start with a letter, have 3+ characters, only letters _ .`);
    for (const p of f.parameters) {
      // Every KPI argument may be a cell holding #DIV/0! or #N/A: it must reach the function.
      if ((p.type ?? 'any') !== 'any') out.push(`${f.id}(${p.name}): type ${p.type}, so an error cell never reaches the function`);
      else if (metadata.allowErrorForDataTypeAny !== true) out.push(`${f.id}(${p.name}): error cells need allowErrorForDataTypeAny: true`);
    }
  }
  return out;
}
