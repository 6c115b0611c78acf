import { Fieldset, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { sectionAnchor } from '../completeness-sections.ts';

/** One group of Art. 30 items: a titled fieldset that names its article and says in plain words what it asks. */
export function FormSection({
  id,
  title,
  article,
  help,
  children,
}: {
  id: string;
  title: string;
  article?: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <Fieldset
      id={sectionAnchor(id)}
      legend={article ? `${title} · ${article}` : title}
      style={{ scrollMarginTop: 72 }}
      tabIndex={-1}
    >
      <Stack>
        {help && (
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        )}
        {children}
      </Stack>
    </Fieldset>
  );
}
