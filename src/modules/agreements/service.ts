/** Processor agreements (capability 5): the register in both directions, the Art. 28(3) checklist, documents, coverage. */
export {
  createAgreement,
  deleteAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
  updateChecklist,
} from './use-cases/agreements.ts';
export { getCoverage } from './use-cases/coverage.ts';
export { downloadDocument, removeDocument, uploadDocument } from './use-cases/documents.ts';
