import type { EditedArticle } from '../../app/article-editor.js';
import { articlePath, type Article } from '../../domain/article.js';
import { assertMayEdit, nextStatusesFor } from '../../domain/editorial.js';
import type { User } from '../../domain/staff.js';
import type { Term } from '../../domain/taxonomy.js';
import type { EditorView } from '../../render/admin/editor-page.js';
import type { AdminDeps } from './admin-context.js';
import { emptyFields, fieldsOf, type ArticleFields } from './article-fields.js';

/** Terms in tree order with their depth, for indented check boxes. */
function treeOrder(terms: readonly Term[]): { term: Term; depth: number }[] {
  const out: { term: Term; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const term of terms.filter((t) => t.parentId === parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))) {
      out.push({ term, depth });
      walk(term.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function mayEdit(user: User, edited: EditedArticle): boolean {
  try {
    assertMayEdit(user, edited.article, edited.record);
    return true;
  } catch {
    return false;
  }
}

/** Everything the editor screen shows, for a new article (null) or an existing one; `fields` overrides what is shown (after a refused save). */
export async function editorView(deps: AdminDeps, user: User, edited: EditedArticle | null, fields?: ArticleFields, conflict: EditorView['conflict'] = null): Promise<EditorView> {
  const [{ authors, sources }, index] = await Promise.all([deps.editor.choices(), deps.taxonomies.index()]);
  const article: Article | null = edited?.article ?? null;
  return {
    article,
    fields: fields ?? (article ? fieldsOf(article) : emptyFields),
    version: edited?.record.version ?? 0,
    publicPath: article ? articlePath(article) : null,
    unpublished: edited?.record.unpublished ?? null,
    canEdit: edited ? mayEdit(user, edited) : true,
    moves: edited ? nextStatusesFor(user.role, edited.own, edited.article.status) : [],
    authors, sources,
    taxonomies: index.taxonomies.map((taxonomy) => ({ taxonomy, terms: treeOrder(index.termsOf(taxonomy.id)) })),
    conflict,
  };
}
