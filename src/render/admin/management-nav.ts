import type { Capability } from '../../domain/staff.js';

/** The management screens' entries in the back-office navigation, each shown only to roles that may use it. */
export const managementLinks = [
  { key: 'media', href: '/admin/media/', label: 'Media', capability: 'media.upload' },
  { key: 'authors', href: '/admin/authors/', label: 'Authors', capability: 'author.manage' },
  { key: 'sources', href: '/admin/sources/', label: 'Sources', capability: 'source.manage' },
  { key: 'staff', href: '/admin/staff/', label: 'Staff', capability: 'staff.manage' },
  // Every member of staff may read the taxonomy trees; changing them needs taxonomy.manage.
  { key: 'taxonomies', href: '/admin/taxonomies/', label: 'Taxonomies', capability: null },
  { key: 'redirects', href: '/admin/redirects/', label: 'Redirects', capability: 'redirect.manage' },
  { key: 'settings', href: '/admin/settings/', label: 'Settings', capability: 'settings.manage' },
  { key: 'audit', href: '/admin/audit/', label: 'Audit log', capability: 'audit.read' },
] as const satisfies readonly { key: string; href: string; label: string; capability: Capability | null }[];

export type ManagementScreen = (typeof managementLinks)[number]['key'];
