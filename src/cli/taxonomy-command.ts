import type { Command } from 'commander';
import { flattenTree } from '../domain/taxonomy.js';
import { withDateline as run } from './with-dateline.js';
import type { Dateline } from '../main.js';

const withDateline = (work: (d: Dateline) => Promise<void>) => run(work, { prepare: true });

/** `dateline taxonomy …`: list, add and rename taxonomies and terms (data, not code). */
export function registerTaxonomyCommand(program: Command): void {
  const taxonomy = program.command('taxonomy').description('list, add and rename taxonomies and their terms');

  taxonomy.command('list').description('print every taxonomy with its term tree')
    .action(() => withDateline(async (d) => {
      const index = await d.services.taxonomies.index();
      for (const t of index.taxonomies) {
        console.log(`${t.name} (/${t.slug}/)`);
        for (const { term, depth } of flattenTree(index.termsOf(t.id))) console.log(`${'  '.repeat(depth + 1)}${term.name} [${term.slug}]`);
      }
    }));

  taxonomy.command('add').description('add a taxonomy').argument('<slug>').argument('<name>')
    .option('--plural <name>', 'plural name for navigation').option('--description <text>')
    .action((slug: string, name: string, o: { plural?: string; description?: string }) => withDateline(async (d) => {
      const t = await d.services.taxonomies.addTaxonomy({ slug, name, ...(o.plural ? { pluralName: o.plural } : {}), description: o.description ?? null });
      console.log(`/${t.slug}/`);
    }));

  taxonomy.command('rename').description('rename a taxonomy (URLs keep the slug)').argument('<slug>').argument('<name>')
    .option('--plural <name>')
    .action((slug: string, name: string, o: { plural?: string }) => withDateline(async (d) => {
      await d.services.taxonomies.renameTaxonomy(slug, name, o.plural);
    }));

  taxonomy.command('add-term').description('add a term to a taxonomy').argument('<taxonomy>').argument('<name>')
    .option('--slug <slug>').option('--parent <slug>', 'put it under this term').option('--description <text>')
    .action((tax: string, name: string, o: { slug?: string; parent?: string; description?: string }) => withDateline(async (d) => {
      const term = await d.services.taxonomies.addTerm(tax, { name, ...(o.slug ? { slug: o.slug } : {}), ...(o.parent ? { parentSlug: o.parent } : {}), description: o.description ?? null });
      console.log(`/${tax}/${term.slug}/`);
    }));

  taxonomy.command('update-term').description('rename a term, move it under another, or change its description (URLs keep the slug)')
    .argument('<taxonomy>').argument('<term-slug>')
    .option('--name <name>').option('--parent <slug>', 'new parent term; "none" for the top level').option('--description <text>')
    .action((tax: string, termSlug: string, o: { name?: string; parent?: string; description?: string }) => withDateline(async (d) => {
      await d.services.taxonomies.updateTerm(tax, termSlug, {
        ...(o.name ? { name: o.name } : {}),
        ...(o.parent ? { parentSlug: o.parent === 'none' ? null : o.parent } : {}),
        ...(o.description !== undefined ? { description: o.description } : {}),
      });
    }));
}
