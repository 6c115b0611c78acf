/**
 * A message key is `folder/uidvalidity/uid`, numbers zero-padded to 10 digits so that the keys' string order is
 * the order find() returns them in (folders by `folder/`, then UID). The folder may itself contain `/`.
 */
export interface MessageKey {
  folder: string;
  uidValidity: string;
  uid: number;
}

const pad = (value: number | bigint | string) => String(value).padStart(10, '0');

export function messageKey(folder: string, uidValidity: bigint | string, uid: number): string {
  return `${folder}/${pad(uidValidity)}/${pad(uid)}`;
}

/** The parsed key, or undefined for a string that is not a message key. */
export function parseMessageKey(key: string): MessageKey | undefined {
  const match = /^(.+)\/(\d{1,20})\/(\d{1,10})$/.exec(key);
  if (!match) return undefined;
  const uid = Number(match[3]);
  if (!Number.isSafeInteger(uid) || uid < 1) return undefined;
  return { folder: match[1]!, uidValidity: pad(BigInt(match[2]!)), uid };
}

export const folderSortKey = (folder: string) => `${folder}/`;

/** Compact IMAP sequence set (`1:5,9`) for ascending UIDs. */
export function sequenceSet(uids: readonly number[]): string {
  const parts: string[] = [];
  let start = uids[0];
  let previous = uids[0];
  for (let index = 1; index <= uids.length; index += 1) {
    const uid = uids[index];
    if (uid !== undefined && previous !== undefined && uid === previous + 1) {
      previous = uid;
      continue;
    }
    if (start !== undefined) parts.push(start === previous ? `${start}` : `${start}:${previous}`);
    start = uid;
    previous = uid;
  }
  return parts.join(',');
}
