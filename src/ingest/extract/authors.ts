/**
 * Author names from bylines as pages write them: "By Jane Roe and John Doe, Staff Writers | May
 * 2, 2024" becomes ["Jane Roe", "John Doe"]. Dates, roles, e-mail addresses, handles and URLs are
 * dropped; what is left must look like a name.
 */

// Case matters: "di" opens an Italian byline, "Di" may be a surname.
const BY_PREFIX_RE = /^(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Tt]ext|[Rr]eporting|[Rr]eport|[Pp]osted|[Pp]ublished|[Pp]hotos?|[Aa]rtikel|[Bb]eitrag|[Ee]rstellt|[Gg]eschrieben|[Vv]erfasst|[Pp]ublié|[ÉéEe]crit|[Ee]scrito|[Pp]ublicado)\s+)?(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|di|av|af|[Aa]utor(?:in)?|[Aa]uthors?|[Aa]uteur|[Rr]edakcja|[Tt]ekst)(?:\s*:\s*|\s+)/;
const ROLE_RE = /^(?:(?:staff|special|senior|chief|foreign|contributing|guest|our|the|associate|managing|executive|political|business|science|deputy|news|sports?|technology|tech|health|senior staff)\s+)*(?:writer|reporter|correspondent|editor|contributor|columnist|analyst|staff|journalist|photographer|producer|author|team|desk|redaktion|redakteur(?:in)?|autor(?:in)?)s?$/i;
const DATE_TAIL_RE = /(?:^|\s*[|•·–—,-]\s*|\s+)(?:(?:published|posted|updated|last updated|modified|on)\b.*|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.*|\d{4}-\d{2}-\d{2}.*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,\s*.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}.*|\d{1,2}:\d{2}.*|\d+\s+(?:minutes?|hours?|days?)\s+ago.*)$/i;
const NAME_PARTICLES = new Set(['of', 'the', 'and', 'de', 'la', 'le', 'du', 'des', 'del', 'della', 'da', 'di', 'der', 'den', 'van', 'von', 'y', 'e', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'dos', 'das', 'zu', 'st.']);
const MAX_AUTHORS = 10;

/** Words that bylines put next to names but that are never names themselves. */
const NOT_NAMES_RE = /^(?:by|von|text|photos?|fotos?|par|por|from|posted|published|updated|admin|administrator|anonymous|unknown|guest|staff|editor|redaktion|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember|today|heute|gestern|yesterday)$/i;

/** Words of links and buttons around bylines ("Show all articles of …", "Follow"). */
const UI_WORDS_RE = /\b(?:articles?|posts?|show|view|more|all|stories|profile|follow|e-?mail|share|shares|comments?|subscribe|read)\b/i;

function looksLikeName(text: string): boolean {
  if (text.length < 2 || text.length > 60 || NOT_NAMES_RE.test(text) || UI_WORDS_RE.test(text)) return false;
  if (!/^[\p{Lu}\p{Lo}]/u.test(text) && !/^\p{L}+$/u.test(text)) return false;
  if (/[@/\\<>{}=:;!?]|https?|www\./i.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 6) return false;
  if (words.filter((word) => /\d/.test(word)).length > 0) return false;
  return words.every((word) => !/^\p{Ll}/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}

function stripEdges(text: string): string {
  return text.replace(/^[\s,;:|•·\-–—()[\]"'“”]+|[\s,;:|•·\-–—()[\]"'“”]+$/g, '');
}

/** Removes "By", the role, the date and whatever follows the first separator from one byline. */
function bylineCore(text: string): string {
  let rest = text.replace(/\s+/g, ' ').trim();
  rest = rest.replace(/\S+@\S+\.\w+/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/(?:^|\s)@\w+/g, ' ');
  rest = rest.replace(BY_PREFIX_RE, '');
  rest = rest.replace(DATE_TAIL_RE, '');
  rest = rest.split(/\s+[|•·]\s+|\s+[–—-]\s+|\n/)[0] ?? '';
  return stripEdges(rest);
}

/** Names from one byline string; roles and non-names are dropped. */
export function splitByline(byline: string): string[] {
  const core = bylineCore(byline);
  if (core === '') return [];
  return core
    .split(/\s*[,;&+]\s*|\s+(?:and|And|AND|und|et|y|e|i)\s+/)
    // "Jane Roe for Example News": the affiliation is not part of the name.
    .map((part) => stripEdges(part.replace(BY_PREFIX_RE, '').replace(/\s+(?:for|für|pour|para|special to)\s+.*$/i, '')))
    .filter((part) => part !== '' && !ROLE_RE.test(part) && looksLikeName(part));
}

/** Merges several bylines into one list of distinct names, in order. */
export function cleanAuthors(bylines: readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const byline of bylines) {
    for (const name of splitByline(byline)) {
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
      if (names.length >= MAX_AUTHORS) return names;
    }
  }
  return names;
}

/** True when a short line of text is a byline ("By Jane Roe", "Von Max Muster"). */
export function isBylineText(text: string): boolean {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length > 160 || !BY_PREFIX_RE.test(plain)) return false;
  return splitByline(plain).length > 0;
}
