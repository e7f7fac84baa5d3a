/* Filters: kind and event-type boxes, a date range and undated events, which hide nodes
 * (an entity goes with its last visible event); the legend, the reset button, and the
 * counter of what is shown.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
var kindBoxes = {};
var typeBoxes = {};
var dateFrom = document.getElementById("date-from");
var dateTo = document.getElementById("date-to");
var undated = document.getElementById("undated");

function countBy(fn) {
  var c = {};
  NODES.forEach(function (n, i) { var k = fn(n, i); if (k) c[k] = (c[k] || 0) + 1; });
  return c;
}

function filterRow(parent, boxes, key, text, shape, color, count) {
  filterCheckbox(parent, boxes, key, applyFilters, "row", swatch(shape, color), text, String(count || 0));
}

// Counts of what the boxes toggle: the drawn nodes (search still covers the rest).
var kindCounts = countBy(function (n, i) { return drawn[i] && n.kind; });
var typeCounts = countBy(function (n, i) { return drawn[i] && n.type; });
var kindFilters = document.getElementById("kind-filters");
KIND_ORDER.forEach(function (k) {
  filterRow(kindFilters, kindBoxes, k, S.kinds[k], KIND_STYLE[k].shape, KIND_STYLE[k].color, kindCounts[k]);
});
var typeFilters = document.getElementById("type-filters");
TYPE_ORDER.forEach(function (t) {
  filterRow(typeFilters, typeBoxes, t, S.event_types[t], "diamond", TYPE_COLOR[t], typeCounts[t]);
});
var plannedRow = el("div", "row small muted");
plannedRow.appendChild(swatch("diamond", "#ffffff", true));
plannedRow.appendChild(el("span", null, UI.planned_legend));
typeFilters.appendChild(plannedRow);
var edgeLegend = document.getElementById("edge-legend");
[["role", UI.edge_role], ["place", UI.edge_place], ["affiliation", UI.edge_affiliation]].forEach(function (p) {
  var row = el("div", "row");
  var st = EDGE_STYLE[p[0]];
  row.appendChild(swatch("line", st.color, st.dashes ? st.dashes.join(",") : null));
  row.appendChild(el("span", null, p[1]));
  edgeLegend.appendChild(row);
});

var allDates = [];
NODES.forEach(function (n) { if (n.time && n.time.begin) allDates.push(n.time.begin, n.time.end || n.time.begin); });
allDates.sort();
if (allDates.length) {
  [dateFrom, dateTo].forEach(function (input) {
    input.min = allDates[0];
    input.max = allDates[allDates.length - 1];
  });
}

function eventPasses(n) {
  if (typeBoxes[n.type] && !typeBoxes[n.type].checked) return false;  // unknown types always pass
  var from = dateFrom.value;
  var to = dateTo.value;
  if (!n.time || !n.time.begin) return undated.checked;
  if (from && (n.time.end || n.time.begin) < from) return false;
  if (to && n.time.begin > to) return false;
  return true;
}

function computeHidden() {
  var passes = NODES.map(function (n) { return n.kind === "event" ? eventPasses(n) : true; });
  var eventFilterOn = !!(dateFrom.value || dateTo.value || !undated.checked) ||
    TYPE_ORDER.some(function (t) { return !typeBoxes[t].checked; });
  return NODES.map(function (n, i) {
    if (!kindBoxes[n.kind].checked) return true;
    if (n.kind === "event") return !passes[i];
    if (!eventFilterOn) return false;
    // With a type or date filter on, an entity stays only if one of its events does
    // (entities in no event at all, such as affiliations, always stay).
    var evs = adjacency[i].filter(function (a) { return NODES[a.other].kind === "event"; });
    return evs.length > 0 && !evs.some(function (a) { return passes[a.other]; });
  });
}

function applyFilters() {
  var next = computeHidden();
  var nodeChanges = [];
  NODES.forEach(function (n, i) {
    if (drawn[i] && next[i] !== hidden[i]) nodeChanges.push({ id: i, hidden: next[i] });
  });
  hidden = next;
  var edgeChanges = [];
  edgeSet.forEach(function (v) {
    var h = hidden[v.from] || hidden[v.to];
    if (h !== !!v.hidden) edgeChanges.push({ id: v.id, hidden: h });
  });
  if (nodeChanges.length) nodeSet.update(nodeChanges);
  if (edgeChanges.length) edgeSet.update(edgeChanges);
  updateCounter();
  updateTimeline();
}

// The date inputs filter as they change; reset clears every filter and the search
// (search.js) and fits the whole graph again.
[dateFrom, dateTo, undated].forEach(function (input) { input.addEventListener("change", applyFilters); });
[dateFrom, dateTo].forEach(function (input) { input.addEventListener("input", applyFilters); });
document.getElementById("reset").addEventListener("click", function () {
  Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].checked = true; });
  Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].checked = true; });
  dateFrom.value = "";
  dateTo.value = "";
  undated.checked = true;
  searchBox.value = "";
  runSearch();
  applyFilters();
  network.fit({ animation: false });
});

// The counter over the graph ("shown: N nodes, E links") and, on a big graph, the notice
// that only the best connected nodes are drawn.
function visibleCounts() {
  var n = 0;
  var e = 0;
  nodeSet.forEach(function (v) { if (!v.hidden) n += 1; });
  edgeSet.forEach(function (v) { if (!v.hidden) e += 1; });
  return { n: n, e: e };
}

function updateCounter() {
  var c = visibleCounts();
  document.getElementById("counter").textContent = fmt(UI.shown, c);
  state.shown = c;
}

var truncated = document.getElementById("truncated");
if (DATA.figures.nodes_drawn < DATA.figures.nodes_total) {
  truncated.hidden = false;
  truncated.textContent = fmt(UI.truncated, { n: DATA.figures.nodes_drawn, m: DATA.figures.nodes_total });
}
