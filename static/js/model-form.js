// What htmx cannot do on the model form: keep attributes of controls in step with the
// server's rule evaluation (without replacing the control the user is typing in),
// mirror sliders and colour pickers, preview chosen files, copy snippets, and generate on
// Ctrl/Cmd+Enter.
"use strict";

const CONTROL = "input:not([type=hidden]):not([type=range]):not([type=file]):not([data-mirror]), select, textarea";

function syncFormState(form, state) {
  const required = new Set(state.required || []);
  const invalid = new Set(state.invalid || []);
  for (const wrapper of form.querySelectorAll("[data-input]")) {
    const name = wrapper.dataset.input;
    if (required.has(name)) wrapper.dataset.required = "true";
    else delete wrapper.dataset.required;
    // Only this input's own controls: a LoRA row also holds its scale's controls.
    for (const control of wrapper.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (!control.matches(CONTROL)) continue;
      control.toggleAttribute("required", required.has(name));
      if (required.has(name)) control.setAttribute("aria-required", "true");
      else control.removeAttribute("aria-required");
      if (invalid.has(name)) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

document.addEventListener("scenario:form-state", (event) => {
  const form = document.getElementById("model-form");
  if (form) syncFormState(form, event.detail.value || event.detail);
});

// Sliders and colour swatches mirror a real control (named by data-mirror), both ways.
document.addEventListener("input", (event) => {
  const source = event.target;
  if (source.dataset && source.dataset.mirror) {
    delete source.dataset.empty;
    const target = document.getElementById(source.dataset.mirror);
    if (target) {
      target.value = source.value;
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }
    return;
  }
  if (source.id) {
    for (const mirror of document.querySelectorAll(`[data-mirror="${CSS.escape(source.id)}"]`)) {
      mirror.value = source.value;
      // A colour swatch holds black when the text is no colour: it shows "none" instead.
      if (mirror.type === "color") {
        mirror.toggleAttribute("data-empty", !/^#[0-9a-f]{6}$/i.test(source.value));
      }
    }
  }
});

// A chosen file: check its size against maxSize at once, and show a preview of images.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  const preview = document.getElementById(input.dataset.preview || "");
  if (preview) preview.replaceChildren();
  const limit = Number(input.dataset.maxSize || 0);
  for (const file of input.files) {
    if (limit && file.size > limit) {
      const note = document.createElement("p");
      note.className = "field__error";
      note.textContent = `${file.name} is larger than the ${Math.round(limit / 1048576)} MB limit.`;
      preview?.append(note);
      continue;
    }
    if (preview && file.type.startsWith("image/")) {
      const image = document.createElement("img");
      image.src = URL.createObjectURL(file);
      image.alt = `Preview of ${file.name}`;
      preview.append(image);
    }
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.textContent);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select the text to copy";
  }
});

// Inputs that change the price ask for a new estimate (the estimator debounces and
// drops stale answers through htmx's request sync).
for (const type of ["input", "change"]) {
  document.addEventListener(type, (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest("[data-cost-impact]")) return;
    const form = target.closest("form");
    if (form) form.dispatchEvent(new CustomEvent("cost-inputs-changed"));
  });
}

// Ctrl/Cmd+Enter generates from anywhere in the form (plain Enter does nothing: the
// form's first button is a disabled guard, so Enter never presses a row button).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
  const form = event.target instanceof Element ? event.target.closest("form[data-live-form]") : null;
  const generate = form?.querySelector('button[name="__submit"]');
  if (!generate || generate.disabled) return;
  event.preventDefault();
  form.requestSubmit(generate);
});
