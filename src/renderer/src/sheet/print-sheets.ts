import type { Paper } from './paper';

/** What the sheet view asks to print: the films shown, on the paper chosen. */
export type PrintRequest = { ids: readonly string[]; paper: Paper };

/**
 * THE PRINT HOOK POINT. For now the window prints itself (`window.print()`, the system dialog);
 * the sheet view's CSS already hides everything but the sheet and sets the paper.
 * The desktop issue replaces this body with a contract call (e.g. `sheet:print` / `sheet:save-pdf`)
 * that prints `ids` in a script-less window through `webContents.print` / `printToPDF`
 * (`preferCSSPageSize: true`, no header/footer templates: the running heads are CSS margin boxes),
 * using src/main/sheet/render-html.ts and paginate-catalogue.ts.
 */
export function printSheets(_request: PrintRequest): void {
  window.print();
}
