/* Hadath entity/event page: builds the page from the embedded data. Links are only the
 * relative page links the build wrote (checked against their pattern here too) and
 * article URLs that are http(s).
 * kg/pages/scripts.py inlines common.js and then this, in one function scope. */
var PAGE_HREF = /^\.\.\/(entity|event)\/[A-Za-z0-9_-]+\.html$/;
var RING1_MAX = 40;
var RING2_MAX = 80;

// ---- helpers of this page ------------------------------------------------------------------
function pageHref(ref) {
  return ref && typeof ref.href === "string" && PAGE_HREF.test(ref.href) ? ref.href : null;
}

// A node as a link to its page (a plain label when it has none).
function link(ref) {
  var href = pageHref(ref);
  var a = el(href ? "a" : "span", "node-link");
  if (href) a.href = href;
  var dot = el("span", "dot");
  dot.style.background = nodeColor(ref);
  a.appendChild(dot);
  a.appendChild(dataText("bdi", null, ref.label));
  return a;
}

function section(id, title) {
  var s = el("section");
  s.id = id;
  if (title) s.appendChild(el("h2", null, title));
  page.appendChild(s);
  return s;
}

function badge(text, bg) {
  var b = el("span", "badge", text);
  b.style.background = bg;
  return b;
}

// ---- the neighbourhood, as SVG -------------------------------------------------------------
function short(text) { return text.length > 26 ? text.slice(0, 25) + "…" : text; }

function svgNode(parent, ref, x, y, r, centre) {
  var href = centre ? null : pageHref(ref);
  var g = svgEl(href ? "a" : "g", { "class": centre ? "centre" : "nb" });
  if (href) { g.setAttribute("href", href); g.setAttribute("data-id", ref.id); }
  var title = svgEl("title");
  title.textContent = ref.label;
  g.appendChild(title);
  var shape = ref.kind === "event"
    ? svgEl("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, transform: "rotate(45 " + x + " " + y + ")" })
    : svgEl("circle", { cx: x, cy: y, r: r });
  shape.setAttribute("fill", nodeColor(ref));
  if (ref.status === "planned") {
    shape.setAttribute("stroke", "#222");
    shape.setAttribute("stroke-dasharray", "3,2");
  }
  g.appendChild(shape);
  // An invisible area over the shape and the gap to its label: the middle of a link's box
  // (where a pointer, or a test's click, lands) is always on the link, never between.
  if (href) {
    g.appendChild(svgEl("rect", {
      "class": "hit", x: x - r - 4, y: y - r - 4, width: 2 * r + 8, height: 2 * r + 26, fill: "none"
    }));
  }
  var t = svgEl("text", { x: x, y: y + r + 14, "text-anchor": "middle" });
  t.textContent = short(ref.label);
  g.appendChild(t);
  parent.appendChild(g);
}

// centre: the page's node; ring1: [{ref, label}] (label on the edge to the centre);
// ring2: [{ref, parents: [ring1 index]}].
function drawNeighbourhood(box, centre, ring1, ring2) {
  var n1 = ring1.length;
  var n2 = ring2.length;
  var r1 = Math.max(150, (n1 * 46) / (2 * Math.PI));
  var r2 = n2 ? Math.max(r1 + 150, (n2 * 34) / (2 * Math.PI)) : r1;
  var R = r2 + 120;
  // A group, not an image: an image's children are hidden from assistive technology, and
  // these are links.
  var root = svgEl("svg", { id: "neigh-svg", viewBox: [-R, -R, 2 * R, 2 * R].join(" "), role: "group" });
  root.setAttribute("aria-label", UI.neighbourhood);
  root.style.maxWidth = Math.round(2 * R * 1.4) + "px";  // small neighbourhoods stay small
  var edges = svgEl("g");
  var labels = svgEl("g");
  var nodes = svgEl("g");
  root.appendChild(edges);
  root.appendChild(labels);
  root.appendChild(nodes);
  var a1 = ring1.map(function (_, i) { return -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n1); });
  var p1 = a1.map(function (a) { return [r1 * Math.cos(a), r1 * Math.sin(a)]; });
  // Outer ring: each node near the mean direction of its parents, then spread evenly in that order.
  var wanted = ring2.map(function (item) {
    var sx = 0, sy = 0;
    item.parents.forEach(function (j) { sx += Math.cos(a1[j]); sy += Math.sin(a1[j]); });
    return Math.atan2(sy, sx);
  });
  var order = ring2.map(function (_, i) { return i; }).sort(function (a, b) { return wanted[a] - wanted[b]; });
  var shift = 0;
  order.forEach(function (i, k) { shift += (wanted[i] - (2 * Math.PI * k) / n2) / Math.max(1, n2); });
  var p2 = [];
  order.forEach(function (i, k) {
    var a = shift + (2 * Math.PI * k) / n2;
    p2[i] = [r2 * Math.cos(a), r2 * Math.sin(a)];
  });
  ring2.forEach(function (item, i) {
    item.parents.forEach(function (j) {
      edges.appendChild(svgEl("line", { x1: p1[j][0], y1: p1[j][1], x2: p2[i][0], y2: p2[i][1] }));
    });
  });
  ring1.forEach(function (item, j) {
    edges.appendChild(svgEl("line", { x1: 0, y1: 0, x2: p1[j][0], y2: p1[j][1] }));
    if (item.label) {
      var t = svgEl("text", { "class": "edge", x: p1[j][0] * 0.55, y: p1[j][1] * 0.55, "text-anchor": "middle" });
      t.textContent = item.label;
      labels.appendChild(t);
    }
  });
  svgNode(nodes, centre, 0, 0, 14, true);
  ring1.forEach(function (item, j) { svgNode(nodes, item.ref, p1[j][0], p1[j][1], 10, false); });
  ring2.forEach(function (item, i) { svgNode(nodes, item.ref, p2[i][0], p2[i][1], 8, false); });
  box.appendChild(root);
}

// ---- header --------------------------------------------------------------------------------
var page = document.getElementById("page");
var top = document.getElementById("top");
var home = el("a", null, UI.whole_graph);
home.href = "../../graph.html";
home.id = "home";
top.appendChild(home);
var node = DATA.node;
top.appendChild(dataText("h1", null, node.label));
top.appendChild(node.kind === "event"
  ? badge(S.event_types[node.type] || node.type, nodeColor(node))
  : badge(S.kinds[node.kind] || node.kind, nodeColor(node)));

// ---- an entity's page ------------------------------------------------------------------------
function withOthers(item) {
  var span = el("span", "with");
  if (!item.others.length) return span;
  span.appendChild(el("span", "muted", UI.others + ": "));
  item.others.forEach(function (o, k) {
    if (k) span.appendChild(document.createTextNode(SEP));
    span.appendChild(link(o));
    span.appendChild(el("span", "role", " (" + rolesText(o.roles) + ")"));
  });
  if (item.others_omitted) span.appendChild(el("span", "muted", SEP + fmt(UI.omitted, { n: item.others_omitted })));
  return span;
}

function eventLine(item, when) {
  var li = el("li");
  li.appendChild(when);
  var body = el("div");
  body.appendChild(badge(S.event_types[item.type] || item.type, nodeColor(item)));
  body.appendChild(link(item));
  body.appendChild(el("span", "role", " — " + rolesText(item.roles)));
  if (item.status === "planned") body.appendChild(el("span", "muted small", " · " + S.statuses.planned));
  var w = withOthers(item);
  if (w.childNodes.length) { body.appendChild(el("br")); body.appendChild(w); }
  li.appendChild(body);
  return li;
}

function entityPage() {
  var facts = section("facts");
  var dl = el("dl", "facts");
  fact(dl, UI.kind, (S.kinds[node.kind] || node.kind) + (node.subtype ? " (" + node.subtype + ")" : ""));
  fact(dl, UI.aliases, node.aliases.length ? dataText("bdi", null, node.aliases.join(" · ")) : UI.none);
  fact(dl, UI.affiliation, node.affiliation ? link(node.affiliation) : UI.none);
  fact(dl, UI.articles, String(node.articles));
  fact(dl, "id", ltr(node.id));
  facts.appendChild(dl);

  if (node.titles.length) {
    var ts = section("titles", UI.titles);
    var tl = el("ul", "plain");
    node.titles.forEach(function (t) {
      var li = el("li");
      li.appendChild(dataText("bdi", null, t.title));
      if (t.affiliation) {
        li.appendChild(el("span", "muted", " — "));
        li.appendChild(link(t.affiliation));
      }
      var seen = el("span", "muted small", " · " + UI.seen + ": ");
      seen.appendChild(t.first || t.last ? dateRange(t.first, t.last) : ltr("?"));
      li.appendChild(seen);
      tl.appendChild(li);
    });
    ts.appendChild(tl);
  }

  var all = DATA.timeline.concat(DATA.undated);
  var nb = section("neighbourhood", UI.neighbourhood);
  if (!all.length) {
    nb.appendChild(el("p", "muted", UI.no_events));
  } else {
    // Most reported events first when there are too many to draw.
    var ring1Items = all.slice().sort(function (a, b) { return b.sources - a.sources; }).slice(0, RING1_MAX);
    var seen2 = {};
    var ring2 = [];
    var ring1 = ring1Items.map(function (item, j) {
      item.others.forEach(function (o) {
        if (!(o.id in seen2)) {
          if (ring2.length >= RING2_MAX) return;
          seen2[o.id] = ring2.length;
          ring2.push({ ref: o, parents: [] });
        }
        ring2[seen2[o.id]].parents.push(j);
      });
      return { ref: item, label: rolesText(item.roles) };
    });
    var othersTotal = {};
    all.forEach(function (item) { item.others.forEach(function (o) { othersTotal[o.id] = 1; }); });
    var shown = ring1.length + ring2.length;
    var total = all.length + Object.keys(othersTotal).length;
    if (shown < total) nb.appendChild(el("p", "muted small", fmt(UI.showing, { n: shown, m: total })));
    drawNeighbourhood(nb, node, ring1, ring2);
  }

  var tsec = section("timeline", UI.timeline + " (" + DATA.timeline.length + ")");
  var ol = el("ol", "plain timeline");
  DATA.timeline.forEach(function (item) {
    var when = el("span", "when");
    when.appendChild(ltr(item.time.value));
    ol.appendChild(eventLine(item, when));
  });
  tsec.appendChild(ol);
  if (DATA.undated.length) {
    tsec.appendChild(el("h3", null, UI.undated_events + " (" + DATA.undated.length + ")"));
    var ul = el("ol", "plain timeline undated");
    DATA.undated.forEach(function (item) {
      var when = el("span", "when");
      when.appendChild(item.time ? dateText(item.time) : el("span", null, S.precisions.unresolved));
      ul.appendChild(eventLine(item, when));
    });
    tsec.appendChild(ul);
  }
  // Lists are bounded per article (kg/pages/bounds.py): say what was left out.
  if (DATA.events_omitted) tsec.appendChild(el("p", "muted small", fmt(UI.omitted, { n: DATA.events_omitted })));

  if (DATA.members.length) {
    var ms = section("members", UI.members + " (" + DATA.members.length + ")");
    var ml = el("ul", "plain");
    DATA.members.forEach(function (m) { var li = el("li"); li.appendChild(link(m)); ml.appendChild(li); });
    ms.appendChild(ml);
  }
}

// ---- an event's page -----------------------------------------------------------------------
function eventPage() {
  var facts = section("facts");
  var dl = el("dl", "facts");
  fact(dl, UI.type, S.event_types[node.type] || node.type);
  fact(dl, UI.date, dateWithSource(node.time, node.date_source));
  fact(dl, UI.status, S.statuses[node.status] || node.status);
  fact(dl, UI.place, node.place ? link(node.place) : UI.none);
  fact(dl, "id", ltr(node.id));
  facts.appendChild(dl);

  var as = section("actors", UI.actors + " (" + DATA.actors.length + ")");
  var ul = el("ul", "plain");
  DATA.actors.forEach(function (a) {
    var li = el("li");
    li.appendChild(el("span", "role", rolesText(a.roles) + ": "));
    li.appendChild(link(a));
    ul.appendChild(li);
  });
  as.appendChild(ul);
  if (DATA.actors_omitted) as.appendChild(el("p", "muted small", fmt(UI.omitted, { n: DATA.actors_omitted })));

  var ring1 = DATA.actors.map(function (a) { return { ref: a, label: rolesText(a.roles) }; });
  if (node.place && node.place.kind) ring1.push({ ref: node.place, label: UI.place });
  if (ring1.length) drawNeighbourhood(section("neighbourhood", UI.neighbourhood), node, ring1, []);

  var ss = section("sources", UI.sources + " (" + DATA.sources.length + ")");
  DATA.sources.forEach(function (src) {
    var div = el("div", "source");
    var url = safeUrl(src.url);
    var headline = src.title || src.url || src.article;
    if (url) {
      var a = dataText("a", "headline", headline);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      div.appendChild(a);
    } else {
      div.appendChild(dataText("div", "headline", headline));
      if (src.url) div.appendChild(dataText("div", "muted small", src.url));
    }
    var meta = el("div", "muted small");
    if (src.source) meta.appendChild(dataText("bdi", null, src.source));
    if (src.source && src.date) meta.appendChild(document.createTextNode(" · "));
    if (src.date) meta.appendChild(ltr(src.date));
    if (meta.childNodes.length) div.appendChild(meta);
    src.sentences.forEach(function (s) { div.appendChild(sentenceWithTrigger(s.text || "", s.trigger)); });
    if (src.sentences_omitted) div.appendChild(el("p", "muted small", fmt(UI.omitted, { n: src.sentences_omitted })));
    ss.appendChild(div);
  });
}

if (DATA.page === "event") eventPage(); else entityPage();
window.hadath = { data: DATA, ready: false };
requestAnimationFrame(function () {
  window.hadath.ready = true;
  window.hadath.firstDrawMs = performance.now();
  document.documentElement.setAttribute("data-ready", "1");
});
