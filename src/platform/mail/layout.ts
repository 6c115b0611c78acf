import { type Locale, translate } from '../i18n/index.ts';

/** http(s) links up to the next space or angle bracket; trailing sentence punctuation is not part of them. */
const LINK = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'\]]/g;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Escapes a plain-text paragraph for HTML and turns its links into anchors (escaped once, inside and out). */
function paragraphHtml(paragraph: string): string {
  let html = '';
  let position = 0;
  for (const match of paragraph.matchAll(LINK)) {
    const link = escapeHtml(match[0]);
    html += `${escapeHtml(paragraph.slice(position, match.index))}<a href="${link}">${link}</a>`;
    position = match.index + match[0].length;
  }
  html += escapeHtml(paragraph.slice(position));
  return html.replace(/\n/g, '<br>');
}

/** The HTML alternative of a plain-text mail: the same words, paragraphs and clickable links, nothing else. */
export function renderHtml(subject: string, text: string, locale: string): string {
  const language: Locale = locale === 'en' ? 'en' : 'nl';
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraphHtml(paragraph)}</p>`)
    .join('\n');
  const footer = escapeHtml(translate(language, 'mail.footer'));
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${paragraphs}
<hr><p style="color:#666;font-size:0.9em">${footer}</p></body></html>`;
}

/** A complete plain-text mail body in the recipient's language: the given paragraphs (greeting first), sign-off. */
export function composeText(locale: Locale, paragraphs: string[]): string {
  return [...paragraphs, translate(locale, 'mail.signoff')].join('\n\n');
}
