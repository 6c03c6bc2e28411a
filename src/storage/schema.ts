

/**
 * The database schema as Kysely sees it. Column names are snake_case here and only here.
 * Instants are ISO-8601 UTC text (sortable, identical on SQLite and PostgreSQL, so export and
 * restore round-trip byte for byte); JSON values are text. See docs/decisions/0002-storage.md.
 */
export interface TaxonomyTable { id: string; slug: string; name: string; plural_name: string; description: string | null; position: number }
export interface TermTable { id: string; taxonomy_id: string; parent_id: string | null; slug: string; name: string; description: string | null; position: number }
export interface AuthorTable {
  id: string; slug: string; name: string; bio: string | null; url: string | null; avatar_url: string | null;
  /** JSON array of { label, url }. */
  links: string; created_at: string; updated_at: string;
}
export interface SourceTable {
  id: string; slug: string; name: string; url: string | null;
  default_copyright_line: string | null; default_licence: string | null; default_search_policy: string;
  created_at: string; updated_at: string;
}
export interface ArticleTable {
  id: string; slug: string; title: string; standfirst: string | null;
  body_source: string; body_format: string; body_html: string; excerpt: string | null; language: string;
  status: string; published_at: string | null; created_at: string; updated_at: string;
  feature_image: string | null;
  syndicated: number;
  source_id: string | null; original_publisher: string | null; original_url: string | null; original_author: string | null;
  original_published_at: string | null; copyright_holder: string | null; copyright_line: string | null; licence: string | null;
  search_policy: string | null;
  origin: string; inbox_state: string | null; content_hash: string | null;
  /** Editorial bookkeeping (0007); never written by the article mapping, only by the editorial repository. */
  version?: number; created_by?: string | null; unpublished_policy?: string | null; redirect_to?: string | null;
}
export interface ArticleAuthorTable { article_id: string; author_id: string; position: number }
export interface ArticleTermTable { article_id: string; term_id: string; position: number }
export interface SettingTable { key: string; value: string; updated_at: string }

export interface FeedTable {
  id: string; url: string; title: string | null; source_id: string | null; auto_publish: number; active: number;
  poll_interval_seconds: number; etag: string | null; last_modified: string | null;
  last_polled_at: string | null; next_poll_at: string; error_count: number; last_error: string | null;
  lease_until: string | null; created_at: string; updated_at: string;
}
export interface FeedItemTable {
  feed_id: string; item_key: string; guid: string | null; url: string | null; content_hash: string | null;
  article_id: string | null; state: string; problem: string | null; first_seen_at: string; last_seen_at: string;
}

export interface ApiKeyTable { id: string; type: string; name: string; secret: string; created_at: string; last_used_at: string | null; revoked_at: string | null }

export interface UserTable {
  id: string; email: string; name: string; role: string; author_id: string | null; password_hash: string;
  created_at: string; updated_at: string; disabled_at: string | null;
}
export interface SessionTable {
  token_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string;
  user_agent: string | null; ip: string | null;
}
export interface SignInFailureTable { subject: string; failures: number; last_failure_at: string; locked_until: string | null }
export interface PasswordResetTable { token_hash: string; user_id: string; created_at: string; expires_at: string; used_at: string | null }
export interface AuditLogTable {
  id: string; at: string; user_id: string | null; actor: string; action: string; subject_type: string | null; subject_id: string | null; details: string | null;
}
export interface MediaTable {
  id: string; original_filename: string; mime: string; width: number; height: number; bytes: number; sha256: string;
  alt_text: string; caption: string | null; credit: string | null; uploaded_by: string | null; created_at: string;
}
export interface MediaVariantTable { media_id: string; width: number; height: number; format: string; path: string; bytes: number }

export interface CommentTable {
  id: string; article_id: string; parent_id: string | null; kind: string; author_name: string; author_email: string | null; author_url: string | null;
  body_html: string; status: string; created_at: string; origin_key: string | null;
}
export interface RedirectTable { from_path: string; to_path: string | null; kind: string; created_at: string; status: number | null }
export interface EditorPresenceTable { article_id: string; user_id: string; name: string; seen_at: string; expires_at: string }
export interface ImportRunTable {
  id: string; format: string; source_key: string; file_hash: string; file_name: string; state: string; started_at: string; finished_at: string | null; summary: string | null;
}
export interface ImportItemTable { source_key: string; origin_key: string; run_id: string; state: string; target_id: string | null; reason: string | null; at: string }

export interface ArticleRevisionTable {
  id: string; article_id: string; version: number; saved_at: string; saved_by: string | null; saved_by_name: string; note: string | null; snapshot: string;
}

export interface MemberTable {
  id: string; email: string; email_key: string; name: string | null; note: string | null; status: string; subscribed: number;
  labels: string; created_at: string; updated_at: string; origin_key: string | null;
}
export interface ImportMediaTable { source_key: string; url: string; state: string; media_id: string | null; reason: string | null; at: string }

export interface ThemeModelTable { taxonomy_id: string; model: string; trained_at: string; examples: number }
export interface ArticleFingerprintTable { article_id: string; body_hash: string; signature: string; shingles: number; cluster_id: string; created_at: string }
export interface ArticleFingerprintKeyTable { lookup_key: string; article_id: string }

export interface Database {
  taxonomies: TaxonomyTable;
  terms: TermTable;
  authors: AuthorTable;
  sources: SourceTable;
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  article_terms: ArticleTermTable;
  settings: SettingTable;
  feeds: FeedTable;
  feed_items: FeedItemTable;
  api_keys: ApiKeyTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  password_resets: PasswordResetTable;
  audit_log: AuditLogTable;
  comments: CommentTable;
  redirects: RedirectTable;
  editor_presence: EditorPresenceTable;
  import_runs: ImportRunTable;
  import_items: ImportItemTable;
  media: MediaTable;
  media_variants: MediaVariantTable;
  article_revisions: ArticleRevisionTable;
  people: PersonTable;
  quotes: QuoteTable;
  theme_models: ThemeModelTable;
  article_fingerprints: ArticleFingerprintTable;
  article_fingerprint_keys: ArticleFingerprintKeyTable;
  members: MemberTable;
  import_media: ImportMediaTable;
  analysis_queue: AnalysisQueueTable;
  article_analyses: ArticleAnalysisTable;
}

export interface PersonTable { id: string; name: string; slug: string; created_at: string }
export interface QuoteTable {
  id: string; article_id: string; person_id: string | null; speaker_name: string; anonymous: number; text: string; kind: string; position: number;
}

export interface AnalysisQueueTable {
  article_id: string; generation: number; enqueued_at: string; available_at: string | null; attempts: number;
  claim_token: string | null; lease_until: string | null; last_error: string | null;
}
export interface ArticleAnalysisTable { article_id: string; analysis: string; analysed_at: string }
