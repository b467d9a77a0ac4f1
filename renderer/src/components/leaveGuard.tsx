import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { navigate as hashNavigate, useHashLocation } from 'wouter/use-hash-location';
import { useI18n } from '../i18n';

/**
 * "Leave with unsaved changes?" for every editor: in-app navigation (links, buttons, the
 * browser's back) and closing or reloading the window all ask first while a form holds changes.
 * An editor registers with useLeaveGuard(dirty) and releases the guard when it has saved.
 */

interface Guard {
  dirty: () => boolean;
  released: boolean;
}

const guards = new Set<Guard>();
const holdsChanges = () => [...guards].some((g) => !g.released && g.dirty());

/** Set by LeaveGuardHost: shows the question and runs `proceed` when the user chooses to leave. */
let ask: ((proceed: () => void) => void) | null = null;
/** True while a navigation the user already allowed runs (wouter announces its own hashchange). */
let passing = false;

function leave(go: () => void): void {
  passing = true;
  try {
    for (const g of guards) g.released = true;
    go();
  } finally {
    passing = false;
  }
}

/** The router's location hook, asking before it leaves a form with unsaved changes. */
export function useGuardedHashLocation(): ReturnType<typeof useHashLocation> {
  const [location] = useHashLocation();
  return [location, guardedNavigate];
}

const guardedNavigate: typeof hashNavigate = (to, options) => {
  if (passing || !holdsChanges() || !ask) return hashNavigate(to, options);
  ask(() => leave(() => hashNavigate(to, options)));
};

// The browser's back and forward change the address before anyone can ask. This listener is
// added before the router's own (at import), so it can stop the change from reaching the router,
// put the form's address back, and ask.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e) => {
    if (passing || !holdsChanges() || !ask) return;
    e.stopImmediatePropagation();
    const target = e.newURL;
    history.replaceState(history.state, '', e.oldURL);
    ask(() => leave(() => hashNavigate(new URL(target).hash.replace(/^#/, '') || '/')));
  });
  window.addEventListener('beforeunload', (e) => {
    if (!holdsChanges()) return;
    e.preventDefault();
    // Older Chromium (Electron) needs returnValue set to ask.
    e.returnValue = '';
  });
}

/**
 * Registers an editor's unsaved state (asked at the moment of leaving, so uncontrolled forms work
 * too); call the returned `release` right before leaving after a save.
 */
export function useLeaveGuard(dirty: () => boolean): () => void {
  const guard = useRef<Guard>({ dirty, released: false });
  guard.current.dirty = dirty;
  useEffect(() => {
    const g = guard.current;
    g.released = false;
    guards.add(g);
    return () => {
      guards.delete(g);
    };
  }, []);
  return () => {
    guard.current.released = true;
  };
}

/** The question itself; mounted once inside the app shell. */
export function LeaveGuardHost() {
  const { t } = useI18n();
  const [pending, setPending] = useState<(() => void) | null>(null);
  useEffect(() => {
    ask = (proceed) => setPending(() => proceed);
    return () => {
      ask = null;
    };
  }, []);
  return (
    <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('forms.leave.title')} size={500} centered data-testid="leave-guard">
      <Stack>
        <Text size="sm">{t('forms.leave.body')}</Text>
        <Group justify="flex-end" wrap="nowrap">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            {t('forms.leave.stay')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const go = pending;
              setPending(null);
              go?.();
            }}
          >
            {t('forms.leave.go')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
