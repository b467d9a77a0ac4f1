import { notifications } from '@mantine/notifications';

/**
 * Keyboard rules shared by every form of the app, installed once at start-up rather than per
 * field, so a new form cannot forget them:
 * - Enter in a search, tag or multi-select field (any combobox input) picks or adds, never
 *   submits the form: browsers submit a form on Enter in any text input, and a half-filled
 *   partner was saved that way from "Layanan yang ditawarkan".
 * - Ctrl+S (Cmd+S) saves the form being worked in, as the Simpan button does.
 * - A new attempt to save clears the error notices left by the previous one.
 */

/** Ids of the error notices shown since the last submit; the next submit hides them. */
const failedAttemptNotices = new Set<string>();

export function rememberFailedAttemptNotice(id: string): void {
  failedAttemptNotices.add(id);
}

export function clearFailedAttemptNotices(): void {
  for (const id of failedAttemptNotices) notifications.hide(id);
  failedAttemptNotices.clear();
}

/** A field whose Enter belongs to its own list: Mantine's Select, MultiSelect, TagsInput, Autocomplete, or a search box. */
export function isPickerInput(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLInputElement)) return false;
  return el.getAttribute('aria-haspopup') === 'listbox' || el.type === 'search' || el.getAttribute('role') === 'combobox';
}

/** The form Ctrl+S saves: the one holding the cursor, else the only editor form on the screen. */
function formToSave(target: EventTarget | null): HTMLFormElement | null {
  const own = target instanceof Element ? target.closest('form') : null;
  if (own) return own;
  // Only an open dialog's form when a dialog is open: the page under it is not what the user sees.
  const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"]');
  const scope: ParentNode = dialogs.length > 0 ? dialogs[dialogs.length - 1]! : document;
  const forms = scope.querySelectorAll<HTMLFormElement>('form[data-editor]');
  return forms.length === 1 ? forms[0]! : null;
}

export function onFormKeyDown(e: KeyboardEvent): void {
  if (e.isComposing || e.keyCode === 229) return;
  if (e.key === 'Enter' && isPickerInput(e.target) && (e.target as HTMLInputElement).form) {
    // Mantine's own handler has already run (it sits on the input): an option is picked, a tag
    // added. What remains is the browser's implicit submission, which this stops.
    e.preventDefault();
    return;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
    e.preventDefault(); // never the browser's "save page"
    const form = formToSave(e.target);
    if (form) form.requestSubmit();
  }
}

let installed = false;

export function installFormKeys(doc: Document = document): void {
  if (installed) return;
  installed = true;
  // Bubble phase on the document: React's and Mantine's handlers (on the root) run first.
  doc.addEventListener('keydown', onFormKeyDown);
  // Capture phase: the notices of the failed attempt go before the new attempt's own appear.
  doc.addEventListener('submit', clearFailedAttemptNotices, true);
}
