/** A short, readable name for a browser's user-agent string ("Firefox on Windows"); the raw string stays in a tooltip. */
export function describeUserAgent(userAgent: string): { browser: string | null; system: string | null } {
  const browser =
    match(userAgent, [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/curl\//, 'curl'],
    ]) ?? null;
  const system =
    match(userAgent, [
      [/Android/, 'Android'],
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ]) ?? null;
  return { browser, system };
}

function match(text: string, patterns: [RegExp, string][]): string | undefined {
  return patterns.find(([pattern]) => pattern.test(text))?.[1];
}
