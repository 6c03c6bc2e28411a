/** A subject or place of an item: 1.x gives scheme + code; 2.x/3.x give a URI (split here into scheme and code) and a literal code. */
export interface NinjsConcept { name: string | null; code: string | null; scheme: string | null }

/** One item of a ninjs document, in the words of the importer; every field may be missing in the source. */
export interface NinjsArticle {
  uri: string | null;
  /** Which generation of ninjs the item is written in (declared in `standard`/`$standard`, else recognised by its property names). */
  version: '1.x' | '2.x' | '3.x';
  /** text, picture, video, audio, graphic, composite, component, event, planning — as the item says. */
  type: string | null;
  title: string | null;
  standfirst: string | null;
  authors: string[];
  /** ISO 8601: a UTC date-time, or a date when the item gives only a date. */
  published: string | null;
  updated: string | null;
  language: string | null;
  /** Sanitized HTML (article allow-list, http(s)/mailto links only); plain-text bodies become escaped paragraphs. */
  bodyHtml: string | null;
  subjects: NinjsConcept[];
  places: NinjsConcept[];
  copyrightHolder: string | null;
  copyrightNotice: string | null;
  usageTerms: string | null;
  /** The originating agency: an info source, else the copyright holder, else the agency named in the byline. */
  provider: string | null;
  /** The canonical web address of the original: a `canonical` link, else the item URI when it is http(s), else a `self` link. */
  originalUrl: string | null;
  /** A web-sized image: the item's own image rendition, else the first associated picture (then graphic). */
  imageUrl: string | null;
}

/** Something the importer should tell the user about; `item` is the index in `items`, or null for the document or a skipped entry. */
export interface NinjsProblem { item: number | null; message: string }

/** The items of a document and the problems met while reading them. */
export interface ParsedNinjs { items: NinjsArticle[]; problems: NinjsProblem[] }
