import { readFileSync } from 'node:fs';

// Both src/version.ts and dist/version.js sit one folder below package.json.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The package version, e.g. "0.1.0". */
export const version: string = pkg.version;
