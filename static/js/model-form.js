// What htmx cannot do on the model form: keep attributes of controls in step with the
// server's rule evaluation (without replacing the control the user is typing in),
// mirror sliders and colour pickers, preview chosen files, copy snippets, and generate on
// Ctrl/Cmd+Enter.
"use strict";

const CONTROL = "input:not([type=hidden]):not([type=range]):not([type=file]):not([data-mirror]), select, textarea";

// Only the inputs whose verdict changed are touched: on a 200-input form, rewriting every
// control's attributes on each answer cost more than the answer itself. What is shown now
// is read from the page (a reshaped form arrives already drawn by the server).
function syncFormState(form, state) {
  const required = new Set(state.required || []);
  const invalid = new Set(state.invalid || []);
  const shownRequired = new Set();
  for (const wrapper of form.querySelectorAll("[data-input][data-required]")) {
    shownRequired.add(wrapper.dataset.input);
  }
  const shownInvalid = new Set();
  for (const control of form.querySelectorAll("[aria-invalid=true][name]")) {
    shownInvalid.add(control.name);
  }
  const changed = new Set();
  for (const [now, shown] of [[required, shownRequired], [invalid, shownInvalid]]) {
    for (const name of now) if (!shown.has(name)) changed.add(name);
    for (const name of shown) if (!now.has(name)) changed.add(name);
  }
  for (const name of changed) {
    const wrapper = form.querySelector(`[data-input="${CSS.escape(name)}"]`);
    if (!wrapper) continue;
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

// A chosen file is checked against maxSize, then uploaded at once with its progress shown.
// The field then holds the asset id and the form is redrawn to show it: nothing depends on
// the browser keeping the file, and Generate never sends it again.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.type === "file") chooseFiles(input, [...input.files]);
});

// Files chosen, pasted or dropped for the file control `input`.
function chooseFiles(input, files) {
  const status = document.getElementById(input.dataset.preview || "");
  if (!status) return;
  status.replaceChildren();
  const limit = Number(input.dataset.maxSize || 0);
  const fitting = [];
  for (const file of files) {
    if (limit && file.size > limit) {
      say(status, `${file.name} is larger than the ${Math.round(limit / 1048576)} MB limit.`);
    } else {
      fitting.push(file);
    }
  }
  if (input.dataset.uploadUrl) {
    input.value = "";
    uploadAll(input, fitting, status);
    return;
  }
  for (const file of fitting) {
    if (!file.type.startsWith("image/")) continue;
    const image = document.createElement("img");
    image.src = URL.createObjectURL(file);
    image.alt = `Preview of ${file.name}`;
    status.append(image);
  }
}

// The file control of the field around `element`, when it uploads at once.
function uploaderNear(element) {
  const field = element instanceof Element ? element.closest(".field--file, .field--file_array") : null;
  return field?.querySelector("input[type=file][data-upload-url]") || null;
}

// Ctrl+V of an image (or any file) into a file field uploads it.
document.addEventListener("paste", (event) => {
  const input = uploaderNear(event.target);
  const files = [...(event.clipboardData?.files || [])];
  if (!input || !files.length) return;
  event.preventDefault();
  chooseFiles(input, input.multiple ? files : files.slice(0, 1));
});

// Files dropped on a file field upload too.
document.addEventListener("dragover", (event) => {
  const input = uploaderNear(event.target);
  if (!input || !event.dataTransfer?.types.includes("Files")) return;
  event.preventDefault();
  input.closest(".field")?.classList.add("field--drop");
});
document.addEventListener("dragleave", (event) => {
  if (event.target instanceof Element) event.target.closest(".field--drop")?.classList.remove("field--drop");
});
document.addEventListener("drop", (event) => {
  const input = uploaderNear(event.target);
  const files = [...(event.dataTransfer?.files || [])];
  if (!input || !files.length) return;
  event.preventDefault();
  input.closest(".field")?.classList.remove("field--drop");
  chooseFiles(input, input.multiple ? files : files.slice(0, 1));
});

// The picker: one of the user's files fills the field; its search asks as one types.
document.addEventListener("click", (event) => {
  const choice = event.target instanceof Element ? event.target.closest("[data-pick-asset]") : null;
  const form = choice?.closest("form");
  if (!choice || !form) return;
  const name = choice.dataset.fills;
  const uploader = form.querySelector(`input[type=file][data-fills="${CSS.escape(name)}"]`);
  fillWith(form, name, [choice.dataset.pickAsset], Boolean(uploader?.multiple));
  redraw(form, name);
});
let pickerSearch = 0;
document.addEventListener("input", (event) => {
  const search = event.target;
  if (!(search instanceof HTMLInputElement) || !search.dataset.pickerSearch) return;
  clearTimeout(pickerSearch);
  pickerSearch = setTimeout(() => {
    const url = `${search.dataset.pickerSearch}&q=${encodeURIComponent(search.value.trim())}`;
    htmx.ajax("GET", url, { target: `#${search.dataset.pickerTarget}`, swap: "innerHTML" });
  }, 300);
});

function say(status, message) {
  const note = document.createElement("p");
  note.className = "field__error";
  note.textContent = message;
  status.append(note);
}

async function uploadAll(input, files, status) {
  const form = input.form;
  const ids = [];
  for (const file of files) {
    const assetId = await uploadOne(input, file, status, form);
    if (assetId) ids.push(assetId);
  }
  if (!ids.length || !form) return;
  fillWith(form, input.dataset.fills, ids, input.multiple);
  redraw(form, input.dataset.fills);
}

function uploadOne(input, file, status, form) {
  const row = document.createElement("p");
  row.className = "upload__progress";
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute("aria-label", `Uploading ${file.name}`);
  row.append(`Uploading ${file.name} `, bar);
  status.append(row);
  const failed = (message) => {
    row.remove();
    say(status, message);
    return null;
  };
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", input.dataset.uploadUrl);
    request.setRequestHeader("X-CSRFToken", form?.querySelector("[name=csrfmiddlewaretoken]")?.value || "");
    request.responseType = "json";
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) bar.value = (100 * progress.loaded) / progress.total;
    });
    request.addEventListener("error", () => resolve(failed(`${file.name}: the upload broke off. Choose the file again.`)));
    request.addEventListener("load", async () => {
      const answer = request.response || {};
      if (request.status === 200) {
        row.remove();
        resolve(answer.assetId);
      } else if (request.status === 202) {
        bar.removeAttribute("value");
        resolve(await settled(answer.stateUrl, file, row, failed));
      } else {
        resolve(failed(answer.message || `${file.name} was not uploaded (HTTP ${request.status}).`));
      }
    });
    const body = new FormData();
    body.append("file", file);
    request.send(body);
  });
}

// Scenario makes the asset after the upload: ask again until it is there or refused.
async function settled(stateUrl, file, row, failed) {
  for (;;) {
    await new Promise((done) => setTimeout(done, 1500));
    let response;
    try {
      response = await fetch(stateUrl, { headers: { Accept: "application/json" } });
    } catch {
      return failed(`${file.name}: could not check the upload. Choose the file again.`);
    }
    const answer = await response.json().catch(() => ({}));
    if (response.status === 200) {
      row.remove();
      return answer.assetId;
    }
    if (response.status !== 202) return failed(answer.message || `${file.name} was not uploaded.`);
  }
}

// The asset ids go into the field's empty controls, else into new ones the redraw shows.
function fillWith(form, name, ids, multiple) {
  const controls = [...form.querySelectorAll(`input[type=text][name="${CSS.escape(name)}"]`)];
  if (!multiple) {
    if (controls[0]) controls[0].value = ids[ids.length - 1];
    return;
  }
  for (const assetId of ids) {
    const empty = controls.find((control) => !control.value.trim());
    if (empty) {
      empty.value = assetId;
      controls.splice(controls.indexOf(empty), 1);
      continue;
    }
    const extra = document.createElement("input");
    extra.type = "hidden";
    extra.name = name;
    extra.value = assetId;
    form.append(extra);
  }
}

function redraw(form, name) {
  htmx.ajax("POST", form.getAttribute("hx-post"), {
    source: form,
    target: "#model-form",
    swap: "outerHTML",
    values: { __action: `refresh:${name}` },
  });
}

// Remove empties the control an asset fills, and its preview goes with it.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-clear-asset]") : null;
  if (!button) return;
  const control = document.getElementById(button.dataset.clearAsset);
  const preview = button.closest(".asset-slot") || button.closest(".asset-preview");
  if (control) {
    control.value = "";
    control.dispatchEvent(new Event("input", { bubbles: true }));
    control.focus();
  }
  preview?.remove();
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

// "Use this prompt": the suggestion replaces what was typed only now, and the form
// re-checks it like any typing; "Dismiss" clears the offer.
document.addEventListener("click", (event) => {
  const use = event.target.closest("[data-use-prompt]");
  const dismiss = event.target.closest("[data-dismiss]");
  if (use) {
    const field = document.getElementById(use.dataset.usePrompt);
    const suggestion = document.getElementById(use.dataset.suggestion);
    if (!field || !suggestion) return;
    field.value = suggestion.textContent;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    document.getElementById(`${use.dataset.usePrompt}-spark`)?.replaceChildren();
    field.focus();
  } else if (dismiss) {
    document.getElementById(dismiss.dataset.dismiss)?.replaceChildren();
  }
});
