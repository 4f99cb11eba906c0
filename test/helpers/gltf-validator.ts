/**
 * The Khronos glTF-Validator, typed for tests. The package ships no TypeScript declarations, so it
 * is loaded through `createRequire` with a local interface instead of an ambient module declaration
 * that could clash with one another part of the project adds.
 */
import { createRequire } from 'node:module';

/** One issue as the validator reports it; severity 0 error, 1 warning, 2 info, 3 hint. */
export interface ValidatorMessage {
  code: string;
  message: string;
  severity: number;
  pointer?: string;
  offset?: number;
}

interface ValidatorReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: ValidatorMessage[];
  };
  info?: Record<string, unknown>;
}

interface GltfValidator {
  validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<ValidatorReport>;
  version(): string;
}

const validator = createRequire(import.meta.url)('gltf-validator') as GltfValidator;

export interface GlbValidation {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Every issue, errors first, formatted "SEVERITY CODE pointer: message" for assertion output. */
  messages: string[];
  /** The raw issues. */
  issues: ValidatorMessage[];
  /** The validator's summary of the asset (counts of draw calls, vertices, materials, …). */
  info: Record<string, unknown>;
}

const SEVERITY = ['ERROR', 'WARNING', 'INFO', 'HINT'];

/**
 * Validates GLB bytes with the Khronos glTF-Validator and summarises the report.
 *
 * @example
 * const { errors, warnings, messages } = await validateGlb(bytes);
 * assert.equal(errors, 0, messages.join('\n'));
 */
export async function validateGlb(bytes: Uint8Array): Promise<GlbValidation> {
  const report = await validator.validateBytes(bytes, { format: 'glb', maxIssues: 0, writeTimestamp: false });
  const issues = [...report.issues.messages].sort((a, b) => a.severity - b.severity);
  return {
    errors: report.issues.numErrors,
    warnings: report.issues.numWarnings,
    infos: report.issues.numInfos,
    hints: report.issues.numHints,
    messages: issues.map(
      (m) =>
        `${SEVERITY[m.severity] ?? m.severity} ${m.code}${m.pointer ? ` ${m.pointer}` : ''}: ${m.message}`,
    ),
    issues,
    info: report.info ?? {},
  };
}
