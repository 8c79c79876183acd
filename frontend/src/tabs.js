// The studio's panels as tabs (WAI-ARIA tabs pattern: arrow keys, Home, End).
// On a wide screen the editor stays beside the other panels, so its tab is hidden.
const WIDE = "(min-width: 1000px)";

export function setUpTabs(root) {
  const tabs = [...root.querySelectorAll('[role="tab"]')];
  const wide = window.matchMedia(WIDE);
  const visible = () => tabs.filter((tab) => !(wide.matches && tab.hasAttribute("data-narrow-only")));

  function select(tab, { focus = false } = {}) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls"));
      const alwaysShown = wide.matches && other.hasAttribute("data-narrow-only");
      panel.hidden = !selected && !alwaysShown;
    }
    if (focus) tab.focus();
  }

  function selected() {
    return tabs.find((tab) => tab.getAttribute("aria-selected") === "true");
  }

  function layout() {
    root.classList.toggle("studio--wide", wide.matches);
    const current = selected();
    select(wide.matches && current.hasAttribute("data-narrow-only") ? tabs[1] : current);
  }

  root.addEventListener("click", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab);
  });
  root.addEventListener("keydown", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (!tab || !tabs.includes(tab)) return;
    const shown = visible();
    const index = shown.indexOf(tab);
    const moves = {
      ArrowRight: shown[(index + 1) % shown.length],
      ArrowLeft: shown[(index - 1 + shown.length) % shown.length],
      Home: shown[0],
      End: shown[shown.length - 1],
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key], { focus: true });
  });
  wide.addEventListener("change", layout);
  root.classList.add("studio--tabs");
  layout();

  return {
    show(panelId) {
      const tab = tabs.find((candidate) => candidate.getAttribute("aria-controls") === panelId);
      if (tab && !(wide.matches && tab.hasAttribute("data-narrow-only"))) select(tab);
    },
    isWide: () => wide.matches,
  };
}
