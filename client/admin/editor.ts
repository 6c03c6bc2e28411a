// The article editor in the browser: TipTap over the body text area (which stays the form field,
// so saving works with or without this script), autosave, conflicts, presence, source defaults.
import { Editor } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { embedFor } from '../../src/domain/embeds.js';
import { ask } from './dialog.js';
import { mountMediaFields } from './media-fields.js';
import { mediaLibraryAllowed, pickImage } from './media-picker.js';
import { liveSuggestions } from './live-suggestions.js';
import { cleanPastedHtml } from './paste.js';
import { Embed, Figure } from './tiptap-nodes.js';

const form = document.querySelector<HTMLFormElement>('#article-form');
const textarea = document.querySelector<HTMLTextAreaElement>('#f-body');
const saveStatus = document.querySelector<HTMLElement>('#save-status');
const presence = document.querySelector<HTMLElement>('#presence');
const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

function say(text: string): void {
  if (saveStatus) saveStatus.textContent = text;
}

/** The form as the Admin API's JSON: repeated fields (authors, terms) become arrays. */
function formJson(f: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = { authorIds: [], termIds: [] };
  for (const [key, value] of new FormData(f)) {
    if (typeof value !== 'string' || key === '_csrf' || key === 'action' || key === 'publishAt' || key === 'unpublishPolicy' || key === 'redirectTo') continue;
    if (key === 'authorIds' || key === 'termIds') (out[key] as string[]).push(value);
    else out[key] = value;
  }
  out.version = Number(out.version);
  return out;
}

function mountEditor(f: HTMLFormElement, area: HTMLTextAreaElement): Editor {
  const toolbar = document.createElement('div');
  toolbar.className = 'tiptap-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  toolbar.setAttribute('aria-controls', 'body-editor');
  const surface = document.createElement('div');
  surface.className = 'tiptap-surface';
  area.hidden = true;
  document.querySelector('#f-body-hint')?.remove();
  area.after(toolbar, surface);

  const editor = new Editor({
    element: surface,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false }),
      Link.configure({ openOnClick: false, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener nofollow' } }),
      Image.configure({ inline: false }),
      Figure,
      Embed,
    ],
    content: area.value,
    editorProps: {
      attributes: { id: 'body-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'body-label' },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => {
      area.value = e.getHTML();
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });

  type Tool = { label: string; run: () => unknown; active?: () => boolean };
  const tools: Tool[] = [
    { label: 'Heading', run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), active: () => editor.isActive('heading', { level: 2 }) },
    { label: 'Subheading', run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), active: () => editor.isActive('heading', { level: 3 }) },
    { label: 'Bold', run: () => editor.chain().focus().toggleBold().run(), active: () => editor.isActive('bold') },
    { label: 'Italic', run: () => editor.chain().focus().toggleItalic().run(), active: () => editor.isActive('italic') },
    { label: 'Bulleted list', run: () => editor.chain().focus().toggleBulletList().run(), active: () => editor.isActive('bulletList') },
    { label: 'Numbered list', run: () => editor.chain().focus().toggleOrderedList().run(), active: () => editor.isActive('orderedList') },
    { label: 'Quote', run: () => editor.chain().focus().toggleBlockquote().run(), active: () => editor.isActive('blockquote') },
    {
      label: 'Link', active: () => editor.isActive('link'),
      run: async () => {
        const values = await ask('Link', [{ name: 'href', label: 'Web address (empty removes the link)', type: 'url', value: (editor.getAttributes('link').href as string | undefined) ?? '' }]);
        if (!values) return;
        if (!values.href) editor.chain().focus().unsetLink().run();
        else editor.chain().focus().extendMarkRange('link').setLink({ href: values.href }).run();
      },
    },
    {
      // From the media library (or an upload); an address from elsewhere remains possible.
      label: 'Image',
      run: async () => {
        // Contributors may not use the library: they go straight to an address.
        const picked = mediaLibraryAllowed() ? await pickImage(csrf, { title: 'Insert an image', offerUrl: true }) : 'by-url';
        if (picked && picked !== 'by-url') {
          editor.chain().focus().insertContent({ type: 'figure', attrs: { src: picked.src, alt: picked.alt, caption: picked.caption, credit: picked.credit } }).run();
          return;
        }
        if (!picked) return;
        const values = await ask('Image', [
          { name: 'src', label: 'Image URL', type: 'url', required: true },
          { name: 'alt', label: 'Alternative text (what the image shows)' },
          { name: 'caption', label: 'Caption' },
          { name: 'credit', label: 'Credit' },
        ]);
        if (values?.src) editor.chain().focus().insertContent({ type: 'figure', attrs: values }).run();
      },
    },
    {
      label: 'Embed',
      run: async () => {
        const values = await ask('Embed (YouTube, Vimeo, X, Instagram, TikTok, Bluesky, SoundCloud)', [{ name: 'url', label: 'Address of the video or post', type: 'url', required: true }]);
        if (!values) return;
        const embed = embedFor(values.url ?? '');
        if (!embed) return say('That address is not from a provider Dateline can embed; add it as a link instead.');
        if (embed.kind === 'iframe') editor.chain().focus().insertContent({ type: 'embed', attrs: { src: embed.src, title: `${embed.provider} video` } }).run();
        else editor.chain().focus().insertContent(`<p><a href="${embed.url.replace(/"/g, '&quot;')}">${embed.provider} post</a></p>`).run();
      },
    },
    { label: 'Undo', run: () => editor.chain().focus().undo().run() },
    { label: 'Redo', run: () => editor.chain().focus().redo().run() },
  ];

  const buttons = tools.map((tool, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = tool.label;
    button.tabIndex = index === 0 ? 0 : -1;
    if (tool.active) button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => void tool.run());
    toolbar.append(button);
    return button;
  });
  // A toolbar is one tab stop; arrow keys move between its buttons (WAI-ARIA toolbar pattern).
  toolbar.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = event.key === 'ArrowRight' ? (at + 1) % buttons.length : event.key === 'ArrowLeft' ? (at - 1 + buttons.length) % buttons.length
      : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : -1;
    if (to < 0) return;
    event.preventDefault();
    buttons[at]!.tabIndex = -1;
    buttons[to]!.tabIndex = 0;
    buttons[to]!.focus();
  });
  editor.on('transaction', () => tools.forEach((tool, i) => tool.active && buttons[i]!.setAttribute('aria-pressed', String(tool.active()))));
  f.addEventListener('submit', () => {
    area.value = editor.getHTML();
  });
  return editor;
}

function fillSourceDefaults(f: HTMLFormElement): void {
  const select = f.querySelector<HTMLSelectElement>('#f-sourceId');
  select?.addEventListener('change', () => {
    const option = select.selectedOptions[0];
    if (!option?.value) return;
    const fill = (id: string, value: string | undefined) => {
      const input = f.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`);
      if (input && !input.value && value) input.value = value;
    };
    fill('f-originalPublisher', option.dataset.publisher);
    fill('f-copyrightLine', option.dataset.copyright);
    fill('f-licence', option.dataset.licence);
    fill('f-searchPolicy', option.dataset.policy);
    say('The source\'s attribution defaults were filled in where the fields were empty.');
  });
}

function autosave(f: HTMLFormElement, articleId: string): () => Promise<boolean> {
  const version = f.querySelector<HTMLInputElement>('input[name="version"]')!;
  let timer: number | undefined;
  let dirty = false;
  let blocked = false;
  const save = async (): Promise<boolean> => {
    window.clearTimeout(timer);
    if (!dirty || blocked) return !blocked;
    dirty = false;
    say('Saving…');
    const response = await fetch(`/admin/api/articles/${articleId}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(formJson(f)), credentials: 'same-origin',
    }).catch(() => null);
    if (!response) {
      dirty = true;
      say('Not saved: the server could not be reached. Dateline will try again.');
      return false;
    }
    const data = await response.json().catch(() => ({})) as { article?: { version: number }; error?: { message: string } };
    if (response.ok && data.article) {
      version.value = String(data.article.version);
      say(`Saved at ${new Date().toLocaleTimeString()}.`);
      return true;
    }
    if (response.status === 409) {
      blocked = true;
      const alert = document.createElement('div');
      alert.className = 'notice notice-error';
      alert.setAttribute('role', 'alert');
      alert.innerHTML = '<p></p><p>Autosave is paused. <a>Reload their version</a> (your unsaved changes are lost), <a>compare the revisions</a>, or press Save to replace their version with yours.</p>';
      alert.querySelector('p')!.textContent = data.error?.message ?? 'Someone else saved this article.';
      const [reload, compare] = alert.querySelectorAll('a');
      reload!.href = `/admin/articles/${articleId}/edit`;
      compare!.href = `/admin/articles/${articleId}/revisions`;
      f.before(alert);
      return false;
    }
    say(`Not saved: ${data.error?.message ?? `the server answered ${response.status}`}`);
    return false;
  };
  const schedule = () => {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), 2500);
  };
  f.addEventListener('input', schedule);
  f.addEventListener('change', schedule);
  f.addEventListener('submit', () => window.clearTimeout(timer));
  return save;
}

function heartbeat(articleId: string): void {
  const beat = async () => {
    const response = await fetch(`/admin/api/articles/${articleId}/presence`, { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' }).catch(() => null);
    const data = response?.ok ? await response.json() as { others: { name: string }[] } : null;
    if (presence && data) presence.textContent = data.others.length ? `${data.others.map((o) => o.name).join(', ')} ${data.others.length === 1 ? 'is' : 'are'} also editing this article.` : '';
  };
  void beat();
  window.setInterval(() => void beat(), 15_000);
}

mountMediaFields(csrf);
if (form && textarea) {
  mountEditor(form, textarea);
  fillSourceDefaults(form);
  const articleId = form.dataset.articleId;
  if (articleId) {
    const saveNow = autosave(form, articleId);
    heartbeat(articleId);
    // The preview shows what is saved: save first, then open it.
    document.querySelector<HTMLAnchorElement>('#preview-link')?.addEventListener('click', (event) => {
      event.preventDefault();
      const href = (event.currentTarget as HTMLAnchorElement).href;
      const tab = window.open('about:blank', '_blank');
      void saveNow().then(() => {
        if (tab) tab.location.href = href;
        else window.location.href = href;
      });
    });
  }
  const live = document.querySelector<HTMLElement>('#live-suggestions');
  if (!articleId && live) liveSuggestions(form, live, csrf);
}
