/**
 * Errors cross the process boundary as data, never as thrown objects: Electron keeps only the
 * `message` of an error thrown in a handler, and a web transport would lose even that.
 * `message` and each `fields` value is a message key from `shared/i18n` (or plain text), so the
 * renderer can show it in the user's language.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'ACCOUNT_LOCKED',
  'SETUP_REQUIRED',
  'INTEGRITY',
  /** The feature needs something this installation does not have (e.g. a PDF printer in the web preview). */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

export interface ErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly params?: MessageParams;
  /** Field path (dot-joined, e.g. `address.regencyCode`) -> message key. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type RpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: MessageParams;
  readonly fields?: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, extra: { params?: MessageParams; fields?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.params) this.params = extra.params;
    if (extra.fields) this.fields = extra.fields;
  }

  toData(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static fromData(data: ErrorData): AppError {
    return new AppError(data.code, data.message, {
      ...(data.params ? { params: data.params } : {}),
      ...(data.fields ? { fields: { ...data.fields } } : {}),
    });
  }
}

/** A single-field validation failure, the most common error a service raises itself. */
export function fieldError(field: string, messageKey: string, params?: MessageParams): AppError {
  return new AppError('VALIDATION', messageKey, { fields: { [field]: messageKey }, ...(params ? { params } : {}) });
}

export function isErrorData(x: unknown): x is ErrorData {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ErrorData).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((x as ErrorData).code) &&
    typeof (x as ErrorData).message === 'string'
  );
}
