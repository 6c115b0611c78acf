import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';

// The app and the texts in the person's language load side by side; the first page needs both.
void Promise.all([import('./app/App.tsx'), initI18n()]).then(([{ App }]) => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
