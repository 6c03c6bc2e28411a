import { canonicalUrlOf, fallbackVariants, variantUrl, type MediaItem } from '../../domain/media.js';
import { html, type SafeHtml } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { field } from './auth-pages.js';
import { pager, textareaField } from './form-controls.js';

/** The narrowest fallback rendition that is at least `minWidth` wide (or the widest there is): a thumbnail. */
export function thumbnailUrl(item: MediaItem, minWidth = 320): string | null {
  const variants = fallbackVariants(item);
  const chosen = variants.find((v) => v.width >= minWidth) ?? variants.at(-1);
  return chosen ? variantUrl(item.sha256, chosen.width, chosen.format) : null;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;

function uploadForm(frame: AdminFrame, maxBytes: number): SafeHtml {
  return html`<form method="post" action="/admin/media/" enctype="multipart/form-data" class="management-form media-upload">
  ${csrfField(frame)}
  <div class="field"><label for="f-file">Image file</label><p class="hint" id="f-file-hint">JPEG, PNG, GIF, WebP or AVIF, up to ${(maxBytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB. Metadata such as location is removed.</p>
  <input id="f-file" name="file" type="file" accept="image/jpeg,image/png,image/gif,image/webp,image/avif" required aria-describedby="f-file-hint"></div>
  ${field({ name: 'altText', label: 'Alternative text (what the image shows)' })}
  ${field({ name: 'caption', label: 'Caption' })}
  ${field({ name: 'credit', label: 'Credit' })}
  <div class="actions"><button type="submit" class="primary">Upload</button></div>
</form>`;
}

/** The library as a grid of thumbnails, newest first, with the upload form. */
export function renderMediaLibraryPage(frame: AdminFrame, view: { items: readonly MediaItem[]; total: number; page: number; pageCount: number; maxBytes: number }, notice: Notice | null): string {
  return adminLayout({ ...frame, current: 'media' }, 'Media library', html`<h1>Media library</h1>
<section aria-labelledby="upload-title"><h2 id="upload-title">Upload an image</h2>${uploadForm(frame, view.maxBytes)}</section>
<section aria-labelledby="library-title"><h2 id="library-title">Images</h2>
<p>${view.total} image${view.total === 1 ? '' : 's'}, newest first.</p>
${view.items.length ? html`<ul class="media-grid">
${view.items.map((item) => {
    const thumb = thumbnailUrl(item);
    return html`<li class="media-tile">
  <a href="/admin/media/${item.id}/edit">${thumb ? html`<img src="${thumb}" alt="${item.altText}" loading="lazy">` : ''}<span class="media-name">${item.originalFilename}</span></a>
  <span class="hint">${item.width} × ${item.height} · ${kilobytes(item.bytes)}</span>
  ${item.altText ? '' : html`<span class="hint missing-alt">No alternative text</span>`}
</li>`;
  })}
</ul>` : html`<p>The library is empty.</p>`}
${pager(view.page, view.pageCount, (p) => `/admin/media/?page=${p}`)}
</section>`, { notice });
}

/** One library item: its renditions, description and, when articles show it, who uses it. */
export function renderMediaEditPage(frame: AdminFrame, view: { item: MediaItem; usedBy: readonly { id: string; title: string }[]; mayChange: boolean }, notice: Notice | null): string {
  const { item } = view;
  const preview = thumbnailUrl(item, 960);
  return adminLayout({ ...frame, current: 'media' }, item.originalFilename, html`<h1>${item.originalFilename}</h1>
<p><a href="/admin/media/">Media library</a></p>
${preview ? html`<p><img class="media-preview" src="${preview}" alt="${item.altText}"></p>` : ''}
<p>${item.width} × ${item.height} · ${kilobytes(item.bytes)} uploaded · ${item.variants.length} renditions · uploaded <time datetime="${item.createdAt}">${item.createdAt.slice(0, 10)}</time></p>
<p>Address for articles: <code>${canonicalUrlOf(item) ?? ''}</code></p>
${view.mayChange ? html`<form method="post" action="/admin/media/${item.id}" class="management-form">
  ${csrfField(frame)}
  ${field({ name: 'altText', label: 'Alternative text (what the image shows)', value: item.altText })}
  ${textareaField({ name: 'caption', label: 'Caption', value: item.caption, rows: 2 })}
  ${field({ name: 'credit', label: 'Credit', value: item.credit })}
  <div class="actions"><button type="submit" class="primary">Save</button></div>
</form>` : html`<p>Your role can change only the images you uploaded.</p>`}
<section aria-labelledby="usage-title"><h2 id="usage-title">Where it is used</h2>
${view.usedBy.length
    ? html`<ul>${view.usedBy.map((a) => html`<li><a href="/admin/articles/${a.id}/edit">${a.title}</a></li>`)}</ul>
<p>It cannot be deleted while articles show it: replace it there first.</p>`
    : html`<p>No article shows this image.</p>
${view.mayChange ? html`<form method="post" action="/admin/media/${item.id}/delete">${csrfField(frame)}<button type="submit" class="danger">Delete this image</button></form>` : ''}`}
</section>`, { notice });
}
