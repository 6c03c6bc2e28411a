import { html, type SafeHtml } from '../html.js';

export interface TermSuggestion {
  termId: string;
  name: string;
  /** The taxonomy's name (Region, Theme). */
  taxonomy: string;
  percent: number;
  /** The words in the text that led to it. */
  evidence: string[];
}

export interface Suggestions {
  terms: TermSuggestion[];
  /** Countries the text is about (main ones first), with the words that named them. */
  places: { code: string; name: string; main: boolean; evidence: string[] }[];
  /** People named in the text, most mentioned first. */
  people: string[];
  /** The same story from other sources (wire duplicates). */
  alsoFrom: { articleId: string; title: string; source: string | null }[];
}

/**
 * The side panel's suggestions. Each "Add" is a submit button of the article form: the server
 * adds the term to the ticked ones and saves, so one click works without scripts and keeps the
 * form's CSRF token and version.
 */
export function renderSuggestions(suggestions: Suggestions, canEdit: boolean): SafeHtml {
  return html`<section class="suggestions" aria-labelledby="suggestions-heading">
<h2 id="suggestions-heading">Suggestions</h2>
${suggestions.terms.length ? html`<ul class="suggestion-list">
${suggestions.terms.map((s) => html`<li class="suggestion">
  <span class="suggestion-term">${s.taxonomy}: <strong>${s.name}</strong> <span class="score">(${s.percent}%)</span></span>
  ${s.evidence.length ? html`<span class="evidence">Evidence: ${s.evidence.map((word, i) => html`${i ? ', ' : ''}<mark>${word}</mark>`)}</span>` : ''}
  ${canEdit ? html`<button type="submit" name="addTerm" value="${s.termId}" aria-label="Add ${s.taxonomy} “${s.name}”">Add</button>` : ''}
</li>`)}
</ul>` : html`<p>No new regions or themes to suggest.</p>`}
${suggestions.places.length ? html`<h3>Places</h3>
<p class="places">${suggestions.places.map((p, i) => html`${i ? ', ' : ''}<span title="${p.evidence.join(', ')}">${p.name}</span>`)}</p>` : ''}
${suggestions.people.length ? html`<h3>People</h3>
<p class="people">${suggestions.people.join(', ')}</p>` : ''}
${suggestions.alsoFrom.length ? html`<h3>Also from</h3>
<ul class="also-from">
${suggestions.alsoFrom.map((d) => html`<li><a href="/admin/articles/${d.articleId}/edit">${d.title}</a>${d.source ? html` (${d.source})` : ''}</li>`)}
</ul>` : ''}
</section>`;
}
