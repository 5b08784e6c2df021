/**
 * What kind of trouble an Office.js error is, for the pane's advice. Excel reports a
 * handful of codes (OfficeExtension.ErrorCodes); each kind gets one plain sentence
 * that says what to do, so the officer never reads "RequestPayloadSizeLimitExceeded"
 * or "An internal error has occurred." as the message (the technical words stay in
 * the collapsible detail). The code may sit on the error itself, on its cause (the
 * adapter's HostError keeps the Office.js error there), or only in the message of a
 * plain Error ("RichApi.Error: The request payload size has exceeded the limit.").
 */
export type OfficeErrorKind = 'tooLarge' | 'cellEditing' | 'notAllowed' | 'notFound' | 'busy' | 'internal';

const BY_CODE: Readonly<Record<string, OfficeErrorKind>> = {
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  InvalidOperationInCellEditMode: 'cellEditing',
  AccessDenied: 'notAllowed',
  ApiNotAvailable: 'notAllowed',
  ItemNotFound: 'notFound',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  ServiceNotAvailable: 'busy',
  Timeout: 'busy',
  Conflict: 'busy',
  GeneralException: 'internal',
  InternalError: 'internal',
};

/** Words Excel uses in messages when the code is lost on the way (strings, re-wrapped errors). */
const BY_MESSAGE: readonly (readonly [RegExp, OfficeErrorKind])[] = [
  [/payload size|payload.*exceeded/i, 'tooLarge'],
  [/cell edit mode|editing a cell/i, 'cellEditing'],
  [/access denied|permission|protected/i, 'notAllowed'],
  [/does not exist|not found/i, 'notFound'],
  [/internal error/i, 'internal'],
];

function codeOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(e: unknown): string | undefined {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : undefined;
}

/** The Office.js error behind `e`: its cause when `e` is a wrapper that has one. */
export function officeCause(e: unknown): unknown {
  const cause = typeof e === 'object' && e !== null ? (e as { cause?: unknown }).cause : undefined;
  return cause ?? e;
}

export function officeErrorKind(e: unknown): OfficeErrorKind | undefined {
  const cause = officeCause(e);
  const code = codeOf(cause);
  if (code && BY_CODE[code]) return BY_CODE[code];
  const message = messageOf(cause) ?? '';
  for (const name of Object.keys(BY_CODE)) if (message.includes(name)) return BY_CODE[name];
  return BY_MESSAGE.find(([re]) => re.test(message))?.[1];
}

/** The technical words, once: "GeneralException: An internal error has occurred." */
export function technicalText(e: unknown): string {
  const cause = officeCause(e);
  const code = codeOf(cause);
  const message = messageOf(cause) ?? safeString(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

function safeString(x: unknown): string {
  try {
    return typeof x === 'object' ? (JSON.stringify(x) ?? String(x)) : String(x);
  } catch {
    // A value that cannot be stringified as JSON (a cycle): its default string is all there is.
    return String(x);
  }
}
