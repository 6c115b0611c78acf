import type { UseFormReturnType } from '@mantine/form';
import type { ActivityValues } from '../activity-form.ts';

/** What every section of the activity form receives. */
export interface SectionProps {
  form: UseFormReturnType<ActivityValues>;
  canEdit: boolean;
}
