/**
 * Furniture rules for article bodies extracted from HTML, on top of the text rules in
 * ../text/furniture-rules.ts (which boilerplate.ts applies too, after these). These cover what an
 * HTML page leaves in Readability's output and a flattened text rarely has: image captions and
 * credits outside <figure>, gallery counters, script and cookie notices, "don't miss" link
 * blocks, headings that open a closing section (about the author or the company, comments).
 * Data only; boilerplate.ts applies it.
 *
 * Each pattern is tested against ONE block's plain text (whitespace collapsed, decorative
 * bullets and dashes trimmed from both ends). No `g` or `y` flags: the patterns are reused.
 * `scope` says where a match counts:
 * - `line`: the block goes wherever it is (the pattern describes a whole standalone block);
 * - `tail`: only as part of the trailing run of furniture at the end of the body;
 * - `section`: a heading that introduces links; it goes with the link lists and short lines after it;
 * - `closing`: a heading that opens a closing section; it and everything after it go, when what
 *   follows is a small part of the body.
 */
import type { FurnitureKind } from '../text/furniture-rules.js';

/** Kinds of furniture: those of the text rules plus the HTML-only ones. */
export type HtmlFurnitureKind = FurnitureKind | 'caption' | 'navigation' | 'notice' | 'press-boilerplate' | 'header';

/** Where a match of a rule removes a block; see the file comment. */
export type RuleScope = 'line' | 'tail' | 'section' | 'closing';

/** One HTML furniture rule: `id` is reported as the reason in `removed`. */
export interface HtmlFurnitureRule {
  id: string;
  kind: HtmlFurnitureKind;
  scope: RuleScope;
  pattern: RegExp;
  /** When set, the rule also needs at least this share of the block's text inside links. */
  minLinkDensity?: number;
}

const RELATED_HEADING =
  "(?:related(?: articles?| stories| posts| content| reading| coverage| links| news| videos?| topics)?|read more|read also|also read|see also|more (?:from|on|in|about|by) [^.!?]{1,40}|more(?: [\\p{L}&'’-]+){0,3} (?:stories|news|articles|videos|headlines|coverage|reading)|(?:other|latest|top|popular|trending|recent|similar) (?:news|stories|articles|headlines|posts)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| reading| articles| stories)?|further reading|most (?:read|popular|viewed|shared)|trending(?: now)?|don['’]t miss|what to read next|read next|up next|editor['’]s picks|in (?:other|related) news|more to explore|around the web|from the web|sponsored stories|promoted stories|weitere artikel|neueste artikel|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|mehr zum thema|zum weiterlesen|schon gelesen\\?|das könnte (?:sie|dich) auch interessieren|(?:à )?lire aussi|à voir aussi|sur le même sujet|noticias relacionadas|artículos relacionados|(?:también )?te puede interesar|leer más|lee también|leia também|veja também|zobacz (?:też|także)|czytaj (?:też|także))";

/** The HTML furniture rules, tried in order before the text rules; the first match gives the reason. */
export const HTML_FURNITURE_RULES: readonly HtmlFurnitureRule[] = [
  // Captions and credits that Readability leaves as paragraphs. A "© Name" without a year credits an image, not the article.
  { id: 'caption.credit-line', kind: 'caption', scope: 'line', pattern: /^[([]?(?:(?:image|photo|picture|foto|bild|photograph|illustration|graphic|video)s?(?: credits?)?|credits?|photo courtesy(?: of)?|courtesy(?: of)?|fotos?|bildquelle|фото|фотография|источник фото|zdjęcie|fot\.)\s*[:©]\s*[^.!?]{1,100}[)\]]?$/i },
  { id: 'caption.credit-by', kind: 'caption', scope: 'line', pattern: /^[([]?(?:photo|photograph|image|picture|illustration|video)s? by [^.!?]{1,80}[)\]]?$/i },
  { id: 'caption.copyright-credit', kind: 'caption', scope: 'line', pattern: /^(?:©|\(c\))\s*[^\d©]{1,60}$/i },
  { id: 'caption.trailing-credit', kind: 'caption', scope: 'line', pattern: /^.{0,400}\((?:[^()]*\b(?:photo|image|foto|bild|getty(?: images)?|credit|picture|illustration|shutterstock|ap photo|file photo)\b[^()]*)\)\s*\.?$/i },
  { id: 'caption.gallery-counter', kind: 'caption', scope: 'line', pattern: /^(?:(?:image|photo|picture|slide|bild|foto)\s+)?\d{1,3}\s*(?:(?:of|von|de|sur|из|z)\s*\/?|\/)\s*\d{1,3}$/i },
  { id: 'caption.controls', kind: 'caption', scope: 'line', pattern: /^(?:caption|hide caption|toggle caption|show caption|close|enlarge(?: this image)?|expand|zoom(?: in)?|fullscreen|view (?:gallery|slideshow|image)|open gallery|(?:see|view) all \d+ (?:photos|images)|bild (?:anzeigen|vergrößern)|zum vergrößern klicken|ver imagen|voir l['’]image|galerie (?:öffnen|ansehen))$/i },

  // Navigation left inside the article container.
  { id: 'navigation.skip-link', kind: 'navigation', scope: 'line', pattern: /^(?:skip to (?:main )?content|skip navigation|jump to (?:content|navigation)|back to top|(?:return|go) to (?:top|home ?page|homepage))$/i },
  { id: 'navigation.account', kind: 'navigation', scope: 'line', pattern: /^(?:sign in|log ?in|log out|register|my account|subscribe|menu|search|home)$/i },
  { id: 'navigation.bare-url', kind: 'navigation', scope: 'tail', pattern: /^(?:https?:\/\/|www\.)\S+$/i },
  { id: 'navigation.shortcode', kind: 'navigation', scope: 'line', pattern: /^\[\/?[a-z_-]+(?:\s[^\]]*)?\]/i },
  { id: 'navigation.pager', kind: 'navigation', scope: 'line', pattern: /^(?:previous|next)(?: (?:article|post|story|page))?\s*:?$/i },

  // Notices about the page rather than the story.
  { id: 'notice.script', kind: 'notice', scope: 'line', pattern: /^(?:this (?:slideshow|video|content|feature|gallery|embed|media|page) requires javascript|(?:please )?(?:enable|turn on) javascript\b|javascript is (?:required|disabled)|your browser does not support\b|(?:we['’]re )?sorry,? (?:this|the) (?:video|feature|content|media) (?:is )?(?:currently )?(?:unavailable|not available))/i },
  { id: 'notice.cookies', kind: 'notice', scope: 'line', pattern: /\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses? cookies to (?:improve|give|ensure|provide)|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b/i },
  { id: 'notice.ad-slot', kind: 'advertisement', scope: 'line', pattern: /^(?:adverts?|advertisement\s*[-–—]\s*(?:scroll|continue)[^.]*|anzeige|werbung|publicidad|publicité|reklama|ad choices|adchoices|(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|continue reading(?: the)?(?: main story| below)?|scroll (?:down )?to continue(?: with content| reading)?)\s*:?$/i },
  { id: 'notice.get-app', kind: 'newsletter', scope: 'line', pattern: /^(?:get|download) (?:the|our) [^.!?]{1,40} (?:app|newsletter)\b|\bby clicking here\.?$|^click here (?:to|for) (?:subscribe|sign up|more|read|get|download)\b/i },
  { id: 'notice.citation', kind: 'permission', scope: 'tail', pattern: /^(?:citation|cite this (?:article|page))\s*:/i },
  { id: 'notice.subject-to-copyright', kind: 'copyright', scope: 'tail', pattern: /^this (?:document|article|material|content) is subject to copyright\b/i },
  { id: 'notice.contents-copyright', kind: 'copyright', scope: 'tail', pattern: /^the contents of this (?:site|website|page) are\b.*(?:©|copyright)/i },

  // Link blocks inside the body: a paragraph that is one link is a teaser for another story.
  { id: 'related.link-paragraph', kind: 'related', scope: 'line', minLinkDensity: 0.9, pattern: /^[^.!?]{12,200}[.!?]?$/ },
  { id: 'contact.bare-address', kind: 'contact', scope: 'tail', pattern: /^(?:\S+@\S+\.\w+|@\w{2,30}|(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|threads|bsky)\.(?:com|app)\/\S+)$/i },
  { id: 'related.teaser-line', kind: 'related', scope: 'line', pattern: /^(?:see more|read more|more|also|also read|also see|watch|watch more|listen|don['’]t miss|read next|up next|more on this|more from [^:]{1,30}|related coverage|related video|recommended|weiterlesen|lesen sie auch|siehe auch|auch interessant|mehr zum thema|zum weiterlesen|schon gelesen|(?:à )?lire aussi|voir aussi|à voir|leia também|veja também|lee también|lea también|vea también|ver también|mire|(?:le|te) puede interesar|puedes ver|leggi anche|zobacz (?:też|także)|czytaj (?:też|także)|przeczytaj)\s*[:|>»?]\s*\S/i },
  { id: 'related.heading', kind: 'related', scope: 'section', pattern: new RegExp(`^${RELATED_HEADING}\\s*(?::|\\.{2,3}|…)?$`, 'iu') },

  // Calls to follow, share, subscribe or rate, and notes about the post, as they end a page.
  { id: 'share.follow', kind: 'share', scope: 'tail', pattern: /^(?:follow|you can (?:keep up with|follow|find) (?:me|us)|folg(?:e|en sie) (?:uns|mir)|suivez-nous|síguenos)\b.*\b(?:twitter|facebook|instagram|linkedin|telegram|youtube|tiktok|mastodon|bluesky|threads|whatsapp)\b/i },
  { id: 'share.rate-or-share', kind: 'share', scope: 'tail', pattern: /^(?:was this (?:article|post|page) (?:helpful|useful)|did you (?:find|like|enjoy) this (?:article|post)|if you (?:enjoyed|liked|appreciated) (?:reading )?this|(?:war|fanden sie) (?:der|den|dieser|diesen) (?:artikel|beitrag) (?:nützlich|hilfreich)|(?:möchten sie|willst du) (?:den|diesen) (?:artikel|beitrag) teilen|(?:artikel|beitrag) gefallen\?|(?:den|diesen) (?:artikel|beitrag) (?:mit anderen )?teilen|hier können sie (?:den|diesen) artikel bewerten|bewerten\s*:)/i },
  { id: 'newsletter.call', kind: 'newsletter', scope: 'tail', pattern: /^(?:sign up (?:to|for|now)|subscribe (?:now|today|to (?:our|the))|abonniere|abonnieren sie|melde dich (?:jetzt )?(?:für|zum)|verpasse keine|verpassen sie keine|(?:jetzt )?newsletter abonnieren|suscríbete|inscríbete|abonnez-vous|inscrivez-vous|(?:for the latest|to get the latest)\b.*\bdownload\b)/i },
  { id: 'related.posted-in', kind: 'related', scope: 'tail', pattern: /^(?:this entry was posted|this (?:entry|post) was (?:filed|tagged)|posted in\b|filed (?:in|under)\b|dieser (?:eintrag|beitrag) wurde (?:am |von |in |unter )?(?:veröffentlicht|abgelegt|geschrieben)|veröffentlicht (?:in|unter)\b|publié dans\b|publicado en\b)/i },
  { id: 'related.labelled-terms', kind: 'related', scope: 'line', pattern: /^(?:tags?|tagged(?: with)?|categor(?:y|ies)|kategorien?|rubriken?|schlagw(?:ö|o)rte?r?|stichw(?:ö|o)rte?r?|themen|catégories?|étiquettes|mots-clés|categorías?|etiquetas|tagi|kategorie)\s*:[^.!?]{0,150}$/i },
  { id: 'original-source.label-multilingual', kind: 'original-source', scope: 'tail', pattern: /^(?:quelle|quellen|fuente|fonte|źródło|bron|kilde|källa|lähde)\s*:\s*\S[^.!?]{0,100}$/i },
  { id: 'copyright.reserved-multilingual', kind: 'copyright', scope: 'tail', pattern: /\b(?:alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone|materiał chroniony prawem autorskim|urheberrechtlich geschützt)\b/i },
  { id: 'advertisement.disclosure', kind: 'advertisement', scope: 'line', pattern: /^\*?(?:(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité)\s*[-–—:|.]\s|(?:dieser (?:beitrag|artikel) enthält (?:werbung|affiliate)|this (?:post|article|page|content) (?:contains|may contain|includes) (?:affiliate|sponsored|paid|references to products)|enthält affiliate-links|affiliate-links?\s*:))[^\n]{0,200}$/i },
  { id: 'notice.server-error', kind: 'notice', scope: 'line', pattern: /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:\s.*\b(?:on line \d+|in \/\S+)/i },
  { id: 'notice.spam-filter', kind: 'notice', scope: 'line', pattern: /\b(?:uses|verwendet|utilise|utiliza) akismet\b/i },

  // Headings that open a closing section of the page.
  { id: 'closing.about-author', kind: 'author-archive', scope: 'closing', pattern: /^(?:about the (?:author|writer|reporter|contributor)s?|author(?:'s)? bio(?:graphy)?|über (?:den|die) autor(?:in)?|sobre el autor|à propos de l['’]auteur)\s*:?$/i },
  { id: 'closing.about-organisation', kind: 'press-boilerplate', scope: 'closing', pattern: /^(?:[Aa]bout|ABOUT|[Üü]ber|[Àà] propos de|[Aa]cerca de|[Ss]obre) \p{Lu}[\p{L}\p{N}&.,'’\s-]{1,60}\s*:?$/u },
  { id: 'closing.media-contact', kind: 'contact', scope: 'closing', pattern: /^(?:(?:for )?(?:further|more) information(?:,? please contact)?|media (?:contacts?|relations|enquiries|inquiries)|press contacts?|investor (?:contacts?|relations)|contacts?|pressekontakt|kontakt|weitere informationen|zusatzinformationen|plus d['’]informations|más información)\s*:?$/i },
  { id: 'closing.comments', kind: 'comment-call', scope: 'closing', pattern: /^(?:comments?|\d+ comments?|(?:leave|post|add|write) a (?:comment|reply)|reader comments|discussion|kommentare?|kommentar verfassen|schreibe einen kommentar|einen kommentar hinterlassen|commentaires?|laisser un commentaire|comentarios?|deja un comentario|tell us what you think\.{0,3})\s*:?$/i },
  { id: 'closing.tags', kind: 'related', scope: 'closing', pattern: /^(?:tags?|tagged(?: with)?|topics?|filed under|schlagworte|themen)\s*:?$/i },
  { id: 'closing.share', kind: 'share', scope: 'closing', pattern: /^(?:share (?:this|the) (?:article|story|post|page)|share this|teilen|partager)\s*:?$/i },
];
