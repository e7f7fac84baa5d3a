/* What the page exposes on window.hadath (created in network.js) for tests and the
 * screenshot: search, focus, filters, visible ids; then the first count is shown.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
state.search = search;
state.timelineMarks = function () { return Object.keys(marks).length; };
state.focusNode = focusNode;
state.applyFilters = applyFilters;
state.visibleIds = function () {
  return nodeSet.getIds({ filter: function (v) { return !v.hidden; } });
};
updateCounter();
