/**
 * Which section of the activity form answers a completeness item, so the panel can take the person there.
 * Item ids come from the server's check (`30.1.b`, `6.1`, `dpia`, …).
 */
const SECTION_OF_ITEM: Record<string, string> = {
  '30.1.a': 'basics',
  '30.1.b': 'purposes',
  '30.1.c': 'data',
  '30.1.d': 'recipients',
  '30.1.e': 'transfers',
  '30.1.f': 'retention',
  '30.1.g': 'security',
  '30.2.a': 'controller',
  '30.2.b': 'controller',
  '30.2.c': 'transfers',
  '30.2.d': 'security',
  '6.1': 'legal-basis',
  '9.2': 'legal-basis',
  '10': 'legal-basis',
  '87': 'legal-basis',
  '26': 'joint-controllers',
  dpia: 'dpia',
  owner: 'basics',
  review: 'basics',
};

export const sectionAnchor = (section: string) => `activity-section-${section}`;

export function sectionOfItem(itemId: string): string | undefined {
  return SECTION_OF_ITEM[itemId];
}
