import { InvalidArgumentError } from 'commander';
import { ModelNotFoundError } from '../errors.js';
import { ModelFactory } from '../models/factory.js';

/** Commander parser for an integer option within [min, max]. */
export function intOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}, not "${raw}".`);
    }
    return Number(raw);
  };
}

/** Commander parser for a finite number option within [min, max]. */
export function numberOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}, not "${raw}".`);
    }
    return n;
  };
}

/**
 * Throws `ModelNotFoundError` (a usage error: exit 2) for the first name no model is registered
 * under, before any work starts.
 */
export function requireModels(...names: string[]): void {
  const known = ModelFactory.listAvailableModels();
  for (const name of names) if (!known.includes(name)) throw new ModelNotFoundError(name, known);
}
