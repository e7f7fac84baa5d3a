/* The timeline strip under the graph: every dated event as a mark at its date (time runs
 * with the reading direction), dimmed when filtered out, clickable to focus it.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
var strip = document.getElementById("timeline-strip");
var dated = [];
var undatedCount = 0;
NODES.forEach(function (n, i) {
  if (n.kind !== "event") return;
  if (n.time && n.time.value && n.time.begin) dated.push(i); else undatedCount += 1;
});
document.getElementById("timeline-undated").textContent = fmt(UI.timeline_undated, { n: undatedCount });
var marks = {};

function dayNumber(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }

function renderTimeline() {
  strip.replaceChildren();
  marks = {};
  if (!dated.length) return;
  var W = Math.max(200, strip.clientWidth || 800);
  var H = 70;
  var pad = 40;
  var lo = Infinity;
  var hi = -Infinity;
  dated.forEach(function (i) {
    var t = NODES[i].time;
    lo = Math.min(lo, dayNumber(t.begin));
    hi = Math.max(hi, dayNumber(t.end || t.begin));
  });
  var span = Math.max(1, hi - lo);
  function x(day) {
    var v = pad + ((day - lo) / span) * (W - 2 * pad);
    return RTL ? W - v : v;  // time runs with the reading direction
  }
  var root = svgEl("svg", { viewBox: "0 0 " + W + " " + H, direction: "ltr" });
  root.appendChild(svgEl("line", { x1: pad / 2, y1: H - 14, x2: W - pad / 2, y2: H - 14 }));
  [lo, lo + span / 2, hi].forEach(function (day, k) {
    if (k === 1 && span < 2) return;
    var t = svgEl("text", { x: x(day), y: H - 2, "text-anchor": "middle" });
    t.textContent = new Date(Math.round(day) * 86400000).toISOString().slice(0, 10);
    root.appendChild(t);
  });
  var stack = {};
  dated.slice().sort(function (a, b) {
    return NODES[b].weight - NODES[a].weight || a - b;  // best reported nearest the axis
  }).forEach(function (i) {
    var n = NODES[i];
    var mid = (dayNumber(n.time.begin) + dayNumber(n.time.end || n.time.begin)) / 2;
    var cx = x(mid);
    var bucket = Math.round(cx / 7);
    var level = stack[bucket] = (stack[bucket] || 0) + 1;
    var mark = svgEl("circle", {
      "class": "mark", cx: cx, cy: H - 20 - 7 * Math.min(level - 1, 6), r: 3.5, "data-id": n.id
    });
    mark.setAttribute("fill", nodeColor(n));
    if (n.status === "planned") mark.setAttribute("stroke-dasharray", "2,1");
    var title = svgEl("title", {});
    title.textContent = n.label + " · " + n.time.value;
    mark.appendChild(title);
    mark.addEventListener("click", function () { focusNode(i); updateTimeline(); });
    marks[i] = mark;
    root.appendChild(mark);
  });
  strip.appendChild(root);
  updateTimeline();
}

function updateTimeline() {
  Object.keys(marks).forEach(function (k) {
    var i = Number(k);
    marks[k].classList.toggle("off", !!hidden[i]);
    marks[k].classList.toggle("selected", i === selected);
  });
}

var resizeTimer = null;
window.addEventListener("resize", function () {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(renderTimeline, 150);
});
renderTimeline();
