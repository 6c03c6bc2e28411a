import type { Instant } from './ids.js';
import type { UserId } from './staff.js';

/** What the audit log records: publishing decisions, deletions, settings, staff, taxonomy and redirect changes. */
export const auditActions = [
  'article.publish', 'article.unpublish', 'article.schedule', 'article.delete', 'article.archive',
  'settings.change', 'staff.create', 'staff.invite', 'staff.role-change', 'staff.disable', 'staff.enable', 'staff.sign-out-everywhere',
  'staff.password-reset', 'site.setup', 'api-key.create', 'api-key.revoke', 'inbox.publish', 'inbox.reject',
  'term.add', 'term.rename', 'term.move', 'term.merge', 'redirect.create', 'redirect.update', 'redirect.delete',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: string;
  at: Instant;
  userId: UserId | null;
  /** Who acted, as shown to readers of the log: a name and e-mail, or "command line". */
  actor: string;
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown> | null;
}
