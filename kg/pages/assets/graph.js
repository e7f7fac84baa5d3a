/* Hadath graph page: draws the embedded graph with vis-network and wires the controls.
 * Every string from the data reaches the page through textContent or plain-text vis
 * labels/titles; nothing from the data is ever parsed as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("hadath-data").textContent);
  var S = DATA.strings;
  var UI = S.ui;
  var NODES = DATA.nodes;
  var EDGES = DATA.edges;
  var BIG = DATA.figures.nodes_drawn > 800;

  var FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";
  var KIND_STYLE = {
    person: { shape: "dot", color: "#2f6fb0" },
    organization: { shape: "square", color: "#7b4fb0" },
    place: { shape: "triangle", color: "#2e9e4f" },
    event: { shape: "diamond", color: "#e8850c" }
  };
  var TYPE_COLOR = { Meeting: "#e8850c", Visit: "#d6336c", Call: "#a37f00", Agreement: "#8d5524", Statement: "#1098ad" };
  var EDGE_STYLE = {
    role: { color: "#98a3ae", dashes: false },
    place: { color: "#7fbf8f", dashes: [6, 4] },
    affiliation: { color: "#b39ad6", dashes: [2, 3] }
  };
  var KIND_ORDER = ["person", "organization", "place", "event"];
  var TYPE_ORDER = ["Meeting", "Visit", "Call", "Agreement", "Statement"];

  // ---- Arabic normalisation: the same rules as kg/arabic/normalize.py ----------------
  var LETTERS = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a",
    "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06a9": "\u0643", "\u06aa": "\u0643",
    "\u06be": "\u0647", "\u06c1": "\u0647", "\u06c0": "\u0647", "\u06af": "\u0643"
  };
  var INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad";

  function isDiacritic(code) {
    return (code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670 ||
      (code >= 0x06d6 && code <= 0x06ed);
  }

  function foldChar(ch) {
    var code = ch.codePointAt(0);
    if (isDiacritic(code) || ch === "\u0640" || INVISIBLE.indexOf(ch) >= 0) return "";
    if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) {
      var folded = ch.normalize("NFKC");
      if (folded === ch) return ch;
      var out = "";
      for (var c of folded) out += foldChar(c);
      return out;
    }
    ch = LETTERS[ch] || ch;
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    return ch;
  }

  function normalize(text) {
    var out = "";
    for (var ch of text) out += foldChar(ch);
    return out;
  }

  // Search also ignores Latin case and runs of spaces, on top of the shared rules.
  function searchKey(text) {
    return normalize(text).toLowerCase().replace(/\s+/g, " ").trim();
  }

  // ---- small helpers ------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // Text from the articles, in its own direction: an Arabic sentence in the English
  // interface (or a Latin headline in the Arabic one) keeps its punctuation in place.
  function dataText(tag, cls, text) {
    var e = el(tag, cls, text);
    e.dir = "auto";
    return e;
  }

  // Dates and ids in an Arabic line: without isolation the bidi algorithm shows
  // 2020-07-03 as 03-07-2020 (digits after Arabic letters become Arabic numbers).
  function ltr(text) {
    var b = el("bdi", null, text);
    b.dir = "ltr";
    return b;
  }

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }

  function nodeColor(n) {
    return n.kind === "event" ? TYPE_COLOR[n.type] || KIND_STYLE.event.color : KIND_STYLE[n.kind].color;
  }

  function swatch(shape, color, dashed) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("aria-hidden", "true");
    var s;
    if (shape === "dot") {
      s = document.createElementNS(ns, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6");
    } else if (shape === "square") {
      s = document.createElementNS(ns, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", "2"); s.setAttribute("width", "12"); s.setAttribute("height", "12");
    } else if (shape === "line") {
      s = document.createElementNS(ns, "line");
      s.setAttribute("x1", "1"); s.setAttribute("y1", "8"); s.setAttribute("x2", "15"); s.setAttribute("y2", "8");
      s.setAttribute("stroke", color); s.setAttribute("stroke-width", "2");
      if (dashed) s.setAttribute("stroke-dasharray", dashed);
      svg.appendChild(s);
      return svg;
    } else {
      s = document.createElementNS(ns, "polygon");
      s.setAttribute("points", shape === "triangle" ? "8,2 14.5,14 1.5,14" : "8,1 15,8 8,15 1,8");
    }
    s.setAttribute("fill", color);
    if (dashed) {
      s.setAttribute("stroke", "#333"); s.setAttribute("stroke-width", "1.5"); s.setAttribute("stroke-dasharray", "2,2");
    }
    svg.appendChild(s);
    return svg;
  }

  function rolesText(roles) {
    return roles.map(function (r) { return S.roles[r] || r; }).join(DATA.lang === "ar" ? "، " : ", ");
  }

  function dateText(t) {
    var span = el("span");
    if (!t) {
      span.textContent = UI.none;
    } else if (!t.value || t.precision === "unresolved") {
      span.textContent = S.precisions.unresolved + (t.text ? " «" + t.text + "»" : "");
    } else {
      span.appendChild(ltr(t.value));
      span.appendChild(document.createTextNode(
        " (" + UI.precision + ": " + (S.precisions[t.precision] || t.precision) + ")"));
    }
    return span;
  }

  // The date and, beside it, where it came from (written in the clause, inferred from the
  // rest of the article, the publication day, none): kg.model.DateSource.
  function dateWithSource(t, source) {
    var span = dateText(t);
    var said = source ? S.date_sources[source] : null;
    if (said) span.appendChild(el("span", "muted small date-source", " · " + said));
    return span;
  }

  // The node's own page (written by kg.pages.write_pages beside this one), when there is one.
  function pageHref(n) {
    return typeof n.page === "string" && /^pages\/(entity|event)\/[A-Za-z0-9_-]+\.html$/.test(n.page) ? n.page : null;
  }

  function safeUrl(url) {
    // Only web links become links: a javascript: or data: URL in an article stays text.
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // ---- indexes over the data ------------------------------------------------------------
  var adjacency = NODES.map(function () { return []; });
  EDGES.forEach(function (e, i) {
    adjacency[e.from].push({ other: e.to, edge: i, out: true });
    adjacency[e.to].push({ other: e.from, edge: i, out: false });
  });
  var keys = NODES.map(function (n) {
    return [n.label].concat(n.aliases || []).map(searchKey);
  });
  var drawn = NODES.map(function (n) { return !!n.drawn; });
  var hidden = NODES.map(function () { return false; });

  // ---- vis data -------------------------------------------------------------------------
  function plainTitle(n) {
    var parts = [n.label, n.kind === "event" ? S.event_types[n.type] || n.type : S.kinds[n.kind]];
    if (n.kind === "event" && n.time && n.time.value) parts.push(n.time.value);
    return parts.join(" · ");  // a string: vis-network shows it with innerText
  }

  function visNode(i) {
    var n = NODES[i];
    var color = nodeColor(n);
    var planned = n.kind === "event" && n.status === "planned";
    var v = {
      id: i,
      label: n.label,
      title: plainTitle(n),
      shape: KIND_STYLE[n.kind].shape,
      value: Math.max(1, n.weight || 1),
      color: {
        background: color,
        border: planned ? "#222" : color,
        highlight: { background: color, border: "#111" },
        hover: { background: color, border: "#111" }
      },
      borderWidth: planned ? 2 : 1,
      shapeProperties: { borderDashes: planned ? [4, 3] : false },
      hidden: hidden[i]
    };
    if (typeof n.x === "number") { v.x = n.x; v.y = n.y; }
    return v;
  }

  function visEdge(i) {
    var e = EDGES[i];
    var st = EDGE_STYLE[e.kind];
    var v = {
      id: i,
      from: e.from,
      to: e.to,
      color: { color: st.color, highlight: "#34495e", hover: "#34495e", inherit: false },
      dashes: st.dashes,
      hidden: hidden[e.from] || hidden[e.to]
    };
    if (e.kind === "role") v.label = rolesText(e.roles);
    if (e.kind === "affiliation") v.arrows = { to: { enabled: true, scaleFactor: 0.5 } };
    return v;
  }

  var initialNodes = [];
  var initialEdges = [];
  NODES.forEach(function (n, i) { if (drawn[i]) initialNodes.push(visNode(i)); });
  EDGES.forEach(function (e, i) { if (drawn[e.from] && drawn[e.to]) initialEdges.push(visEdge(i)); });
  var nodeSet = new vis.DataSet(initialNodes);
  var edgeSet = new vis.DataSet(initialEdges);
  var positioned = initialNodes.length > 0 && initialNodes.every(function (v) { return typeof v.x === "number"; });

  var options = {
    autoResize: true,
    nodes: {
      font: { face: FONT, size: 14, color: "#1d2330", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 9, max: 20, label: { enabled: true, min: 12, max: 20, drawThreshold: 7 } }
    },
    edges: {
      width: 1,
      selectionWidth: 1.5,
      smooth: false,  // straight edges: much cheaper to draw on big graphs
      font: { face: FONT, size: 11, color: "#4a5560", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal" }
    },
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: {
      hover: true,
      tooltipDelay: 300,
      hideEdgesOnDrag: BIG,
      hideEdgesOnZoom: BIG,
      keyboard: false
    },
    physics: positioned ? false : {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: BIG ? 150 : 300, updateInterval: 25, fit: true }
    }
  };

  var container = document.getElementById("graph");
  var started = performance.now();
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, options);
  var state = { network: network, nodes: nodeSet, edges: edgeSet, data: DATA, normalize: normalize, ready: false };
  window.hadath = state;

  var loading = document.getElementById("loading");
  if (!positioned) {
    loading.hidden = false;
    network.on("stabilizationProgress", function (p) {
      loading.textContent = Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      // Freeze: a settled graph must not keep burning CPU or drift under the reader.
      network.setOptions({ physics: false });
      loading.hidden = true;
    });
  } else {
    network.fit({ animation: false });
  }
  network.once("afterDrawing", function () {
    state.firstDrawMs = performance.now();  // since navigation start: parse + setup + draw
    state.setupMs = performance.now() - started;
    state.ready = true;
    document.documentElement.setAttribute("data-ready", "1");
  });

  // ---- side panel ---------------------------------------------------------------------------
  var panel = document.getElementById("panel-body");
  var selected = null;

  function nodeLink(i, extra) {
    var n = NODES[i];
    var b = el("button", "node-link");
    b.type = "button";
    b.appendChild(swatch(KIND_STYLE[n.kind].shape, nodeColor(n)));
    b.appendChild(dataText("bdi", null, n.label));
    if (extra) {
      var x = el("span", "muted small");
      x.appendChild(typeof extra === "string" ? document.createTextNode(extra) : extra);
      b.appendChild(x);
    }
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }

  function fact(dl, term, value) {
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    dl.appendChild(dd);
  }

  function sentenceWithTrigger(sentence, trigger) {
    var q = dataText("blockquote");
    var at = trigger ? sentence.indexOf(trigger) : -1;
    if (at < 0) { q.textContent = sentence; return q; }
    q.appendChild(document.createTextNode(sentence.slice(0, at)));
    q.appendChild(el("mark", null, trigger));
    q.appendChild(document.createTextNode(sentence.slice(at + trigger.length)));
    return q;
  }

  function eventPanel(i, box) {
    var n = NODES[i];
    var head = el("p");
    var badge = el("span", "badge", S.event_types[n.type] || n.type);
    badge.style.background = nodeColor(n);
    head.appendChild(badge);
    head.appendChild(el("span", "muted", S.kinds.event));
    box.appendChild(head);
    var dl = el("dl", "facts");
    fact(dl, UI.type, S.event_types[n.type] || n.type);
    fact(dl, UI.date, dateWithSource(n.time, n.date_source));
    fact(dl, UI.status, S.statuses[n.status] || n.status);
    fact(dl, UI.place, n.place !== null && n.place !== undefined ? nodeLink(n.place) : UI.none);
    box.appendChild(dl);

    box.appendChild(el("h3", null, UI.actors));
    var ul = el("ul", "links");
    adjacency[i].forEach(function (a) {
      var e = EDGES[a.edge];
      if (e.kind !== "role" || !a.out) return;
      var li = el("li");
      li.appendChild(el("span", "role", rolesText(e.roles) + ": "));
      li.appendChild(nodeLink(a.other));
      ul.appendChild(li);
    });
    box.appendChild(ul);

    box.appendChild(el("h3", null, UI.sources + " (" + n.sources.length + ")"));
    n.sources.forEach(function (src) {
      var art = DATA.articles[src.article] || {};
      var div = el("div", "source");
      var url = safeUrl(art.url);
      var headline = art.title || art.url || src.article;
      if (url) {
        var a = dataText("a", "headline", headline);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        div.appendChild(a);
      } else {
        div.appendChild(dataText("div", "headline", headline));
        if (art.url) div.appendChild(el("div", "muted small", art.url));
      }
      if (art.source || art.date) {
        var meta = el("div", "muted small", art.source || "");
        if (art.source && art.date) meta.appendChild(document.createTextNode(" · "));
        if (art.date) meta.appendChild(ltr(art.date));
        div.appendChild(meta);
      }
      div.appendChild(sentenceWithTrigger(src.sentence || "", src.trigger));
      box.appendChild(div);
    });
    // At most a few sentences of each article are carried (kg/pages/bounds.py).
    if (n.sources_omitted) box.appendChild(el("p", "muted", fmt(UI.omitted, { n: n.sources_omitted })));
  }

  function entityPanel(i, box) {
    var n = NODES[i];
    var head = el("p");
    var badge = el("span", "badge", S.kinds[n.kind]);
    badge.style.background = nodeColor(n);
    head.appendChild(badge);
    if (n.subtype) head.appendChild(el("span", "muted", n.subtype));
    box.appendChild(head);
    var dl = el("dl", "facts");
    fact(dl, UI.kind, S.kinds[n.kind] + (n.subtype ? " (" + n.subtype + ")" : ""));
    fact(dl, UI.aliases, n.aliases.length ? dataText("bdi", null, n.aliases.join(" · ")) : UI.none);
    fact(dl, UI.affiliation, n.affiliation !== null && n.affiliation !== undefined ? nodeLink(n.affiliation) : UI.none);
    fact(dl, UI.articles, String(n.articles));
    box.appendChild(dl);

    if (n.titles.length) {
      box.appendChild(el("h3", null, UI.titles));
      var tl = el("ul", "links");
      n.titles.forEach(function (t) {
        var li = el("li");
        li.appendChild(dataText("bdi", null, t.title));
        if (typeof t.affiliation === "number") {
          li.appendChild(el("span", "muted", " — "));
          li.appendChild(nodeLink(t.affiliation));
        } else if (t.affiliation) {
          li.appendChild(el("span", "muted", " — " + t.affiliation));
        }
        if (t.first || t.last) {
          var seen = el("div", "muted small", UI.seen + ": ");
          seen.appendChild(ltr(t.first === t.last ? t.first : (t.first || "?") + " → " + (t.last || "?")));
          li.appendChild(seen);
        }
        tl.appendChild(li);
      });
      box.appendChild(tl);
    }

    var evs = adjacency[i].filter(function (a) { return !a.out && EDGES[a.edge].kind !== "affiliation"; });
    box.appendChild(el("h3", null, UI.events + " (" + evs.length + ")"));
    var ul = el("ul", "links");
    evs.forEach(function (a) {
      var e = EDGES[a.edge];
      var ev = NODES[a.other];
      var li = el("li");
      li.appendChild(el("span", "role", (e.kind === "role" ? rolesText(e.roles) : UI.place) + ": "));
      li.appendChild(nodeLink(a.other, ev.time && ev.time.value ? ltr(ev.time.value) : null));
      ul.appendChild(li);
    });
    box.appendChild(ul);

    var members = adjacency[i].filter(function (a) { return !a.out && EDGES[a.edge].kind === "affiliation"; });
    if (members.length) {
      box.appendChild(el("h3", null, UI.edge_affiliation + " (" + members.length + ")"));
      var ml = el("ul", "links");
      members.forEach(function (a) { var li = el("li"); li.appendChild(nodeLink(a.other)); ml.appendChild(li); });
      box.appendChild(ml);
    }
  }

  function showPanel(i) {
    panel.replaceChildren();
    if (i === null || i === undefined) {
      panel.appendChild(el("p", "muted", UI.panel_empty));
      return;
    }
    var n = NODES[i];
    panel.appendChild(dataText("h2", null, n.label));
    if (!drawn[i]) panel.appendChild(el("p", "muted small", UI.not_drawn));
    var href = pageHref(n);
    if (href) {
      var open = el("a", "page-link", UI.open_page);
      open.href = href;
      panel.appendChild(open);
    }
    if (n.kind === "event") eventPanel(i, panel); else entityPanel(i, panel);
    var idLine = el("p", "muted small");
    idLine.appendChild(ltr(n.id));
    panel.appendChild(idLine);
  }

  // ---- drawing nodes that were left out, on demand ---------------------------------------
  function materialise(i) {
    var toAdd = [i];
    adjacency[i].forEach(function (a) { if (!drawn[a.other] && toAdd.length < 25) toAdd.push(a.other); });
    var known = adjacency[i].filter(function (a) { return drawn[a.other]; }).map(function (a) { return a.other; });
    var center;
    if (known.length) {
      var pos = network.getPositions(known);
      center = { x: 0, y: 0 };
      known.forEach(function (k) { center.x += pos[k].x / known.length; center.y += pos[k].y / known.length; });
      center.x += 120;
    } else {
      center = network.getViewPosition();
    }
    toAdd.forEach(function (k, j) {
      drawn[k] = true;
      var angle = (2 * Math.PI * j) / Math.max(1, toAdd.length - 1);
      var v = visNode(k);
      v.x = j === 0 ? center.x : center.x + 90 * Math.cos(angle);
      v.y = j === 0 ? center.y : center.y + 90 * Math.sin(angle);
      nodeSet.add(v);
    });
    var newEdges = {};  // keyed by edge: an edge between two new nodes is seen from both ends
    toAdd.forEach(function (k) {
      adjacency[k].forEach(function (a) {
        if (drawn[a.other] && edgeSet.get(a.edge) === null) newEdges[a.edge] = visEdge(a.edge);
      });
    });
    edgeSet.add(Object.keys(newEdges).map(function (k) { return newEdges[k]; }));
    applyFilters();
  }

  function focusNode(i) {
    if (!drawn[i]) {
      materialise(i);
      renderResults();  // drop the "not drawn" marks of what was just drawn
    }
    selected = i;
    if (!hidden[i]) {
      network.selectNodes([i]);
      network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 350 } });
    }
    showPanel(i);
  }

  network.on("click", function (p) {
    if (p.nodes.length) { selected = p.nodes[0]; showPanel(selected); }
    else if (!p.edges.length) { selected = null; showPanel(null); }
  });
  network.on("doubleClick", function (p) {
    var href = p.nodes.length ? pageHref(NODES[p.nodes[0]]) : null;
    if (href) window.location.href = href;
  });
  network.on("hoverNode", function (p) { showPanel(p.node); });
  network.on("blurNode", function () { showPanel(selected); });

  // ---- filters ------------------------------------------------------------------------------
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
    var label = el("label", "row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = key;
    box.addEventListener("change", applyFilters);
    boxes[key] = box;
    label.appendChild(box);
    label.appendChild(swatch(shape, color));
    label.appendChild(el("span", null, text));
    label.appendChild(el("span", "count", String(count || 0)));
    parent.appendChild(label);
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

  // ---- the timeline strip: every dated event by date, clickable ----------------------------
  var strip = document.getElementById("timeline-strip");
  var SVGNS = "http://www.w3.org/2000/svg";
  var dated = [];
  var undatedCount = 0;
  NODES.forEach(function (n, i) {
    if (n.kind !== "event") return;
    if (n.time && n.time.value && n.time.begin) dated.push(i); else undatedCount += 1;
  });
  document.getElementById("timeline-undated").textContent = fmt(UI.timeline_undated, { n: undatedCount });
  var marks = {};

  function dayNumber(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }

  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }

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
    var rtl = DATA.lang === "ar";  // time runs with the reading direction
    function x(day) {
      var v = pad + ((day - lo) / span) * (W - 2 * pad);
      return rtl ? W - v : v;
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

  // ---- search -----------------------------------------------------------------------------
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

  state.search = search;
  state.timelineMarks = function () { return Object.keys(marks).length; };
  state.focusNode = focusNode;
  state.applyFilters = applyFilters;
  state.visibleIds = function () {
    return nodeSet.getIds({ filter: function (v) { return !v.hidden; } });
  };
  updateCounter();
})();
