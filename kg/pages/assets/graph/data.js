/* The graph's nodes and edges as embedded by kg/pages/page_data.py, and the indexes
 * over them every other part reads: adjacency, search keys, drawn and hidden flags.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
var NODES = DATA.nodes;
var EDGES = DATA.edges;
var BIG = DATA.figures.nodes_drawn > 800;

// The node's own page (written by kg.pages.write_pages beside this one), when there is one.
function pageHref(n) {
  return typeof n.page === "string" && /^pages\/(entity|event)\/[A-Za-z0-9_-]+\.html$/.test(n.page) ? n.page : null;
}

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
