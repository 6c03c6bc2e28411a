import { z } from 'zod';
import { defaultSiteSettings, type SiteSettings } from '../domain/site-settings.js';
import { tags, type ContentEvents } from './content-events.js';
import type { Clock, Store } from './ports.js';

const SETTINGS_KEY = 'site';

const noticesSchema = z.object({
  disclaimer: z.string(), crossPosting: z.string(), fairUse: z.string(),
  mediaInquiries: z.string(), membershipCall: z.string(), commentCall: z.string(),
}).partial();

/** Stored settings are validated on read: a hand-edited or older row falls back field by field to defaults. */
const storedSettingsSchema = z.object({
  name: z.string().min(1), description: z.string(), url: z.string().url(), language: z.string().min(2),
  timeZone: z.string().min(1), logoUrl: z.string().nullable(), membershipUrl: z.string().nullable(),
  commentUrl: z.string().nullable(), contactEmail: z.string().nullable(), pageSize: z.number().int().min(1).max(100), feedContent: z.enum(['full', 'summary']),
  notices: noticesSchema,
}).partial();

/** Reads and writes the site settings, keeping a validated copy in memory. */
export class SettingsService {
  private cached: SiteSettings | null = null;

  constructor(private readonly deps: { store: Store; clock: Clock; events: ContentEvents; overrides?: Partial<SiteSettings> }) {
    deps.events.subscribe((change) => {
      if (change.tags.includes(tags.settings) || change.tags.includes(tags.everything)) this.cached = null;
    });
  }

  /** The current settings: defaults, then the stored values, then start-up overrides (SITE_URL). */
  async get(): Promise<SiteSettings> {
    if (this.cached) return this.cached;
    const raw = await this.deps.store.settings.get(SETTINGS_KEY);
    const parsed = storedSettingsSchema.safeParse(raw ?? {});
    const stored = parsed.success ? parsed.data : {};
    const merged: SiteSettings = {
      ...defaultSiteSettings,
      ...stored,
      ...this.deps.overrides,
      notices: { ...defaultSiteSettings.notices, ...stored.notices },
    };
    this.cached = Object.freeze(merged);
    return merged;
  }

  /**
   * Sets the public URL when it is known only once the server listens (PORT=0 and no SITE_URL).
   * Not stored: it describes this process, not the site.
   */
  useRuntimeUrl(url: string): void {
    this.deps.overrides = { ...this.deps.overrides, url };
    this.cached = null;
    this.deps.events.publish({ tags: [tags.settings] });
  }

  /** Saves changed fields and tells every cache. */
  async update(patch: Partial<SiteSettings>): Promise<SiteSettings> {
    const current = await this.get();
    const next = { ...current, ...patch, notices: { ...current.notices, ...patch.notices } };
    // Values forced at start-up (SITE_URL) are not written back, so removing the override restores the stored one.
    const persisted: Record<string, unknown> = { ...next };
    for (const key of Object.keys(this.deps.overrides ?? {})) delete persisted[key];
    await this.deps.store.settings.put(SETTINGS_KEY, persisted, this.deps.clock.now());
    this.cached = null;
    this.deps.events.publish({ tags: [tags.settings] });
    return this.get();
  }
}
