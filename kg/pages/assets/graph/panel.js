/* The side panel: what a hovered or clicked node is (an event's actors, date and sources;
 * an entity's titles, events and members), each linked node a button that focuses it.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
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
        seen.appendChild(dateRange(t.first, t.last));
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
