/* Shared by the graph page and the entity/event pages: the embedded data, the colours of
 * kinds and event types, and the helpers that turn data into DOM. kg/pages/scripts.py
 * inlines this first, in the same function scope as each page's own parts.
 * Every string from the data reaches the page through textContent (or an SVG text node);
 * nothing from the data is ever parsed as HTML. */
var DATA = JSON.parse(document.getElementById("hadath-data").textContent);
var S = DATA.strings;
var UI = S.ui;
var RTL = DATA.lang === "ar";
var SEP = RTL ? "، " : ", ";
var SVGNS = "http://www.w3.org/2000/svg";
var KIND_COLOR = { person: "#2f6fb0", organization: "#7b4fb0", place: "#2e9e4f", event: "#e8850c" };
var TYPE_COLOR = { Meeting: "#e8850c", Visit: "#d6336c", Call: "#a37f00", Agreement: "#8d5524", Statement: "#1098ad" };

function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

// A filter's checked box in its label, with a marker (a swatch, a dot, or none), its text and
// its count; ``boxes[key]`` keeps the box for the filter to read.
function filterCheckbox(parent, boxes, key, onChange, cls, marker, text, countText) {
  var label = el("label", cls);
  var box = el("input");
  box.type = "checkbox";
  box.checked = true;
  box.value = key;
  box.addEventListener("change", onChange);
  boxes[key] = box;
  label.appendChild(box);
  if (marker) label.appendChild(marker);
  label.appendChild(el("span", null, text));
  label.appendChild(el("span", "count", countText));
  parent.appendChild(label);
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

// A span of two dates (a title held from one day to another) that reads in the page's
// direction: each date isolated left to right, the words or arrow between them from
// strings.json ("من … إلى …"; an arrow in a right-to-left line would point backwards).
function dateRange(from, to) {
  var span = el("span", "range");
  if (from && from === to) { span.appendChild(ltr(from)); return span; }
  UI.range.split(/(\{from\}|\{to\})/).forEach(function (part) {
    if (part === "{from}") span.appendChild(ltr(from || "?"));
    else if (part === "{to}") span.appendChild(ltr(to || "?"));
    else if (part) span.appendChild(document.createTextNode(part));
  });
  return span;
}

function svgEl(tag, attrs) {
  var e = document.createElementNS(SVGNS, tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
  return e;
}

function fmt(template, values) {
  return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
}

// A node's colour: an event by its type, an entity by its kind.
function nodeColor(ref) {
  return ref.kind === "event" ? TYPE_COLOR[ref.type] || KIND_COLOR.event : KIND_COLOR[ref.kind] || "#888";
}

// The place of an event counts as the role "place" on an entity's page.
function roleName(r) { return r === "place" ? UI.place : S.roles[r] || r; }
function rolesText(roles) { return (roles || []).map(roleName).join(SEP); }

function safeUrl(url) {
  // Only web links become links: a javascript: or data: URL in an article stays text.
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
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

// One term and its value in a <dl>: the value is a node or plain text.
function fact(dl, term, value) {
  dl.appendChild(el("dt", null, term));
  var dd = el("dd");
  if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
  dl.appendChild(dd);
}

// A sentence of an article with the word that made it an event marked.
function sentenceWithTrigger(sentence, trigger) {
  var q = dataText("blockquote");
  var at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) { q.textContent = sentence; return q; }
  q.appendChild(document.createTextNode(sentence.slice(0, at)));
  q.appendChild(el("mark", null, trigger));
  q.appendChild(document.createTextNode(sentence.slice(at + trigger.length)));
  return q;
}
