// "Status read from Scenario 3 s ago": the server writes the moment (<time data-age>); this
// keeps the words moving between polls, which answer 304 while nothing changed.
"use strict";

function describeAge(seconds) {
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}

setInterval(() => {
  for (const element of document.querySelectorAll("time[data-age]")) {
    const moment = Date.parse(element.getAttribute("datetime"));
    if (Number.isNaN(moment)) continue;
    element.textContent = describeAge(Math.max(0, Math.round((Date.now() - moment) / 1000)));
  }
}, 1000);
