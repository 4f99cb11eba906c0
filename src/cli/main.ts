#!/usr/bin/env node
/**
 * The `dream-cad` command. Each command lives in ./commands and is a thin adapter over the
 * library: it parses flags, calls the same functions a library user would, and prints.
 */
import { Command } from 'commander';
import { getConfig } from '../config.js';
import '../index.js';
import { version } from '../version.js';
import { register as registerAb } from './commands/ab.js';
import { register as registerAssess } from './commands/assess.js';
import { register as registerBench } from './commands/bench.js';
import { register as registerFormats } from './commands/formats.js';
import { register as registerGenerate } from './commands/generate.js';
import { register as registerModels } from './commands/models.js';
import { register as registerReport } from './commands/report.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerWorker } from './commands/worker.js';
import { EXIT_USAGE, reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('dream-cad')
    .description('Turn a sentence into a downloadable 3D model (GLB, OBJ, PLY, STL, …).')
    .version(version, '-v, --version')
    // One line per error, ending with what to do next.
    .configureOutput({
      outputError: (str, write) => write(`dream-cad: ${str.trim()} (add --help for usage)\n`),
    })
    .exitOverride((err) => {
      // Commander's own usage errors (unknown option, missing argument) are the user's to fix.
      process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
    });
  registerGenerate(program);
  registerModels(program);
  registerFormats(program);
  registerAssess(program);
  registerBench(program);
  registerAb(program);
  registerReport(program);
  registerServe(program);
  registerWorker(program);
  return program;
}

async function main(): Promise<void> {
  try {
    getConfig(); // validate every DREAM_CAD_* variable once, before any work
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    reportError(err);
  }
}

await main();
