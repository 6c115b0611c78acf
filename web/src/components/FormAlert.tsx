import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The problem with a form as a whole (the server's detail); field problems sit at their fields. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
      {message}
    </Alert>
  );
}
