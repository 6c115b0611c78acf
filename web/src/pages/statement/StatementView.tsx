import { List, Stack, Text, Title } from '@mantine/core';
import type { TStatementDocument } from '../../api/statement.ts';

/** A statement as React renders text: every string from the register is shown as text, never as markup. */
export function StatementView({ document, subtitle }: { document: TStatementDocument; subtitle?: string }) {
  return (
    <Stack gap="sm" lang={document.language} data-testid="statement">
      {document.title && (
        <Title order={2} size="h3">
          {document.title}
        </Title>
      )}
      {subtitle && <Text c="dimmed">{subtitle}</Text>}
      {document.sections.map((section) => (
        <Stack key={section.key} gap={6} component="section">
          <Title order={3} size="h4" mt="md">
            {section.heading}
          </Title>
          {section.blocks.map((block, index) => {
            const key = `${section.key}-${index}`;
            if (block.kind === 'heading')
              return (
                <Title key={key} order={4} size="h5" mt="sm">
                  {block.text}
                </Title>
              );
            if (block.kind === 'paragraph') return <Text key={key}>{block.text}</Text>;
            return (
              <List key={key} withPadding>
                {block.items.map((item, itemIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are plain text and may repeat
                  <List.Item key={itemIndex}>{item}</List.Item>
                ))}
              </List>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
