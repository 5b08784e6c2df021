/**
 * Errors the workbook double throws, shaped like Office.js's OfficeExtension.Error
 * (name "RichApi.Error", a `code` from Excel.ErrorCodes, `debugInfo`), so code
 * that branches on `error.code` behaves the same against the double and Excel.
 */
export class RichApiErrorDouble extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const doubleErrors = {
  propertyNotLoaded: (type: string, property: string) =>
    new RichApiErrorDouble(
      'PropertyNotLoaded',
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${type}.${property}`,
    ),
  itemNotFound: (where: string) =>
    new RichApiErrorDouble('ItemNotFound', "The requested resource doesn't exist.", where),
  accessDenied: (where: string) =>
    new RichApiErrorDouble(
      'AccessDenied',
      "The cell or chart you're trying to change is protected. To make changes, unprotect the sheet. You might be requested to enter a password.",
      where,
    ),
  invalidArgument: (where: string, why: string) =>
    new RichApiErrorDouble('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${why})`, where),
  invalidOperation: (where: string) =>
    new RichApiErrorDouble('InvalidOperation', 'This operation is not permitted for the current object.', where),
  apiNotFound: (where: string) =>
    new RichApiErrorDouble('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.', where),
  rangeExceedsLimit: (where: string) =>
    new RichApiErrorDouble('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.', where),
  requestTooLarge: (bytes: number, limit: number) =>
    new RichApiErrorDouble(
      'RequestPayloadSizeLimitExceeded',
      `The request payload size has exceeded the limit (${bytes} bytes > ${limit}). See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.`,
    ),
  responseTooLarge: (bytes: number, limit: number) =>
    new RichApiErrorDouble(
      'ResponsePayloadSizeLimitExceeded',
      `The response payload size has exceeded the limit (${bytes} bytes > ${limit}). See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.`,
    ),
  /** What Excel says when something inside it failed, whatever it was (RichApi "internal error"). */
  generalException: (where: string) => new RichApiErrorDouble('GeneralException', 'An internal error has occurred.', where),
  invalidRequestContext: () =>
    new RichApiErrorDouble('InvalidRequestContext', 'Cannot use the object across different request contexts.'),
};
