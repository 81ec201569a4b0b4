/**
 * The real `<workos-login>` inside the block editor.
 *
 * Custom elements are defined per window, and the editor canvas of apiVersion 3 blocks is an
 * iframe: the element's module has to run in the document that shows the block. WordPress 6.5
 * prints script modules neither in wp-admin nor in that iframe, so the edit component loads the
 * module into its own document (canvas iframe, inserter preview, or wp-admin itself when the
 * editor is not iframed). The URL is the one the element's script module is registered with,
 * so a page that already loaded the module reuses it instead of defining the element twice.
 */
import { useCallback } from '@wordpress/element';

export interface EditorData {
  /** URL of build/elements/workos-login.js, with its version. */
  elementUrl: string;
  /** The element's strings in the editor's language (`i18n` attribute), JSON. */
  i18n: string;
}

declare global {
  interface Window {
    /** Printed by includes/surfaces/blocks.php before the block editor scripts. */
    workosLoginBlocks?: Partial<EditorData>;
  }
}

const SCRIPT_ID = 'workos-login-element-js-module';

export function editorData(): Partial<EditorData> {
  return window.workosLoginBlocks ?? {};
}

/** Loads the element's module into `doc` unless it is defined there or already on its way. */
export function loadElementInto(doc: Document): void {
  const win = doc.defaultView;
  const url = editorData().elementUrl;
  if (!win || !url || win.customElements.get('workos-login') || doc.getElementById(SCRIPT_ID)) return;
  const script = doc.createElement('script');
  script.type = 'module';
  script.id = SCRIPT_ID;
  script.src = url;
  doc.head.append(script);
}

/** A ref callback for the element: defines it in whichever document it lands in. */
export function useElementLoader(): (node: HTMLElement | null) => void {
  return useCallback((node: HTMLElement | null) => {
    if (node) loadElementInto(node.ownerDocument);
  }, []);
}
