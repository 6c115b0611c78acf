/**
 * The privacy statement (capability 8): generated from the register for the public, checked against Art. 13/14,
 * versioned, shown on /p/<slug>/privacy and exported as HTML and PDF.
 */
export {
  diffVersions,
  documentToExport,
  getDraft,
  getPublicStatement,
  getStatus,
  getVersion,
  listVersions,
  publish,
  saveOwnTexts,
} from './use-cases/statement.ts';
