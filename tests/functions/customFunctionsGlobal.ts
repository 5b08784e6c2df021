/**
 * A stand-in for the CustomFunctions global that Excel's custom functions runtime provides,
 * for running the KPI functions in Node (tests, bench). Modelled on
 * @types/custom-functions-runtime: an Error class carrying a code and an optional message,
 * and the ErrorCode string enum whose values are what the cell shows. Import it before the
 * functions, as Excel defines the global before it loads functions.js.
 */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class CustomFunctionsError {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

const stub = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate(): void {
    // Nothing to register outside Excel.
  },
};

if (typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions === 'undefined') {
  Object.assign(globalThis, { CustomFunctions: stub });
}

