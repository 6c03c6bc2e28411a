// The media library picker: a modal dialog that lists the library page by page, uploads a new
// file, and hands back the chosen image with the alt text, caption and credit to use with it.

interface LibraryVariant { width: number; format: string; url: string }
interface LibraryItem { id: string; originalFilename: string; url: string | null; altText: string; caption: string | null; credit: string | null; variants: LibraryVariant[] }
interface LibraryPage { media: LibraryItem[]; meta: { page: number; pageCount: number } }

/** What the picker hands back: `src` is the library URL of the widest fallback rendition. */
export interface PickedImage {
  src: string;
  /** A rendition about 320 pixels wide, for small places such as portraits. */
  thumbnail: string;
  alt: string;
  caption: string;
  credit: string;
}

const PER_PAGE = 24;
let counter = 0;

function thumbnailOf(item: LibraryItem): string {
  const fallback = item.variants.filter((v) => v.format === 'jpeg' || v.format === 'png').sort((a, b) => a.width - b.width);
  return (fallback.find((v) => v.width >= 320) ?? fallback.at(-1))?.url ?? item.url ?? '';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelled(id: string, label: string, input: HTMLInputElement): HTMLDivElement {
  input.id = id;
  return element('div', { className: 'field' }, element('label', { htmlFor: id, textContent: label }), input);
}

async function apiJson<T>(response: Response): Promise<T> {
  const data = await response.json().catch(() => ({})) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(data.error?.message ?? `The server answered ${response.status}.`);
  return data;
}

/** Whether the signed-in role may use the media library (the page says so; the server checks again). */
export function mediaLibraryAllowed(): boolean {
  return document.querySelector('meta[name="media-library"]')?.getAttribute('content') === 'on';
}

/**
 * Opens the picker. Resolves to the chosen image, `'by-url'` when the user asks to give an
 * address instead (only offered with `offerUrl`), or null when cancelled. Focus returns to the opener.
 */
export function pickImage(csrf: string, options: { title?: string; offerUrl?: boolean; action?: string } = {}): Promise<PickedImage | 'by-url' | null> {
  const opener = document.activeElement as HTMLElement | null;
  const id = `picker-${++counter}`;
  const dialog = element('dialog', { className: 'media-picker' });
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const status = element('p', { className: 'hint' });
  status.setAttribute('role', 'status');
  const grid = element('ul', { className: 'media-grid' });
  grid.setAttribute('aria-label', 'Images in the library');
  const more = element('button', { type: 'button', textContent: 'Show more images', hidden: true });
  const file = element('input', { type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp,image/avif' });
  const uploadButton = element('button', { type: 'button', textContent: 'Upload' });
  const alt = element('input', { type: 'text', name: 'alt' });
  const caption = element('input', { type: 'text', name: 'caption' });
  const credit = element('input', { type: 'text', name: 'credit' });
  const insert = element('button', { type: 'submit', className: 'primary', textContent: options.action ?? 'Insert', disabled: true });
  const cancel = element('button', { type: 'button', textContent: 'Cancel' });
  const byUrl = element('button', { type: 'button', textContent: 'Give an address instead', hidden: !options.offerUrl });
  const form = element('form', { method: 'dialog' },
    element('h2', { id: `${id}-title`, textContent: options.title ?? 'Choose an image' }),
    element('fieldset', {}, element('legend', { textContent: 'Upload a new image' }), labelled(`${id}-file`, 'Image file', file), uploadButton),
    status, grid, more,
    element('fieldset', {}, element('legend', { textContent: 'With this image' }),
      labelled(`${id}-alt`, 'Alternative text (what the image shows)', alt), labelled(`${id}-caption`, 'Caption', caption), labelled(`${id}-credit`, 'Credit', credit)),
    element('div', { className: 'actions' }, insert, byUrl, cancel));
  dialog.append(form);
  document.body.append(dialog);

  let chosen: LibraryItem | null = null;
  let page = 0;
  const buttons = new Map<string, HTMLButtonElement>();

  const choose = (item: LibraryItem) => {
    chosen = item;
    for (const [itemId, button] of buttons) button.setAttribute('aria-pressed', String(itemId === item.id));
    alt.value = item.altText;
    caption.value = item.caption ?? '';
    credit.value = item.credit ?? '';
    insert.disabled = false;
    status.textContent = `Chosen: ${item.originalFilename}.`;
  };
  const tile = (item: LibraryItem, first: boolean) => {
    const button = element('button', { type: 'button' }, element('img', { src: thumbnailOf(item), alt: '', loading: 'lazy' }), element('span', { className: 'media-name', textContent: item.originalFilename }));
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => choose(item));
    buttons.set(item.id, button);
    const li = element('li', { className: 'media-tile' }, button);
    if (first) grid.prepend(li);
    else grid.append(li);
    return button;
  };
  const loadMore = async () => {
    status.textContent = 'Loading the library…';
    try {
      const data = await apiJson<LibraryPage>(await fetch(`/admin/api/media?page=${page + 1}&perPage=${PER_PAGE}`, { credentials: 'same-origin' }));
      page = data.meta.page;
      for (const item of data.media) if (!buttons.has(item.id)) tile(item, false);
      more.hidden = data.meta.page >= data.meta.pageCount;
      status.textContent = buttons.size ? `${buttons.size} images shown. Choose one, or upload a new one.` : 'The library is empty: upload an image.';
    } catch (error) {
      status.textContent = `The library could not be loaded: ${(error as Error).message}`;
    }
  };
  uploadButton.addEventListener('click', async () => {
    const chosenFile = file.files?.[0];
    if (!chosenFile) {
      status.textContent = 'Choose a file to upload first.';
      file.focus();
      return;
    }
    const body = new FormData();
    body.append('file', chosenFile);
    status.textContent = 'Uploading…';
    uploadButton.disabled = true;
    try {
      const data = await apiJson<{ media: LibraryItem }>(await fetch('/admin/api/media', { method: 'POST', body, headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' }));
      const button = buttons.get(data.media.id) ?? tile(data.media, true);
      choose(data.media);
      file.value = '';
      button.focus();
      alt.focus();
    } catch (error) {
      status.textContent = `Not uploaded: ${(error as Error).message}`;
    } finally {
      uploadButton.disabled = false;
    }
  });
  more.addEventListener('click', () => void loadMore());

  return new Promise((resolve) => {
    let result: PickedImage | 'by-url' | null = null;
    form.addEventListener('submit', (event) => {
      if (!chosen?.url) {
        event.preventDefault();
        status.textContent = 'Choose an image first.';
        return;
      }
      result = { src: chosen.url, thumbnail: thumbnailOf(chosen), alt: alt.value.trim(), caption: caption.value.trim(), credit: credit.value.trim() };
    });
    cancel.addEventListener('click', () => dialog.close());
    byUrl.addEventListener('click', () => {
      result = 'by-url';
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus();
      resolve(result);
    });
    dialog.showModal();
    void loadMore();
  });
}
