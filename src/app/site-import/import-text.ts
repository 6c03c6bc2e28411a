import type { ArticleSearchText } from '../ports.js';

/** What an imported article's text needs before it is written: the export's raw HTML and fields. */
export interface ImportTextInput {
  articleId: string;
  title: string;
  bodyHtml: string;
  excerpt: string | null;
  language: string;
  comments: string[];
}

/**
 * An article's text made safe and derived once: sanitized body, cleaned title (or the
 * stand-in when the export had none), excerpt, sanitized comment bodies, fingerprint and search
 * entry. Or the reason it could not be prepared (the item is then recorded as failed).
 */
export type ImportText =
  | {
    ok: true; bodyHtml: string; title: string; untitled: boolean; excerpt: string;
    comments: string[]; contentHash: string; search: ArticleSearchText;
  }
  | { ok: false; reason: string };

/**
 * Prepares imported articles' text, off the writing thread where it can (sanitizing and text
 * extraction cost more than the database writes). One preparer per import run; `close` frees its
 * threads.
 */
export interface ImportTextPreparer {
  /** Results in the order of `inputs`. */
  prepare(inputs: readonly ImportTextInput[]): Promise<ImportText[]>;
  close(): Promise<void>;
}

export interface ImportTextPreparers {
  open(): ImportTextPreparer;
}
