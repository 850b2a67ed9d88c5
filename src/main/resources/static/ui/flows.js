// The learning flows on an offline map: an arc from the practice's region to the learning partner's region for
// every row of the #arcs table, styled by the weakest certainty among its links. Each arc is a link to the
// practices and actions behind it: click it, or Tab to it and press Enter.
(function () {
  var element = document.getElementById('flow-map');
  var table = document.getElementById('arcs');
  if (!element || !table || !window.L) { return; }
  var arcs = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-from]')).map(function (row) {
    return {
      from: row.getAttribute('data-from'), to: row.getAttribute('data-to'),
      fromName: row.getAttribute('data-from-name'), toName: row.getAttribute('data-to-name'),
      links: Number(row.getAttribute('data-links')), weakest: row.getAttribute('data-weakest'),
      href: row.getAttribute('data-href')
    };
  });
  var map = L.map(element, { attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false }).setView([52, 14], 3.5);
  map.attributionControl.setPrefix(false).addAttribution('© EuroGeographics for the administrative boundaries');
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/geo+json' } }).then(function (r) { return r.ok ? r.json() : null; });
  }
  var dashes = { confirmed: null, likely: '8 6', possible: '2 6', context: '2 6', unstated: '2 6' };

  // A bent line from a to b (a quadratic curve, bent to the left of the direction of travel), so that arcs
  // between the same two places in both directions do not lie on top of each other.
  function curve(a, b) {
    var points = [];
    var mx = (a.lat + b.lat) / 2, my = (a.lng + b.lng) / 2;
    var dx = b.lat - a.lat, dy = b.lng - a.lng;
    var cx = mx - dy * 0.25, cy = my + dx * 0.25;
    for (var i = 0; i <= 24; i++) {
      var t = i / 24;
      points.push([(1 - t) * (1 - t) * a.lat + 2 * (1 - t) * t * cx + t * t * b.lat,
                   (1 - t) * (1 - t) * a.lng + 2 * (1 - t) * t * cy + t * t * b.lng]);
    }
    return points;
  }

  get('/api/geo/countries').then(function (countries) {
    if (countries) {
      L.geoJSON(countries, { interactive: false,
        style: { color: '#9aa5b1', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 } }).addTo(map);
    }
    var codes = {};
    arcs.forEach(function (arc) { codes[arc.from] = true; codes[arc.to] = true; });
    var list = Object.keys(codes);
    if (list.length === 0) { return null; }
    return get('/api/geo/nuts/' + list.join(','));
  }).then(function (shapes) {
    if (!shapes) { element.setAttribute('data-state', arcs.length ? 'no-boundary' : 'empty'); return; }
    var centres = {};
    var regions = L.geoJSON(shapes, { interactive: false,
      style: { color: '#5b6775', weight: 1, fillColor: '#c9d8e6', fillOpacity: 0.7 },
      onEachFeature: function (feature, shape) { centres[feature.properties.NUTS_ID] = shape.getBounds().getCenter(); }
    }).addTo(map);
    var max = Math.max.apply(null, arcs.map(function (arc) { return arc.links; }).concat([1]));
    arcs.forEach(function (arc) {
      var a = centres[arc.from], b = centres[arc.to];
      if (!a || !b) { return; }
      var label = arc.links + (arc.links === 1 ? ' link' : ' links') + ' from ' + arc.fromName + ' (' + arc.from
        + ') to ' + arc.toName + ' (' + arc.to + '), weakest certainty: ' + arc.weakest;
      var line = L.polyline(curve(a, b), { color: '#b3261e', weight: 2 + 4 * arc.links / max, opacity: 0.85,
        dashArray: Object.prototype.hasOwnProperty.call(dashes, arc.weakest) ? dashes[arc.weakest] : '2 6' }).addTo(map);
      L.circleMarker(b, { radius: 4, color: '#b3261e', fillOpacity: 1, interactive: false }).addTo(map);
      var tip = document.createElement('span');
      tip.textContent = label;
      line.bindTooltip(tip, { sticky: true });
      line.on('click', function () { window.location.href = arc.href; });
      var path = line.getElement();
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'link');
      path.setAttribute('aria-label', label);
      path.setAttribute('class', (path.getAttribute('class') || '') + ' flow-arc');
      path.setAttribute('data-from', arc.from);
      path.setAttribute('data-to', arc.to);
      path.setAttribute('data-href', arc.href);
      path.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { event.preventDefault(); window.location.href = arc.href; }
      });
      path.addEventListener('focus', function () { line.openTooltip(b); });
      path.addEventListener('blur', function () { line.closeTooltip(); });
    });
    map.fitBounds(regions.getBounds(), { maxZoom: 6, padding: [20, 20] });
    element.setAttribute('data-state', 'drawn');
  }).catch(function () { element.setAttribute('data-state', 'failed'); });
})();
