/** `attachment` with a plain ASCII name and the RFC 5987 form for anything else (accents, spaces). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
