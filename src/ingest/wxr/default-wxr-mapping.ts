import type { SiteImportMapping } from '../../app/site-import/site-import-mapping.js';
import type { WxrScan } from './scan-wxr.js';

/** WordPress's own records that are not content: menus, revisions, editor templates, caches. */
export const WORDPRESS_INTERNAL_TYPES = [
  'nav_menu_item', 'revision', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request', 'wp_block', 'wp_template',
  'wp_template_part', 'wp_global_styles', 'wp_navigation', 'wp_font_family', 'wp_font_face', 'jp_pay_order', 'jp_pay_product', 'feedback',
];

/**
 * The starting mapping for a WordPress export: categories into Theme, tags into a Keywords
 * taxonomy (both created when the site lacks them), posts and pages as articles, sticky posts
 * marked with the Featured keyword; every other taxonomy and post type met in the file is listed
 * and left out until the owner says where it goes.
 */
export function defaultWxrMapping(scan?: Pick<WxrScan, 'taxonomies' | 'postTypes'>, options: { listUnknownTypes?: boolean } = {}): SiteImportMapping {
  const mapping: SiteImportMapping = {
    taxonomies: {
      category: { taxonomy: 'theme', create: { name: 'Theme', pluralName: 'Themes' } },
      post_tag: { taxonomy: 'keywords', create: { name: 'Keyword', pluralName: 'Keywords' } },
    },
    terms: { 'category/uncategorized': null },
    authors: {},
    postTypes: { post: 'article', page: 'article' },
    sticky: { taxonomy: 'keywords', term: 'Featured' },
  };
  for (const taxonomy of scan?.taxonomies.keys() ?? []) mapping.taxonomies[taxonomy] ??= { taxonomy: null };
  // Unknown types are listed for the owner to decide; left out of the working mapping they are reported as unknown.
  for (const type of [...WORDPRESS_INTERNAL_TYPES, ...(options.listUnknownTypes ? scan?.postTypes.keys() ?? [] : [])]) {
    if (type && type !== 'attachment') mapping.postTypes[type] ??= 'skip';
  }
  return mapping;
}
