/* Search over every node, drawn or not, by label and aliases (normalised as in
 * normalize.js): prefix matches first, then drawn, then most reported; Enter focuses
 * the first hit.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
var searchBox = document.getElementById("search");
var results = document.getElementById("results");
var lastResults = [];
var MAX_RESULTS = 30;

function search(query) {
  var q = searchKey(query);
  if (!q) return [];
  var hits = [];
  keys.forEach(function (ks, i) {
    var best = -1;
    ks.forEach(function (k) {
      var at = k.indexOf(q);
      if (at === 0) best = Math.max(best, 2); else if (at > 0) best = Math.max(best, 1);
    });
    if (best >= 0) hits.push({ i: i, rank: best });
  });
  hits.sort(function (a, b) {
    return b.rank - a.rank || (drawn[b.i] - drawn[a.i]) || ((NODES[b.i].weight || 0) - (NODES[a.i].weight || 0)) || a.i - b.i;
  });
  return hits.map(function (h) { return h.i; });
}

function runSearch() {
  lastResults = search(searchBox.value);
  renderResults();
  var visible = lastResults.filter(function (i) { return drawn[i] && !hidden[i]; });
  network.selectNodes(visible.slice(0, 200));
}

function renderResults() {
  results.replaceChildren();
  if (!searchBox.value.trim()) return;
  if (!lastResults.length) { results.appendChild(el("li", "muted", UI.no_results)); return; }
  lastResults.slice(0, MAX_RESULTS).forEach(function (i) {
    var li = el("li");
    li.appendChild(nodeLink(i, drawn[i] ? null : " " + UI.not_drawn));
    results.appendChild(li);
  });
  if (lastResults.length > MAX_RESULTS) results.appendChild(el("li", "muted", "… +" + (lastResults.length - MAX_RESULTS)));
}

var timer = null;
searchBox.addEventListener("input", function () {
  clearTimeout(timer);
  timer = setTimeout(runSearch, 120);
});
searchBox.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    clearTimeout(timer);
    runSearch();
    if (lastResults.length) focusNode(lastResults[0]);
  }
});
