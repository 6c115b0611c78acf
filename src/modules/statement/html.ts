import type { StatementBlock, StatementDocument } from './rules.ts';

// The statement as a self-contained HTML document: every string from the register or the user is escaped, so
// markup typed into a register field shows as text wherever the HTML is pasted.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

function blockHtml(block: StatementBlock): string {
  if (block.kind === 'heading') return `<h3>${escapeHtml(block.text)}</h3>`;
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  return `<ul>\n${block.items.map((item) => `  <li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
}

/** The statement's body: what a website pastes into its own page. */
export function statementBodyHtml(document: StatementDocument, subtitle: string): string {
  const sections = document.sections.map((section) =>
    [`<section>`, `<h2>${escapeHtml(section.heading)}</h2>`, ...section.blocks.map(blockHtml), `</section>`].join('\n'),
  );
  return [
    `<article class="privacy-statement" lang="${document.language}">`,
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<p class="privacy-statement-version">${escapeHtml(subtitle)}</p>`,
    ...sections,
    '</article>',
  ].join('\n');
}

/** A whole HTML page with its own small style sheet and no scripts or outside resources. */
export function statementPageHtml(document: StatementDocument, subtitle: string): string {
  return `<!doctype html>
<html lang="${document.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1b1e; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.privacy-statement-version { color: #5c5f66; }
</style>
</head>
<body>
${statementBodyHtml(document, subtitle)}
</body>
</html>
`;
}
