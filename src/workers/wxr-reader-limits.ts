import type { SiteImportEvent } from '../app/site-import/site-import-events.js';

/** Events handed from the reader thread per message: enough that messaging costs little per event. */
export const EVENTS_PER_MESSAGE = 200;
/**
 * Text per message, in characters: a message closes early at this much, so a run of very long
 * posts (a field may hold up to 16 M characters) does not make one message hold them all.
 */
export const TEXT_PER_MESSAGE = 4 * 1024 * 1024;

/** The bulk of an event's text: an article's body and comments. */
export function textLengthOf(event: SiteImportEvent): number {
  if (event.type !== 'article') return 0;
  return event.article.bodyHtml.length + event.article.comments.reduce((n, c) => n + c.bodyHtml.length, 0);
}
