import type { Command } from 'commander';
import { listFormats } from '../../io/registry.js';
import { formatTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('formats')
    .description('List the file formats models can be saved in')
    .action(() => {
      const rows = listFormats().map((w) => [
        w.format,
        w.extensions.map((e) => `.${e}`).join(' '),
        w.description,
      ]);
      process.stdout.write(`${formatTable(['format', 'extensions', 'what it keeps'], rows)}\n`);
    });
}
