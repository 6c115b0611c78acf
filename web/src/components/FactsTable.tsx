import { Table } from '@mantine/core';

/** A record's facts as label–value rows; an empty value shows as a dash. Values are text, never markup. */
export function FactsTable({ rows, label }: { rows: readonly [string, string | null | undefined][]; label: string }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={200}>{name}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
