import type { Command } from 'commander';
import type { ArchiveManifest } from '../main.js';
import { createProgress, type Progress } from './progress.js';
import { withDateline } from './with-dateline.js';

function summary(manifest: ArchiveManifest): string {
  const rows = manifest.tables.filter((t) => t.rows > 0).map((t) => `${t.name} ${t.rows.toLocaleString('en')}`).join(', ');
  return `${rows || 'no rows'}; media ${manifest.media.files.toLocaleString('en')} files (${(manifest.media.bytes / 1048576).toFixed(1)} MB)`;
}

/** `dateline export DIR` and `dateline restore DIR`: the whole site as a folder of JSON Lines and media. */
export function registerArchiveCommands(program: Command): void {
  program.command('export').description('export the whole site (articles, taxonomies, authors, sources, settings, staff, comments, redirects, media) into a new folder')
    .argument('<dir>', 'a folder that does not exist yet (or is empty)')
    .action((dir: string) => withDateline(async (d) => {
      let progress = null as Progress | null;
      try {
        const manifest = await d.archive.export(dir, (step) => {
          progress ??= createProgress(step.total, 'rows and files');
          for (let i = 0; i < step.added; i++) progress.tick(`${step.phase} ${step.name}`);
        });
        console.log(`exported to ${dir}: ${summary(manifest)}`);
      } finally {
        progress?.stop();
      }
    }));

  program.command('restore').description('rebuild a site from an export, into an empty database (SQLite or PostgreSQL)')
    .argument('<dir>', 'a folder written by `dateline export`')
    .action((dir: string) => withDateline(async (d) => {
      let progress = null as Progress | null;
      try {
        const manifest = await d.archive.restore(dir, (step) => {
          progress ??= createProgress(step.total, 'rows and files');
          for (let i = 0; i < step.added; i++) progress.tick(`${step.phase} ${step.name}`);
        });
        console.log(`restored from ${dir} (exported ${manifest.exportedAt} by ${manifest.generator}): ${summary(manifest)}`);
      } finally {
        progress?.stop();
      }
    }));
}
