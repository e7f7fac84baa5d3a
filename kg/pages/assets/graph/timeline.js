/* The timeline strip under the graph: every dated event as a mark at its date (time runs
 * with the reading direction), dimmed when filtered out, clickable to focus it. The axis
 * spans where the news is (DATA.timeline, from kg/pages/page_data.py: the central dates),
 * and the events outside it are counted at its edges, "n earlier" and "n later"; either
 * count, clicked, widens the axis to every date (and back).
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
var timelineFull = false;
var timelineRange = null;

function dayNumber(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }
// The middle day of an event's date, as kg/pages/page_data.py counts it (whole days).
function middleDay(t) {
  var b = dayNumber(t.begin);
  return b + Math.floor((dayNumber(t.end || t.begin) - b) / 2);
}
function isoDay(day) { return new Date(Math.round(day) * 86400000).toISOString().slice(0, 10); }

// The days the axis covers and how many dated events fall before and after them.
function axisRange() {
  var lo = Infinity;
  var hi = -Infinity;
  dated.forEach(function (i) {
    var m = middleDay(NODES[i].time);
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  });
  var all = { lo: lo, hi: hi, earlier: 0, later: 0 };
  if (!DATA.timeline) return all;
  var zoomed = { lo: dayNumber(DATA.timeline.from), hi: dayNumber(DATA.timeline.to), earlier: 0, later: 0 };
  dated.forEach(function (i) {
    var m = middleDay(NODES[i].time);
    if (m < zoomed.lo) zoomed.earlier += 1;
    else if (m > zoomed.hi) zoomed.later += 1;
  });
  all.zoomable = zoomed.earlier + zoomed.later > 0;
  return timelineFull && all.zoomable ? all : zoomed;
}

// An edge badge: a count of events off the axis, or the way back to the zoomed axis.
function edgeBadge(cls, text) {
  var b = el("button", "tl-edge " + cls, text);
  b.type = "button";
  b.title = timelineFull ? UI.timeline_zoom : UI.timeline_all;
  b.addEventListener("click", function () { timelineFull = !timelineFull; renderTimeline(); });
  strip.appendChild(b);
}

function renderTimeline() {
  strip.replaceChildren();
  marks = {};
  timelineRange = null;
  if (!dated.length) return;
  var W = Math.max(200, strip.clientWidth || 800);
  var H = 70;
  var range = axisRange();
  var pad = range.earlier || range.later || range.zoomable ? 80 : 40;  // room for the edge badges
  timelineRange = {
    from: isoDay(range.lo), to: isoDay(range.hi), earlier: range.earlier, later: range.later, full: timelineFull
  };
  var lo = range.lo;
  var hi = range.hi;
  if (hi - lo < 2) { lo -= 1; hi += 1; }  // one day's news in the middle, not at an edge
  var span = hi - lo;
  function x(day) {
    var v = pad + ((day - lo) / span) * (W - 2 * pad);
    return RTL ? W - v : v;  // time runs with the reading direction
  }
  var root = svgEl("svg", { viewBox: "0 0 " + W + " " + H, direction: "ltr" });
  root.appendChild(svgEl("line", { x1: pad / 2, y1: H - 14, x2: W - pad / 2, y2: H - 14 }));
  [range.lo, (range.lo + range.hi) / 2, range.hi].forEach(function (day, k) {
    var days = range.hi - range.lo;
    if ((k === 1 && days < 2) || (k === 2 && days < 1)) return;  // one label for a day, two for two
    var t = svgEl("text", { x: x(day), y: H - 2, "text-anchor": "middle" });
    t.textContent = isoDay(day);
    root.appendChild(t);
  });
  var stack = {};
  dated.slice().sort(function (a, b) {
    return NODES[b].weight - NODES[a].weight || a - b;  // best reported nearest the axis
  }).forEach(function (i) {
    var n = NODES[i];
    var mid = middleDay(n.time);
    if (mid < range.lo || mid > range.hi) return;  // counted at the edge
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
  if (range.earlier) edgeBadge("earlier", fmt(UI.timeline_earlier, { n: range.earlier }));
  if (range.later) edgeBadge("later", fmt(UI.timeline_later, { n: range.later }));
  if (range.zoomable) edgeBadge("earlier", UI.timeline_zoom);
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
