/**
 * The register's export (PDF, XLSX, CSV, JSON) and import (CSV, XLSX) of activities, systems and vendors. It owns
 * no tables: it reads and writes through the categories, vendors, inventory, register and organisations services.
 */

/** Renders a pdfmake document with the instance's fonts and no access to URLs or other files (requests' export). */
export { renderPdf } from './export/pdf-render.ts';
/** Register values as the register PDF words them (requests' export overview reuses them). */
export { addressLine, privacyContactLine, retentionText, transferLines } from './export/pdf-text.ts';
export { tablesXlsx } from './export/xlsx.ts';
/** CSV as every export of privacydesk writes it: CRLF, a byte-order mark for Excel, formula cells neutralised. */
export { writeCsv } from './formats/csv.ts';
export { enumLabel } from './labels/enums.ts';
export type { RegisterSnapshot } from './snapshot.ts';
export {
  type ExportFile,
  exportRegister,
  getExportProgress,
  XLSX_MEDIA_TYPE,
} from './use-cases/export-register.ts';
export {
  ImportNotCleanError,
  type ImportRequest,
  importRegister,
  type UploadKind,
} from './use-cases/import-register.ts';
export { loadSnapshot } from './use-cases/load-snapshot.ts';
