// The home page's map: countries and regions shaded by their number of good practices, read from the table
// #area-counts (the same numbers, for readers without the map). Offline: no tiles, GISCO boundaries only.
// Every area is a link: click it, or Tab to it and press Enter.
(function () {
  var element = document.getElementById('atlas');
  var table = document.getElementById('area-counts');
  if (!element || !table || !window.L) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-code]'));
  var areas = {};
  rows.forEach(function (row) {
    areas[row.getAttribute('data-code')] = {
      count: Number(row.getAttribute('data-count')),
      level: Number(row.getAttribute('data-level')),
      href: row.getAttribute('data-href'),
      name: row.getAttribute('data-name')
    };
  });
  var max = Math.max(1, Number(element.getAttribute('data-max')) || 1);
  var palette = ['#d6e6f5', '#9fc5e8', '#5b9bd5', '#2f6db0', '#123f73'];
  function step(count) {
    return Math.min(palette.length, Math.max(1, Math.ceil(count / max * palette.length)));
  }

  var map = L.map(element, { attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false }).setView([52, 14], 3.5);
  map.attributionControl.setPrefix(false).addAttribution('© EuroGeographics for the administrative boundaries');
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/geo+json' } }).then(function (r) { return r.ok ? r.json() : null; });
  }
  function follow(href) { window.location.href = href; }

  get('/api/geo/countries').then(function (countries) {
    if (countries) {
      L.geoJSON(countries, { interactive: false,
        style: { color: '#9aa5b1', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 } }).addTo(map);
    }
    var codes = Object.keys(areas);
    if (codes.length === 0) { element.setAttribute('data-state', 'empty'); return null; }
    return get('/api/geo/nuts/' + codes.join(','));
  }).then(function (shapes) {
    if (shapes === null && element.getAttribute('data-state') === 'empty') { return; }
    if (!shapes) { element.setAttribute('data-state', 'no-boundary'); return; }
    // Countries first, then regions on top of them, deeper levels last.
    shapes.features.sort(function (a, b) { return a.properties.LEVL_CODE - b.properties.LEVL_CODE; });
    var drawn = L.geoJSON(shapes, {
      style: function (feature) {
        var area = areas[feature.properties.NUTS_ID] || { count: 0, level: 0 };
        var fill = palette[step(area.count) - 1];
        return area.level === 0
          ? { color: '#4a5868', weight: 1, fillColor: fill, fillOpacity: 0.85 }
          : { color: '#b3261e', weight: 2, fillColor: fill, fillOpacity: 0.9 };
      },
      onEachFeature: function (feature, shape) {
        var code = feature.properties.NUTS_ID;
        var area = areas[code];
        if (!area) { return; }
        var label = area.name + ' (' + code + '): ' + area.count + (area.count === 1 ? ' good practice' : ' good practices');
        var tip = document.createElement('span');
        tip.textContent = label;
        shape.bindTooltip(tip);
        shape.on('click', function () { follow(area.href); });
        shape.on('add', function () {
          var path = shape.getElement();
          if (!path) { return; }
          path.setAttribute('tabindex', '0');
          path.setAttribute('role', 'link');
          path.setAttribute('aria-label', label);
          path.setAttribute('data-code', code);
          path.setAttribute('data-count', String(area.count));
          path.setAttribute('data-href', area.href);
          path.setAttribute('data-step', String(step(area.count)));
          path.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') { event.preventDefault(); follow(area.href); }
          });
          path.addEventListener('focus', function () { shape.openTooltip(); });
          path.addEventListener('blur', function () { shape.closeTooltip(); });
        });
      }
    }).addTo(map);
    map.fitBounds(drawn.getBounds(), { maxZoom: 6, padding: [10, 10] });
    element.setAttribute('data-state', 'drawn');
  }).catch(function () { element.setAttribute('data-state', 'failed'); });
})();
