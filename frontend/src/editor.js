// The definition editor: CodeMirror 6 with line numbers, JSON highlighting, folding,
// bracket matching and the server's findings as error markers. It mirrors its text
// into the page's <textarea>, which stays the form control that is posted.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorSelection, EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";

export function createEditor({ parent, textarea, labelId, nonce, onChange }) {
  const readOnly = textarea.readOnly;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle),
        json(),
        // Tab is left to the browser, so keyboard users can leave the editor.
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...lintKeymap,
        ]),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.lineWrapping,
        EditorView.cspNonce.of(nonce || ""),
        // Focusable even read-only, so a keyboard can scroll a shared draft too.
        EditorView.contentAttributes.of({ "aria-labelledby": labelId, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          onChange();
        }),
      ],
    }),
  });
  return {
    view,
    showDiagnostics(diagnostics) {
      const length = view.state.doc.length;
      const inside = (diagnostics || []).map((item) => ({
        from: Math.min(item.from, length),
        to: Math.min(Math.max(item.to, item.from), length),
        severity: item.severity,
        message: item.message,
      }));
      view.dispatch(setDiagnostics(view.state, inside));
    },
    select(from, to) {
      const length = view.state.doc.length;
      const anchor = Math.min(from, length);
      view.dispatch({
        selection: EditorSelection.single(anchor, Math.min(Math.max(to, anchor), length)),
        effects: EditorView.scrollIntoView(anchor, { y: "center" }),
      });
      view.focus();
    },
  };
}
