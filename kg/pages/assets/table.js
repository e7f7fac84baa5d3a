/* Hadath events table: one row per event, sorted by a clicked header, filtered by type,
 * status and a text box, and saved as CSV of the rows shown (made here, as a data: URL:
 * nothing is fetched). Rows come from kg/pages/table_page.py; parties and places are
 * positions in DATA.entities.
 * kg/pages/scripts.py inlines common.js, graph/normalize.js and then this, in one scope. */
var ENTS = DATA.entities;
var ROWS = DATA.events;
var ROW_HREF = /^(pages\/event\/[A-Za-z0-9_-]+\.html|graph\.html#[A-Za-z0-9%/._~-]+)$/;
var COLLATE = new Intl.Collator(DATA.lang).compare;
var LRI = "\u2066";
var PDI = "\u2069";

function entLabel(k) { return k === null || k === undefined ? null : ENTS[k].label; }
function typeName(t) { return S.event_types[t] || t; }
function statusName(s) { return S.statuses[s] || s; }

// What the text box matches: the event's title, its parties and its place, normalised.
var rowKeys = ROWS.map(function (r) {
  var words = [r.label].concat(r.parties.map(function (p) { return entLabel(p[0]); }));
  if (r.place !== null) words.push(entLabel(r.place));
  return searchKey(words.join(" "));
});

// ---- columns: heading, cell and sort key (null sorts last in either direction) ------------
function dateCell(td, r) {
  if (!r.date) { td.appendChild(el("span", "muted", UI.none)); return; }
  td.appendChild(ltr(r.date));
  // A week, a month or a year covers several days: the span is in the tooltip, isolated.
  if (r.begin !== r.end) td.title = fmt(UI.range, { from: LRI + r.begin + PDI, to: LRI + r.end + PDI });
}

function eventCell(td, r) {
  var href = ROW_HREF.test(r.href || "") ? r.href : null;
  var a = dataText(href ? "a" : "span", "event-link", r.label);
  if (href) a.href = href;
  td.appendChild(a);
}

function typeCell(td, r) {
  var b = el("span", "badge", typeName(r.type));
  b.style.background = nodeColor({ kind: "event", type: r.type });
  td.appendChild(b);
}

function partiesCell(td, r) {
  r.parties.forEach(function (p, k) {
    if (k) td.appendChild(document.createTextNode(SEP));
    var span = el("span", "party");
    var dot = el("span", "dot");
    dot.style.background = nodeColor(ENTS[p[0]]);
    span.appendChild(dot);
    span.appendChild(document.createTextNode(" "));
    span.appendChild(dataText("bdi", null, entLabel(p[0])));
    span.appendChild(el("span", "role", " (" + rolesText(p[1]) + ")"));
    td.appendChild(span);
  });
  if (r.parties_omitted) td.appendChild(el("span", "muted small", SEP + fmt(UI.more_parties, { n: r.parties_omitted })));
}

function placeCell(td, r) {
  if (r.place === null) td.appendChild(el("span", "muted", UI.none));
  else td.appendChild(dataText("bdi", null, entLabel(r.place)));
}

var COLUMNS = [
  { key: "date", title: UI.date, cls: "when", cell: dateCell,
    sort: function (r) { return r.begin ? r.begin + "/" + r.end : null; } },
  { key: "event", title: UI.event, cls: "event", cell: eventCell, sort: function (r) { return r.label; } },
  { key: "type", title: UI.type, cell: typeCell, sort: function (r) { return typeName(r.type); } },
  { key: "status", title: UI.status, cls: "status", cell: function (td, r) { td.textContent = statusName(r.status); },
    sort: function (r) { return statusName(r.status); } },
  { key: "parties", title: UI.parties, cell: partiesCell,
    sort: function (r) { return r.parties.length ? entLabel(r.parties[0][0]) : null; } },
  { key: "place", title: UI.place, cell: placeCell, sort: function (r) { return entLabel(r.place); } },
  { key: "sources", title: UI.sources, cls: "num", num: true, cell: function (td, r) { td.textContent = String(r.sources); },
    sort: function (r) { return r.sources; } },
  { key: "outlets", title: UI.outlets, cls: "num", num: true, cell: function (td, r) { td.textContent = String(r.outlets); },
    sort: function (r) { return r.outlets; } }
];

// ---- filters ---------------------------------------------------------------------------------
var typeBoxes = {};
var statusBoxes = {};

function countOf(key) {
  var c = {};
  ROWS.forEach(function (r) { c[r[key]] = (c[r[key]] || 0) + 1; });
  return c;
}

// Known values in their usual order, then any other the data holds.
function valuesOf(known, counts) {
  return known.filter(function (v) { return counts[v]; })
    .concat(Object.keys(counts).filter(function (v) { return known.indexOf(v) < 0; }).sort());
}

function checkbox(parent, boxes, value, text, color, count) {
  var dot = null;
  if (color) { dot = el("span", "dot"); dot.style.background = color; }
  filterCheckbox(parent, boxes, value, render, null, dot, text, "(" + count + ")");
}

var typeCounts = countOf("type");
valuesOf(Object.keys(TYPE_COLOR), typeCounts).forEach(function (t) {
  checkbox(document.getElementById("type-filters"), typeBoxes, t, typeName(t),
    nodeColor({ kind: "event", type: t }), typeCounts[t]);
});
var statusCounts = countOf("status");
valuesOf(Object.keys(S.statuses), statusCounts).forEach(function (s) {
  checkbox(document.getElementById("status-filters"), statusBoxes, s, statusName(s), null, statusCounts[s]);
});
var filterBox = document.getElementById("filter");
var filterTimer = null;
filterBox.addEventListener("input", function () {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(render, 100);
});

function shownRows() {
  var q = searchKey(filterBox.value);
  var out = [];
  ROWS.forEach(function (r, i) {
    if (!typeBoxes[r.type].checked || !statusBoxes[r.status].checked) return;
    if (q && rowKeys[i].indexOf(q) < 0) return;
    out.push(i);
  });
  return out;
}

// ---- sorting ---------------------------------------------------------------------------------
var sortColumn = 0;
var sortDir = 1;  // 1 ascending, -1 descending

function compareRows(col) {
  return function (a, b) {
    var x = col.sort(ROWS[a]);
    var y = col.sort(ROWS[b]);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;  // rows without a value last, either way
    } else {
      var c = col.num ? x - y : COLLATE(x, y);
      if (c) return sortDir * c;
    }
    // Ties in date order, then by id: the same rows always come out in the same order.
    var da = ROWS[a].begin || "~";
    var db = ROWS[b].begin || "~";
    if (da !== db) return da < db ? -1 : 1;
    return ROWS[a].id < ROWS[b].id ? -1 : ROWS[a].id > ROWS[b].id ? 1 : 0;
  };
}

var head = document.getElementById("head");
var headers = COLUMNS.map(function (col, k) {
  var th = el("th");
  th.scope = "col";
  th.dataset.key = col.key;
  var b = el("button", null, col.title);
  b.type = "button";
  b.title = UI.sort_hint;
  b.addEventListener("click", function () {
    sortDir = sortColumn === k ? -sortDir : (col.num ? -1 : 1);  // counts: most first
    sortColumn = k;
    render();
  });
  th.appendChild(b);
  head.appendChild(th);
  return th;
});

// ---- the rows --------------------------------------------------------------------------------
var tbody = document.getElementById("rows");
var shown = [];

function render() {
  shown = shownRows();
  shown.sort(compareRows(COLUMNS[sortColumn]));
  headers.forEach(function (th, k) {
    if (k === sortColumn) th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  });
  var frag = document.createDocumentFragment();
  shown.forEach(function (i) {
    var r = ROWS[i];
    var tr = el("tr", r.status === "planned" ? "planned" : null);
    tr.dataset.id = r.id;
    COLUMNS.forEach(function (col) {
      var td = el("td", col.cls);
      col.cell(td, r);
      tr.appendChild(td);
    });
    frag.appendChild(tr);
  });
  tbody.replaceChildren(frag);
  document.getElementById("empty").hidden = shown.length > 0;
  document.getElementById("counter").textContent = fmt(UI.table_shown, { n: shown.length, m: ROWS.length });
}

// ---- CSV of the rows shown, in their order ---------------------------------------------------
var CSV_COLUMNS = ["id", "date", "label", "type", "status", "parties", "parties_omitted", "place",
  "sources", "outlets"];
var FORMULA = /^[=+\-@\t\r]/;

// A spreadsheet runs a cell that starts with = + - @ as a formula (as in kg/export/events_csv.py).
function csvText(text) {
  var s = text === null || text === undefined ? "" : String(text);
  return FORMULA.test(s) ? "'" + s : s;
}

function csvCell(value) {
  var s = String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csv() {
  var lines = [CSV_COLUMNS.join(",")];
  shown.forEach(function (i) {
    var r = ROWS[i];
    var parties = [];
    r.parties.forEach(function (p) { p[1].forEach(function (role) { parties.push(role + ":" + entLabel(p[0])); }); });
    lines.push([
      r.id, r.date || "", csvText(r.label), r.type, r.status, csvText(parties.join("; ")),
      r.parties_omitted || 0, csvText(entLabel(r.place)), r.sources, r.outlets
    ].map(csvCell).join(","));
  });
  return lines.join("\r\n") + "\r\n";
}

// Made when clicked, so it holds the rows shown then; the BOM tells spreadsheets it is UTF-8.
var csvLink = document.getElementById("csv");
csvLink.addEventListener("click", function () {
  csvLink.href = "data:text/csv;charset=utf-8," + encodeURIComponent("\ufeff" + csv());
});

render();
window.hadath = {
  data: DATA,
  csv: csv,
  shownIds: function () { return shown.map(function (i) { return ROWS[i].id; }); },
  ready: true
};
requestAnimationFrame(function () {
  window.hadath.firstDrawMs = performance.now();
  document.documentElement.setAttribute("data-ready", "1");
});
