/* What the page exposes on window.hadath (created in network.js) for tests and the
 * screenshot: search, focus, filters, visible ids; then the first count is shown and the
 * node named in the address (#id) is focused.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
state.search = search;
state.timelineMarks = function () { return Object.keys(marks).length; };
state.timelineRange = function () { return timelineRange; };
state.focusNode = focusNode;
state.applyFilters = applyFilters;
state.visibleIds = function () {
  return nodeSet.getIds({ filter: function (v) { return !v.hidden; } });
};
updateCounter();

// graph.html#<node id> opens on that node (the events table links so to events that have
// no page of their own).
function focusFromHash() {
  var id;
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
  if (!id) return;
  var i = NODES.findIndex(function (n) { return n.id === id; });
  if (i >= 0) focusNode(i);
}
window.addEventListener("hashchange", focusFromHash);
focusFromHash();
