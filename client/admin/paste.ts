/**
 * Cleans HTML pasted from word processors and web pages before TipTap reads it: Office
 * conditional comments and XML islands, styles, classes and ids go. TipTap's schema then keeps
 * only what the editor knows, and the server sanitizes again on save.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|meta|link|xml)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(o|w|m|v):[^>]*>/gi, '')
    .replace(/\s(style|class|id|lang|align|face|color|size|data-[\w-]+)=("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/<\/?(font|span)\b[^>]*>/gi, '');
}
