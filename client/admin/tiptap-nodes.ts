import { Node, mergeAttributes } from '@tiptap/core';
import { isAllowedEmbedSrc } from '../../src/domain/embeds.js';

/** An image with caption and credit, stored as <figure><img><figcaption>caption <small>credit</small></figcaption></figure>. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } };
  },
  parseHTML() {
    return [{
      tag: 'figure',
      getAttrs: (element) => {
        const img = (element as HTMLElement).querySelector('img');
        if (!img) return false;
        const figcaption = (element as HTMLElement).querySelector('figcaption');
        const credit = figcaption?.querySelector('small')?.textContent?.trim() ?? '';
        const whole = figcaption?.textContent ?? '';
        const caption = (credit ? whole.slice(0, whole.lastIndexOf(credit)) : whole).trim();
        return { src: img.getAttribute('src'), alt: img.getAttribute('alt') ?? '', caption, credit };
      },
    }];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs as { src: string; alt: string; caption: string; credit: string };
    const img = ['img', { src, alt }] as const;
    if (!caption && !credit) return ['figure', {}, img];
    const parts: (string | readonly [string, Record<string, string>, string])[] = [];
    if (caption) parts.push(caption);
    if (credit) parts.push(...(caption ? [' '] : []), ['small', {}, credit] as const);
    return ['figure', {}, img, ['figcaption', {}, ...parts]];
  },
});

/** A video embed from the allow-list, as a sandboxed iframe inside a figure. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, title: { default: 'Embedded video' } };
  },
  parseHTML() {
    return [{
      tag: 'figure',
      priority: 60,
      getAttrs: (element) => {
        const src = (element as HTMLElement).querySelector('iframe')?.getAttribute('src') ?? undefined;
        return isAllowedEmbedSrc(src) ? { src, title: (element as HTMLElement).querySelector('iframe')?.getAttribute('title') ?? 'Embedded video' } : false;
      },
    }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', {}, ['iframe', mergeAttributes({ width: '560', height: '315', loading: 'lazy', allowfullscreen: '' }, { src: HTMLAttributes.src, title: HTMLAttributes.title })]];
  },
});
