import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TVendor } from '../../../api/vendors.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatDay } from '../shared/dates.ts';
import { Tag } from '../shared/Tag.tsx';

/** A vendor's certifications as the list and the vendor page both show them: an expired one in red, saying so. */
export function CertificationTags({ certifications }: { certifications: TVendor['certifications'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap={4}>
      {certifications.map((certification) => (
        <Tag
          key={certification.id}
          size="sm"
          variant="light"
          color={certification.isExpired ? 'red' : 'teal'}
          data-expired={certification.isExpired || undefined}
          title={
            certification.validUntil
              ? t('register.vendors.validUntil', { date: formatDay(certification.validUntil, locale) })
              : undefined
          }
        >
          {certification.isExpired ? t('register.vendors.expired', { name: certification.name }) : certification.name}
        </Tag>
      ))}
    </Group>
  );
}
