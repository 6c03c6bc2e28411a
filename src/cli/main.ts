#!/usr/bin/env node
import { Command } from 'commander';
import { isAppError } from '../domain/errors.js';
import { exitCodeOfKind } from './exit-codes.js';
import { registerApiKeyCommand } from './api-key-command.js';
import { registerArchiveCommands } from './archive-command.js';
import { registerAnalyzeCommand } from './analyze-command.js';
import { registerExtractCommand } from './extract-command.js';
import { registerFeedsCommand } from './feeds-command.js';
import { registerImportCommand } from './import-command.js';
import { registerInboxCommand } from './inbox-command.js';
import { registerSearchCommand } from './search-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTaxonomyCommand } from './taxonomy-command.js';
import { registerUserCommand } from './user-command.js';

// `dateline … | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = new Command('dateline')
  .description('Dateline: publish and republish news with attribution.')
  .showHelpAfterError('(run with --help for usage)');
registerServeCommand(program);
registerImportCommand(program);
registerExtractCommand(program);
registerFeedsCommand(program);
registerInboxCommand(program);
registerApiKeyCommand(program);
registerUserCommand(program);
registerTaxonomyCommand(program);
registerArchiveCommands(program);
registerAnalyzeCommand(program);
registerSearchCommand(program);

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
