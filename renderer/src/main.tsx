import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import 'dayjs/locale/id';
import './app.css';
import { createTheme, MantineProvider, MultiSelect } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installFormKeys } from './components/formKeys';
import { I18nProvider, useI18n } from './i18n';

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif',
  components: {
    // A chosen value is a pill, not an option: clicking its search hit again would take it away
    // (a kabupaten dropped from the coverage while the user meant to add it).
    MultiSelect: MultiSelect.extend({ defaultProps: { hidePickedOptions: true } }),
    // A badge is a whole word or it is nothing: never squeezed into "TERVERIFI…" by a narrow table
    // cell or a row of badges. It keeps its width and the column grows (or the row wraps) instead.
    Badge: { styles: { root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } },
  },
});

installFormKeys();

// Data changes only through this app, so refetching on focus or on a timer only adds load.
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 }, mutations: { retry: false } },
});

function Localised() {
  const { locale } = useI18n();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <App />
    </DatesProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Localised />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
