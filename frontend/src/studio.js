// The model-author studio: the editor, the panels as tabs, and what ties them to the
// server's answers (findings, diagnostics, the preview's touched controls).
import { createEditor } from "./editor.js";
import { setUpTabs } from "./tabs.js";

const nonce = document.currentScript && document.currentScript.nonce;
const HIGHLIGHT_MS = 2500;

function start() {
  const root = document.querySelector("[data-studio]");
  if (!root) return;
  const textarea = document.getElementById("studio-definition");
  const sync = document.getElementById("studio-sync");
  const touched = document.getElementById("studio-touched");
  const saveState = () => document.getElementById("studio-save-state");
  const tabs = setUpTabs(root);

  const editor = createEditor({
    parent: document.getElementById("studio-editor"),
    textarea,
    labelId: "editor-title",
    nonce,
    onChange() {
      const state = saveState();
      if (state) {
        state.textContent = "Saving…";
        state.classList.remove("save-state--error");
      }
      if (sync) sync.dispatchEvent(new CustomEvent("definition-changed"));
    },
  });
  root.classList.add("studio--editor-ready");
  const initial = document.getElementById("studio-diagnostics");
  if (initial) editor.showDiagnostics(JSON.parse(initial.textContent));

  document.body.addEventListener("studio:diagnostics", (event) => {
    editor.showDiagnostics(event.detail.diagnostics);
  });

  // A finding: the editor's cursor goes there, the part of the form it concerns lights up.
  root.addEventListener("click", (event) => {
    const finding = event.target.closest("[data-finding]");
    if (!finding) return;
    highlightInPreview(finding.dataset.targetInput, finding.dataset.targetComponent);
    tabs.show("panel-editor");
    editor.select(Number(finding.dataset.from), Number(finding.dataset.to));
  });

  // Controls the author changed in the preview keep their values when the definition changes.
  const names = new Set();
  for (const type of ["input", "change"]) {
    root.addEventListener(type, (event) => {
      const control = event.target;
      if (!control.name || !control.closest("#model-form")) return;
      names.add(control.name);
      touched.value = [...names].join(" ");
    });
  }

  // The preview's Generate button runs the draft in the sandbox, from the API tab (which,
  // on someone else's shared draft, says how to get a copy to run).
  root.addEventListener("submit", (event) => {
    if (event.target.id !== "model-form") return;
    if (event.submitter && event.submitter.name === "__action") return;
    event.preventDefault();
    tabs.show("panel-api");
    const run = document.getElementById("studio-test-run");
    if (run) run.click();
  });
}

function highlightInPreview(inputName, component) {
  const form = document.getElementById("model-form");
  if (!form) return;
  let target = null;
  if (inputName) target = form.querySelector(`[data-input="${CSS.escape(inputName)}"]`);
  if (!target && component) target = form.querySelector(`[data-component="${CSS.escape(component)}"]`);
  for (const old of form.querySelectorAll(".is-highlighted")) old.classList.remove("is-highlighted");
  if (!target) return;
  target.classList.add("is-highlighted");
  target.scrollIntoView({ block: "nearest" });
  window.setTimeout(() => target.classList.remove("is-highlighted"), HIGHLIGHT_MS);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
