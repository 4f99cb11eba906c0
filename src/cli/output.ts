import { DreamCadError } from '../errors.js';

/** Exit codes: 1 when the work failed, 2 when the input was wrong (fix the command and retry). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const USAGE_CODES = new Set([
  'INVALID_CONFIG',
  'INVALID_PROMPT',
  'FILE_FORMAT',
  'MODEL_NOT_FOUND',
  'NOT_SUPPORTED',
]);

/**
 * Prints an error as one line on stderr and sets the exit code; the stack only with
 * DREAM_CAD_LOG_LEVEL=debug, since users need the message, not our internals.
 */
export function reportError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`dream-cad: error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.DREAM_CAD_LOG_LEVEL?.toLowerCase() === 'debug' && err instanceof Error) {
    process.stderr.write(`${err.stack}\n`);
  }
  process.exitCode = err instanceof DreamCadError && USAGE_CODES.has(err.code) ? EXIT_USAGE : EXIT_FAILURE;
}

/** Formats rows as an aligned plain-text table. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * A progress reporter for stderr that stays silent for the first second, so quick jobs print
 * nothing but their result, and slow ones show that they are alive.
 */
export function createProgressReporter(delayMs = 1000): {
  update(fraction: number, stage: string): void;
  done(): void;
} {
  const start = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = '';
  let shown = false;
  return {
    update(fraction, stage) {
      if (Date.now() - start < delayMs) return;
      const line = `${Math.round(fraction * 100)
        .toString()
        .padStart(3)}% ${stage}`;
      if (line === lastLine) return;
      lastLine = line;
      shown = true;
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done() {
      if (shown && tty) process.stderr.write('\n');
    },
  };
}
