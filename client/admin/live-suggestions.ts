// The side panel's suggestions for an article not saved yet: the title and body as typed are
// posted (debounced) to the Admin API, and the answer is shown like the saved article's panel.
// "Add" ticks the term's box in the form; nothing is saved until the editor saves.

interface TermSuggestion { termId: string; name: string; taxonomy: string; percent: number; evidence: string[] }
interface Suggestions {
  terms: TermSuggestion[];
  places: { code: string; name: string; main: boolean; evidence: string[] }[];
  people: string[];
  alsoFrom: { articleId: string; title: string; source: string | null }[];
}

const DEBOUNCE_MS = 1200;
/** Fewer words than this say too little to suggest anything. */
const MIN_WORDS = 12;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function termBox(form: HTMLFormElement, termId: string): HTMLInputElement | null {
  return [...form.querySelectorAll<HTMLInputElement>('input[name="termIds"]')].find((box) => box.value === termId) ?? null;
}

function render(panel: HTMLElement, form: HTMLFormElement, s: Suggestions, refresh: () => void): void {
  const section = element('section', undefined, 'suggestions');
  section.setAttribute('aria-labelledby', 'suggestions-heading');
  const heading = element('h2', 'Suggestions');
  heading.id = 'suggestions-heading';
  section.append(heading);
  if (s.terms.length) {
    const list = element('ul', undefined, 'suggestion-list');
    for (const t of s.terms) {
      const item = element('li', undefined, 'suggestion');
      const term = element('span', `${t.taxonomy}: `, 'suggestion-term');
      term.append(element('strong', t.name), ' ', element('span', `(${t.percent}%)`, 'score'));
      item.append(term);
      if (t.evidence.length) {
        const evidence = element('span', 'Evidence: ', 'evidence');
        t.evidence.forEach((word, i) => evidence.append(i ? ', ' : '', element('mark', word)));
        item.append(' ', evidence);
      }
      const add = element('button', 'Add');
      add.type = 'button';
      add.setAttribute('aria-label', `Add ${t.taxonomy} “${t.name}”`);
      add.addEventListener('click', () => {
        const box = termBox(form, t.termId);
        if (box) box.checked = true;
        refresh();
      });
      item.append(' ', add);
      list.append(item);
    }
    section.append(list);
  } else section.append(element('p', 'No new regions or themes to suggest.'));
  if (s.places.length) section.append(element('h3', 'Places'), element('p', s.places.map((p) => p.name).join(', '), 'places'));
  if (s.people.length) section.append(element('h3', 'People'), element('p', s.people.join(', '), 'people'));
  if (s.alsoFrom.length) {
    const list = element('ul', undefined, 'also-from');
    for (const d of s.alsoFrom) {
      const item = element('li');
      const link = element('a', d.title);
      link.href = `/admin/articles/${encodeURIComponent(d.articleId)}/edit`;
      item.append(link, d.source ? ` (${d.source})` : '');
      list.append(item);
    }
    section.append(element('h3', 'Also from'), list);
  }
  panel.replaceChildren(section);
}

/** Keeps `panel` showing suggestions for the form's unsaved text. */
export function liveSuggestions(form: HTMLFormElement, panel: HTMLElement, csrf: string): void {
  let timer: number | undefined;
  let asked = '';
  let latest = 0;
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
  const ask = async (force = false) => {
    const payload = {
      title: field('title'), standfirst: field('standfirst'), body: field('body'),
      termIds: [...form.querySelectorAll<HTMLInputElement>('input[name="termIds"]:checked')].map((box) => box.value),
    };
    const key = JSON.stringify(payload);
    if ((!force && key === asked) || `${payload.title} ${payload.body.replace(/<[^>]*>/g, ' ')}`.split(/\s+/).filter(Boolean).length < MIN_WORDS) return;
    asked = key;
    const request = ++latest;
    const response = await fetch('/admin/api/suggestions', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: key, credentials: 'same-origin',
    }).catch(() => null);
    // A slow answer to an older text must not replace the answer to the newer one.
    if (!response?.ok || request !== latest) return;
    const data = await response.json() as { suggestions: Suggestions | null };
    if (data.suggestions) render(panel, form, data.suggestions, () => void ask(true));
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void ask(), DEBOUNCE_MS);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  schedule();
}
