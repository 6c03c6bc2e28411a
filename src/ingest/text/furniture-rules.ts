/**
 * Rules for recognising page furniture in articles flattened to text: the source notes, copyright
 * notices, calls to comment, join or donate, share bars, related-article lists and legal notices
 * that sites wrap around a story. This file is data only; parse-flattened-article.ts applies it.
 *
 * Each pattern is tested against ONE line's plain text: Markdown links unwrapped to their text,
 * emphasis and heading/list/quote markers removed, whitespace collapsed, decorative dashes and
 * bullets trimmed from both ends. Patterns must not use the `g` or `y` flag (they are reused).
 *
 * A weak rule (the default) only removes a line that belongs to the trailing block of the page:
 * once every line from the first matching line to the end is furniture. A strong rule describes a
 * whole standalone line (a share bar, "Advertisement") and also removes it from the middle of the
 * body, but only when that line is a paragraph on its own.
 */

/** The kinds of page furniture the parser recognises. */
export type FurnitureKind =
  | 'original-source'
  | 'copyright'
  | 'comment-call'
  | 'membership-call'
  | 'author-archive'
  | 'disclaimer'
  | 'permission'
  | 'fair-use'
  | 'contact'
  | 'share'
  | 'related'
  | 'newsletter'
  | 'advertisement';

/** One furniture rule: `id` is reported as the reason in `removed`; see the file comment for `strong`. */
export interface FurnitureRule {
  id: string;
  kind: FurnitureKind;
  pattern: RegExp;
  strong?: boolean;
}

/** The furniture rules, tried in order; the first match gives the line its reason. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  // Where the republished story came from. The parser also reads the publisher and URL from these.
  { id: 'original-source.statement', kind: 'original-source', pattern: /^(?:the )?original source of this (?:article|story|post|piece|report|item) is\b/i },
  { id: 'original-source.first-published', kind: 'original-source', pattern: /^(?:this (?:article|story|piece|post|report) )?(?:was )?(?:originally|first) (?:published|appeared|posted|ran)\b(?: (?:by|in|on|at))?/i },
  { id: 'original-source.republished-from', kind: 'original-source', pattern: /^(?:republished|reprinted|reproduced|reposted) (?:from|courtesy of)\b/i },
  { id: 'original-source.label', kind: 'original-source', pattern: /^(?:source|original source|originally published)\s*:/i },

  // Copyright notices. Anchored so that a paragraph merely mentioning copyright is not furniture.
  { id: 'copyright.notice', kind: 'copyright', pattern: /^(?:copyright\s*(?:©|\(c\)|&copy;|\d{4}\b)|©|\(c\)\s*\d{4}\b)/i },
  { id: 'copyright.all-rights-reserved', kind: 'copyright', pattern: /\ball rights reserved\.?$/i },

  // Calls to comment.
  { id: 'comment-call.on-social-page', kind: 'comment-call', pattern: /^comment on\b.*\b(?:facebook|twitter|x|instagram|telegram|vk|page|articles?|stories)\b/i },
  { id: 'comment-call.leave-comment', kind: 'comment-call', pattern: /^(?:(?:leave|post|add|write) a (?:comment|reply)|join the (?:discussion|conversation)|(?:view|show|load|read) (?:all |more )?comments)\b/i },
  { id: 'comment-call.count', kind: 'comment-call', pattern: /^(?:\d+|no) (?:comments?|responses?|replies)$/i },

  // Calls to join, subscribe as a member, support or donate.
  { id: 'membership-call.become-member', kind: 'membership-call', pattern: /^become an? (?:member|patron|subscriber|supporter|sustainer|donor)\b/i },
  { id: 'membership-call.support-us', kind: 'membership-call', pattern: /^(?:please )?(?:support (?:us|our (?:work|journalism|reporting|site|website|writers?))|support independent (?:media|journalism|news|research)|donate\b|make a (?:donation|contribution)\b|(?:click here to|you can) (?:support|donate)\b)/i },
  { id: 'membership-call.support-site', kind: 'membership-call', pattern: /^(?:please )?support [^.!?]{1,40}!?$/i },

  // Links to the author's other work and author boxes.
  { id: 'author-archive.articles-by', kind: 'author-archive', pattern: /^(?:more )?(?:articles|posts|stories|columns|writings) (?:by|from)(?:\s*:|\s|$)/i },
  { id: 'author-archive.more-from-author', kind: 'author-archive', pattern: /^more (?:from|by) (?:this|the) (?:author|writer)\b/i },
  { id: 'author-archive.about-author', kind: 'author-archive', pattern: /^about the (?:author|writer)s?\b/i },

  // Disclaimers and legal notices.
  { id: 'disclaimer.label', kind: 'disclaimer', pattern: /^disclaimer\b/i },
  { id: 'disclaimer.views-expressed', kind: 'disclaimer', pattern: /^the (?:views|opinions) expressed\b/i },

  // Republishing permissions and licences.
  { id: 'permission.cross-post', kind: 'permission', pattern: /\bgrants? permission to (?:cross-?post|re-?post|republish|reprint|reproduce)\b/i },
  { id: 'permission.may-republish', kind: 'permission', pattern: /^(?:this (?:article|story|work|post) )?(?:may|can) be (?:freely )?(?:republished|reproduced|reposted|reprinted)\b/i },
  { id: 'permission.with-permission', kind: 'permission', pattern: /^(?:reprinted|republished|reproduced|reposted) (?:here )?with (?:kind )?permission\b/i },
  { id: 'permission.creative-commons', kind: 'permission', pattern: /^(?:this (?:work|article|story) is )?licen[sc]ed under (?:a |the )?creative commons\b/i },

  // Fair-use notices. Both need legal wording, not just the phrase "fair use".
  { id: 'fair-use.copyrighted-material', kind: 'fair-use', pattern: /\bcontains copyrighted material\b/i },
  { id: 'fair-use.notice', kind: 'fair-use', pattern: /["“]fair use["”].*\b(?:copyright|section 107|educational|research)\b|\bsection 107 of the (?:us |u\.s\. )?copyright (?:act|law)\b/i },

  // Contact lines.
  { id: 'contact.media-inquiries', kind: 'contact', pattern: /^(?:for )?(?:media|press) (?:inquiries|enquiries|contacts?|requests)\b/i },
  { id: 'contact.email', kind: 'contact', pattern: /^(?:contact(?: us)?|e-?mail(?: us)?|write to us|tips?)\s*(?:at|:)\s*\S+@\S+\.\w+/i },
  { id: 'contact.for-publication', kind: 'contact', pattern: /^for (?:publication|reprints?|syndication|republication)\b.*\bcontact\b/i },

  // Share bars and social follow prompts.
  { id: 'share.label', kind: 'share', strong: true, pattern: /^(?:share|share this|share this (?:article|story|post|page)|share (?:on|via) [\w .+-]{1,20}|tweet(?: this)?|like this|print(?: this)?(?: article| page| story)?|email this(?: article| story)?)\s*:?$/i },
  { id: 'share.click-to', kind: 'share', strong: true, pattern: /^click to (?:share|email|print|tweet|post)\b/i },
  { id: 'share.bar', kind: 'share', strong: true, pattern: /^(?:(?:facebook|twitter|x|linkedin|reddit|whatsapp|telegram|email|e-mail|print|pinterest|tumblr|pocket|mastodon|bluesky|threads|copy link|share|tweet)\s*[|·•,/]?\s*){2,}$/i },
  { id: 'share.follow-us', kind: 'share', strong: true, pattern: /^follow us (?:on|at)\b[^.]{0,80}$/i },
  { id: 'share.loading', kind: 'share', pattern: /^loading(?:\.{1,3}|…)?$/i },

  // Related-content lists and tag lines.
  { id: 'related.heading', kind: 'related', strong: true, pattern: /^(?:related(?: articles?| stories| posts| content| reading| coverage| links)?|read more|read also|see also|more on this (?:topic|story|subject)|you (?:may|might) also like|recommended(?: for you| reading| articles)?|further reading|most (?:read|popular)|trending(?: now)?)\s*:?$/i },
  { id: 'related.inline-link', kind: 'related', strong: true, pattern: /^(?:related|read more|read also|see also)\s*:\s*\S/i },
  { id: 'related.tags', kind: 'related', pattern: /^(?:tags?|tagged(?: with)?|filed under|topics?|categor(?:y|ies)|keywords?)\s*:/i },

  // Newsletter sign-ups.
  { id: 'newsletter.subscribe', kind: 'newsletter', pattern: /^(?:subscribe|sign up|sign-up|join)\b.*\b(?:newsletter|mailing list|email updates|updates|digest|alerts?)\b/i },
  { id: 'newsletter.get-ours', kind: 'newsletter', pattern: /^(?:get|receive) (?:our|the) .*\b(?:newsletter|updates)\b/i },

  // Advertising slots.
  { id: 'advertisement.label', kind: 'advertisement', strong: true, pattern: /^(?:advertisement|advertising|ad|sponsored(?: content| post)?|paid (?:content|post)|(?:story|article) continues (?:below|after (?:this )?(?:advertisement|ad))|continue reading (?:below|(?:the )?main story))\s*:?$/i },
];
