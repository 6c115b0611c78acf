import { type Locale, translate } from '../i18n/index.ts';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** The HTML alternative of a plain-text mail: the same words, paragraphs and clickable links, nothing else. */
export function renderHtml(subject: string, text: string, locale: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const footer = escapeHtml(translate(locale === 'en' ? 'en' : 'nl', 'mail.footer'));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${paragraphs}
<hr><p style="color:#666;font-size:0.9em">${footer}</p></body></html>`;
}

/** A complete plain-text mail body in the recipient's language: greeting, paragraphs, sign-off. */
export function composeText(locale: Locale, paragraphs: string[]): string {
  return [...paragraphs, translate(locale, 'mail.signoff')].join('\n\n');
}
