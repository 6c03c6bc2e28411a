import { loadConfig } from '../config/config.js';
import { createDateline, type Dateline } from '../main.js';

/**
 * Runs a command's work against the configured site and always closes the database after.
 * `prepare` seeds the default taxonomies (never demo content) for commands that need them.
 */
export async function withDateline(work: (dateline: Dateline) => Promise<void>, options: { prepare?: boolean } = {}): Promise<void> {
  const dateline = await createDateline(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  try {
    if (options.prepare) await dateline.prepare({ demoContent: false });
    await work(dateline);
  } finally {
    await dateline.stop();
  }
}
