// Bench hooks, injected after the anchor's probe.js into both pages (ours and the RJSF
// anchor), before any page script. Times are performance.now(), like the probe's.
//  - usable: our page is usable once htmx has bound the whole parsed document (its first
//    htmx:load on <body>, after every deferred script ran); the anchor marks its own
//    React mount (window.__anchor.marks).
//  - key: a keystroke handled, i.e. its input event has reached window after every page
//    listener ran (React's onChange included), and the next frame after that.
//  - loadFigures: what the page loaded (bytes on the wire) and built (DOM), once loaded.
//  - answer: our live form's answer handled: htmx has swapped the reply to a request of
//    #model-form (the required/invalid state included), and the next frame after that.
(() => {
  if (window.__bench) return;
  const probe = window.__probe;
  const bench = (window.__bench = { usableAt: null, usablePaintAt: null, key: null, answer: null });

  document.addEventListener('htmx:load', (event) => {
    if (bench.usableAt !== null || event.target !== document.body) return;
    bench.usableAt = performance.now();
    probe.afterNextPaint((rafAt, paintAt) => {
      bench.usablePaintAt = paintAt;
    });
  });

  bench.armKey = () => {
    bench.key = { keydownAt: null, inputAt: null, paintAt: null };
  };
  addEventListener(
    'keydown',
    () => {
      if (bench.key && bench.key.keydownAt === null) bench.key.keydownAt = performance.now();
    },
    true,
  );
  addEventListener('input', () => {
    const key = bench.key;
    if (!key || key.keydownAt === null || key.inputAt !== null) return;
    key.inputAt = performance.now();
    probe.afterNextPaint((rafAt, paintAt) => {
      key.paintAt = paintAt;
    });
  });

  bench.armAnswer = () => {
    bench.answer = { at: null, paintAt: null, ok: null };
  };
  document.addEventListener('htmx:afterRequest', (event) => {
    const answer = bench.answer;
    if (!answer || answer.at !== null || event.detail.elt.id !== 'model-form') return;
    answer.at = performance.now();
    answer.ok = event.detail.successful;
    probe.afterNextPaint((rafAt, paintAt) => {
      answer.paintAt = paintAt;
    });
  });

  bench.loadFigures = () => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const path = (url) => url.split('?')[0];
    return {
      transfer: [navigation, ...resources].reduce((sum, entry) => sum + entry.transferSize, 0),
      document: navigation.transferSize,
      code: resources.map((entry) => entry.name).filter((url) => /\.(js|css)$/.test(path(url))),
      domElements: document.getElementsByTagName('*').length,
      formControls: document.querySelectorAll('form input:not([type=hidden]), form textarea, form select')
        .length,
    };
  };
})();
