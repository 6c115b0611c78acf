import { isAbsolute } from 'node:path';
import { z } from 'zod';

/** A path inside the root: relative, no `..` segment, no NUL. Symlinks are checked against the live disk. */
export function isSafeRelativePath(path: string): boolean {
  if (path.includes('\0') || isAbsolute(path) || path.startsWith('\\')) return false;
  return !path.split(/[\\/]/).some((segment) => segment === '..');
}

/** The directory the connector may touch; nothing outside it is ever read, listed or deleted. */
export const ZFilesConfig = z.object({
  root: z.string().min(1).refine(isAbsolute, 'an absolute path'),
});
export type TFilesConfig = z.infer<typeof ZFilesConfig>;

/**
 * Files a policy works on: those in `directory` (relative to the root; `''` is the root itself), and with
 * `recursive` in its subdirectories, whose name matches `pattern` (`*` any characters, `?` one, `[abc]` a set;
 * case-insensitive; names starting with a dot only when the pattern does). Copies (archive) are written into
 * `directory`.
 */
export const ZFilesRecordType = z.object({
  directory: z.string().refine(isSafeRelativePath, 'a path inside the root, without ..'),
  pattern: z
    .string()
    .min(1)
    .max(200)
    .refine((pattern) => !/[\\/]/.test(pattern), 'a file name pattern, without / or \\')
    .default('*'),
  recursive: z.boolean().default(false),
});
export type TFilesRecordType = z.infer<typeof ZFilesRecordType>;

/** A glob on one file name as a predicate. */
export function fileNameMatcher(pattern: string): (name: string) => boolean {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        const set = pattern.slice(index + 1, end).replace(/\\/g, '\\\\');
        source += `[${set.startsWith('!') ? `^${set.slice(1)}` : set}]`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 'i');
  const allowsDotFiles = pattern.startsWith('.');
  return (name) => (allowsDotFiles || !name.startsWith('.')) && regex.test(name);
}
