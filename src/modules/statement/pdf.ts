import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StatementBlock, StatementDocument } from './rules.ts';

// The statement as a pdfmake document: every string is a text node, never interpreted.

function blockContent(block: StatementBlock): Content {
  if (block.kind === 'heading') return { text: block.text, style: 'subheading' };
  if (block.kind === 'paragraph') return { text: block.text, margin: [0, 0, 0, 6] };
  return { ul: block.items.map((item) => ({ text: item })), margin: [0, 0, 0, 6] };
}

export function statementPdfDocument(document: StatementDocument, subtitle: string): TDocumentDefinitions {
  const content: Content[] = [
    { text: document.title, style: 'title' },
    { text: subtitle, style: 'subtitle' },
    ...document.sections.flatMap((section): Content[] => [
      { text: section.heading, style: 'heading' },
      ...section.blocks.map(blockContent),
    ]),
  ];
  return {
    info: { title: document.title },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: '#5c5f66', margin: [0, 0, 0, 12] },
      heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      subheading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    pageMargins: [50, 50, 50, 50],
  };
}
