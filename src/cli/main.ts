#!/usr/bin/env node
import { Command } from 'commander';
import { isAppError } from '../domain/errors.js';
import { exitCodeOfKind } from './exit-codes.js';
import { registerImportCommand } from './import-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTaxonomyCommand } from './taxonomy-command.js';

const program = new Command('dateline')
  .description('Dateline: publish and republish news with attribution.')
  .showHelpAfterError('(run with --help for usage)');
registerServeCommand(program);
registerImportCommand(program);
registerTaxonomyCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error)) {
    console.error(`dateline: ${error.message}`);
    process.exit(exitCodeOfKind[error.kind]);
  }
  console.error('dateline: unexpected error:', error);
  process.exit(70);
}
