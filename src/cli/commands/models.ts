import type { Command } from 'commander';
import { ModelFactory } from '../../models/factory.js';
import { formatTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('models')
    .description('List the models, what they can do, and whether each is ready on this machine')
    .option('--json', 'print JSON instead of a table')
    .action((flags: { json?: boolean }) => {
      const models = ModelFactory.describeModels();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(models, null, 2)}\n`);
        return;
      }
      const rows = models.map(({ name, capabilities: c, readiness: r }) => [
        name,
        [c.supportsTextTo3d && 'text', c.supportsImageTo3d && 'image'].filter(Boolean).join('+'),
        c.minVramGb > 0 ? `${c.minVramGb} GB` : 'CPU',
        c.outputFormats.join(','),
        c.typicalGenerationTime,
        r.ready ? 'yes' : `no: ${r.reason ?? 'not ready'}`,
      ]);
      process.stdout.write(
        `${formatTable(['model', 'input', 'needs', 'formats', 'typical time', 'ready'], rows)}\n`,
      );
    });
}
