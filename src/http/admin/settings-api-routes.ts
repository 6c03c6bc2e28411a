import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../../app/auth-service.js';
import type { SettingsService } from '../../app/settings-service.js';
import type { SiteSettings } from '../../domain/site-settings.js';
import type { User } from '../../domain/staff.js';
import { requireStaff } from './staff-request.js';
import { routeSchema } from './zod-route-schemas.js';

export interface SettingsApiDeps {
  settings: SettingsService;
  auth: AuthService;
}

/** Links the site prints: web addresses, or mail for the call links; never script. */
const webUrl = z.string().max(2000).regex(/^https?:\/\/[^\s/]+/i, 'use a web address starting with https://');
const callUrl = z.string().max(2000).regex(/^(?:https?:\/\/[^\s/]+|mailto:[^\s@]+@[^\s@]+)/i, 'use a web address starting with https:// or a mailto: address');
const notice = z.string().max(5000);

const settingsPatch = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(1000),
  url: webUrl,
  language: z.string().max(35).refine(isLanguageTag, 'use a language tag such as en, ru or pt-BR'),
  timeZone: z.string().max(100).refine(isTimeZone, 'use an IANA time zone such as Europe/Berlin'),
  logoUrl: z.union([webUrl, z.string().regex(/^\/[^/]/, 'use a web address or a path on this site')]).nullable(),
  membershipUrl: callUrl.nullable(),
  commentUrl: callUrl.nullable(),
  contactEmail: z.string().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'use an e-mail address').nullable(),
  pageSize: z.number().int().min(1).max(100),
  feedContent: z.enum(['full', 'summary']),
  notices: z.object({
    disclaimer: notice, crossPosting: notice, fairUse: notice, mediaInquiries: notice, membershipCall: notice, commentCall: notice,
  }).partial().strict(),
}).partial().strict();

/** `/admin/api/settings`: the site's settings and standing notices. Changes are recorded in the audit log. */
export async function settingsApiRoutes(app: FastifyInstance, deps: SettingsApiDeps): Promise<void> {

  app.get('/', { schema: { summary: 'The site settings and standing notices', tags: ['settings'] } }, async (request) => {
    requireStaff(request);
    return { settings: await deps.settings.get() };
  });

  app.patch('/', { schema: { summary: 'Change settings or notices (needs settings.manage; recorded in the audit log)', tags: ['settings'], body: routeSchema(settingsPatch) } }, async (request) => {
    const user = requireStaff(request, 'settings.manage');
    return { settings: await changeSettings(deps, user, request.body ?? {}) };
  });
}

/**
 * Validates a settings change, saves it and records it in the audit log (the fields changed, and
 * the public URL's old and new value). The API and the settings screen both go through here.
 */
export async function changeSettings(deps: SettingsApiDeps, user: User, body: unknown): Promise<SiteSettings> {
  deps.auth.require(user, 'settings.manage');
  const patch = settingsPatch.parse(body);
  const before = await deps.settings.get();
  // update() merges notices field by field, so a partial set is what it expects.
  const settings = await deps.settings.update(patch as Partial<SiteSettings>);
  const changed = Object.keys(patch).flatMap((key) => (key === 'notices' ? Object.keys(patch.notices ?? {}).map((n) => `notices.${n}`) : [key]));
  await deps.auth.audit({ kind: 'user', user }, 'settings.change', 'settings', 'site', {
    fields: changed.sort(),
    ...(patch.url !== undefined && patch.url !== before.url ? { url: { from: before.url, to: settings.url } } : {}),
  });
  return settings;
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
