import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

const styles = { root: { minWidth: 'max-content', textTransform: 'none' as const } };

/** A badge that keeps its words readable: sentence case, and never cut off inside a narrow table cell. */
export function Tag({ children, ...props }: BadgeProps & { children: ReactNode; title?: string }) {
  return (
    <Badge variant="light" styles={styles} {...props}>
      {children}
    </Badge>
  );
}
