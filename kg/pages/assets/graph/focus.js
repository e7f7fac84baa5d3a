/* Focusing a node: one left out of the drawing (the page draws the best connected
 * nodes of a big graph) is drawn on demand with its neighbours; clicks, double clicks
 * and hovers on the network select, open or show a node.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
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
