import { InvalidPromptError } from '../errors.js';

/** Longest prompt accepted, in characters. */
export const MAX_PROMPT_LENGTH = 1000;

// C0 and C1 control characters other than ordinary whitespace (tab, newline, carriage return).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Throws `InvalidPromptError` saying what is wrong with the prompt: not a string, empty, longer than
 * {@link MAX_PROMPT_LENGTH} characters, or containing control characters. Returns the trimmed prompt.
 *
 * @example
 * const prompt = assertValidPrompt('  a wooden chair '); // 'a wooden chair'
 */
export function assertValidPrompt(prompt: unknown): string {
  if (typeof prompt !== 'string') {
    throw new InvalidPromptError(
      `The prompt must be a string of text, not ${prompt === null ? 'null' : typeof prompt}.`,
    );
  }
  const trimmed = prompt.trim();
  if (trimmed.length === 0)
    throw new InvalidPromptError('The prompt is empty; describe the object, e.g. "a wooden chair".');
  if ([...trimmed].length > MAX_PROMPT_LENGTH) {
    throw new InvalidPromptError(
      `The prompt is ${[...trimmed].length} characters; at most ${MAX_PROMPT_LENGTH} are accepted.`,
    );
  }
  const bad = CONTROL_CHARS.exec(trimmed);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).padStart(4, '0');
    throw new InvalidPromptError(`The prompt contains a control character (U+${code}); use plain text only.`);
  }
  return trimmed;
}

/**
 * True when the prompt is acceptable; see {@link assertValidPrompt} for the reason when it is not.
 *
 * @example
 * validatePrompt('a wooden chair'); // true
 * validatePrompt('   '); // false
 */
export function validatePrompt(prompt: unknown): boolean {
  try {
    assertValidPrompt(prompt);
    return true;
  } catch {
    return false;
  }
}
