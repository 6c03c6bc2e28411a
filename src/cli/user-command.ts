import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { roles, type Role } from '../domain/staff.js';
import { withDateline } from './with-dateline.js';

/** The password from DATELINE_PASSWORD (scripts) or typed at a prompt (people); never from argv, which other users can read. */
async function readPassword(): Promise<string> {
  if (process.env.DATELINE_PASSWORD) return process.env.DATELINE_PASSWORD;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', 'Set DATELINE_PASSWORD, or run the command in a terminal to type the password.');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('Password (at least 12 characters): ');
  } finally {
    rl.close();
  }
}

/** `dateline user …`: staff accounts from the command line (the first owner, or recovery). */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('create and list staff accounts');

  user.command('create').description('create a staff account (the password comes from DATELINE_PASSWORD or a prompt)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'editor')
    .action((o: { email: string; name: string; role: string }) => withDateline(async (d) => {
      const created = await d.services.auth.createUser({ email: o.email, name: o.name, role: o.role as Role, password: await readPassword() }, { kind: 'cli' });
      console.log(`${created.id} ${created.email} ${created.role}`);
    }));

  user.command('list').description('list staff accounts')
    .action(() => withDateline(async (d) => {
      for (const u of await d.store.users.list()) console.log(`${u.id}  ${u.email}  ${u.name}  ${u.role}${u.disabledAt ? '  (disabled)' : ''}`);
    }));
}
