// YASGUI on our endpoint, offline: no endpoint catalogue or autocompletion that calls other sites.
(function () {
  var element = document.getElementById('yasgui');
  if (!element || !window.Yasgui) { return; }
  var endpoint = new URL(element.getAttribute('data-endpoint'), window.location.href).toString();
  var firstQuery = element.getAttribute('data-first-query');
  var shared = element.getAttribute('data-shared-query');
  if (Yasgui.Yasqe && Yasgui.Yasqe.defaults) {
    // The prefix and class/property completers fetch lists from third-party sites.
    Yasgui.Yasqe.defaults.autocompleters = ['variables'];
    Yasgui.Yasqe.defaults.value = firstQuery;
  }
  var yasgui = new Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: 'innograph-query-editor'
  });
  window.innographYasgui = yasgui;

  // YASGUI's own markup misses a few things screen-reader and keyboard users need; add them once drawn and
  // again whenever a tab is added or changed (YASGUI redraws then).
  function mend() {
    Array.prototype.forEach.call(element.querySelectorAll('[role=tablist]'), function (list) {
      Array.prototype.forEach.call(Array.prototype.slice.call(list.children), function (child) {
        if (child.querySelector('[role=tab]')) {
          if (!child.getAttribute('role')) { child.setAttribute('role', 'presentation'); }
        } else if (child.getAttribute('role') !== 'tab') {
          // A tab list may hold only tabs: the "new tab" button goes right after it.
          child.classList.add('outside-tablist');
          list.parentNode.insertBefore(child, list.nextSibling);
        }
      });
    });
    Array.prototype.forEach.call(element.querySelectorAll('input.autocomplete, input:not([aria-label])'), function (input) {
      if (!input.getAttribute('aria-label') && !input.id) { input.setAttribute('aria-label', 'SPARQL endpoint'); }
    });
    Array.prototype.forEach.call(element.querySelectorAll('.CodeMirror-scroll'), function (scroll) {
      scroll.setAttribute('tabindex', '0');
      scroll.setAttribute('aria-label', 'SPARQL query');
    });
    Array.prototype.forEach.call(element.querySelectorAll('textarea:not([aria-label])'), function (area) {
      area.setAttribute('aria-label', 'SPARQL query text');
    });
  }
  mend();
  if (window.MutationObserver) {
    new MutationObserver(function () { mend(); }).observe(element, { childList: true, subtree: true });
  }

  function show(query, name) {
    var tab = yasgui.getTab();
    tab.setEndpoint && tab.setEndpoint(endpoint);
    tab.getYasqe().setValue(query);
    if (name && tab.setName) { tab.setName(name); }
  }
  if (shared) { show(shared, 'Shared query'); }

  var examples = document.getElementById('examples');
  examples.addEventListener('change', function () {
    var option = examples.options[examples.selectedIndex];
    if (option && option.value) { show(option.getAttribute('data-query'), option.value); }
  });

  document.getElementById('share').addEventListener('click', function () {
    var link = new URL('/query', window.location.href);
    link.searchParams.set('query', yasgui.getTab().getYasqe().getValue());
    var out = document.getElementById('share-link');
    out.textContent = link.toString();
    if (navigator.clipboard) { navigator.clipboard.writeText(link.toString()).catch(function () {}); }
  });
})();
