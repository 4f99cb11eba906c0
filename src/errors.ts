/**
 * Every error the library raises on purpose is a `DreamCadError` with a stable `code`; the HTTP
 * layer maps codes to status codes, the CLI prints the message on one line.
 */
export type ErrorCode =
  | 'MODEL_NOT_FOUND'
  | 'INSUFFICIENT_VRAM'
  | 'GENERATION_FAILED'
  | 'INVALID_CONFIG'
  | 'FILE_FORMAT'
  | 'INVALID_PROMPT'
  | 'NOT_SUPPORTED'
  | 'CANCELLED'
  | 'PROMPT_NOT_UNDERSTOOD';

export class DreamCadError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The requested model name is not registered. */
export class ModelNotFoundError extends DreamCadError {
  constructor(
    readonly modelName: string,
    readonly available: string[],
  ) {
    super(
      'MODEL_NOT_FOUND',
      `Unknown model "${modelName}". Available models: ${available.join(', ') || '(none)'}.`,
    );
  }
}

/** The model needs more GPU memory than this machine has free. */
export class InsufficientVRAMError extends DreamCadError {
  constructor(
    readonly modelName: string,
    readonly requiredGb: number,
    readonly availableGb: number,
  ) {
    super(
      'INSUFFICIENT_VRAM',
      `Model "${modelName}" needs at least ${requiredGb} GB of GPU memory; ${availableGb.toFixed(1)} GB is available. ` +
        'Choose a model that runs on CPU, such as "dreamcad".',
    );
  }
}

/** The model failed while generating; `cause` holds the underlying error. */
export class GenerationError extends DreamCadError {
  constructor(
    message: string,
    options?: { cause?: unknown; code?: Extract<ErrorCode, 'GENERATION_FAILED' | 'PROMPT_NOT_UNDERSTOOD'> },
  ) {
    super(options?.code ?? 'GENERATION_FAILED', message, options);
  }
}

/**
 * No word of the prompt names an object the model can make. `suggestions` lists up to five kinds of
 * object close to the words used (also in the message, so the CLI and the API show them).
 */
export class PromptNotUnderstoodError extends GenerationError {
  constructor(
    readonly prompt: string,
    readonly suggestions: string[],
    /** Words that were understood (colours, materials…) even though no object was. */
    readonly understoodWords: string[] = [],
  ) {
    const known = understoodWords.length > 0 ? ` (understood: ${understoodWords.join(', ')})` : '';
    const hint = suggestions.length > 0 ? ` Try one of: ${suggestions.join(', ')}.` : '';
    super(`No object could be recognised in "${prompt}"${known}.${hint}`, { code: 'PROMPT_NOT_UNDERSTOOD' });
  }
}

/** A configuration value (environment variable or option) is not acceptable. */
export class InvalidConfigError extends DreamCadError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super('INVALID_CONFIG', message);
  }
}

/** The file format is unknown, unsupported, or the file could not be written or read as that format. */
export class FileFormatError extends DreamCadError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('FILE_FORMAT', message, options);
  }
}

/** The prompt is empty, too long or contains control characters. */
export class InvalidPromptError extends DreamCadError {
  constructor(message: string) {
    super('INVALID_PROMPT', message);
  }
}

/** The model cannot do what was asked, e.g. image input on a text-only model. */
export class NotSupportedError extends DreamCadError {
  constructor(message: string) {
    super('NOT_SUPPORTED', message);
  }
}

/** The work was cancelled (an `AbortSignal` fired) before it finished. */
export class CancelledError extends DreamCadError {
  constructor(message = 'The operation was cancelled.') {
    super('CANCELLED', message);
  }
}
