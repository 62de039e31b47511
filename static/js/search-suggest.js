/* Suggestions while typing in the site's search boxes (forms with data-suggestions), as
   progressive enhancement: without this script the box is a plain search field that submits
   to /recherche/. With it, the field becomes an ARIA 1.2 combobox with a list of searches
   (the site's own words) and pages (titles), fetched from /recherche/suggestions/.
   Keyboard: Down and Up move through the list, Enter opens the chosen suggestion (or submits
   what is typed), Escape closes the list. No inline style or script: the CSP stays strict. */
(function () {
    "use strict";
    var DELAY = 150;
    var MIN_LENGTH = 2;
    var counter = 0;

    function setUp(form) {
        var input = form.querySelector("input[name=q]");
        if (!input || input.hasAttribute("data-suggest-ready")) { return; }
        input.setAttribute("data-suggest-ready", "");
        counter += 1;
        var id = "suggestions-" + counter;
        var popup = document.createElement("div");
        popup.className = "search-suggest";
        popup.id = id;
        popup.setAttribute("role", "listbox");
        popup.setAttribute("aria-label", "Suggestions de recherche");
        popup.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.classList.add("search-suggest-host");
        input.insertAdjacentElement("afterend", popup);
        popup.insertAdjacentElement("afterend", status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", id);
        input.setAttribute("autocomplete", "off");

        var options = [];
        var active = -1;
        var timer = null;
        var pending = null;
        var lastQuery = "";

        function close() {
            popup.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function open() {
            if (!options.length) { return; }
            popup.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function activate(index) {
            if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
            active = index;
            if (active < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            var option = options[active];
            option.setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", option.id);
            option.scrollIntoView({ block: "nearest" });
        }

        function go(option) {
            window.location.href = option.getAttribute("data-url");
        }

        function group(label, items, describe) {
            if (!items.length) { return; }
            var box = document.createElement("div");
            box.setAttribute("role", "group");
            var heading = document.createElement("div");
            heading.className = "search-suggest__label";
            heading.id = id + "-group-" + popup.children.length;
            heading.setAttribute("role", "presentation");
            heading.textContent = label;
            box.setAttribute("aria-labelledby", heading.id);
            box.appendChild(heading);
            items.forEach(function (item) {
                var option = document.createElement("div");
                option.className = "search-suggest__option";
                option.id = id + "-option-" + options.length;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", item.url);
                describe(option, item);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();  /* keep the focus in the field until we leave */
                    go(option);
                });
                box.appendChild(option);
                options.push(option);
            });
            popup.appendChild(box);
        }

        function show(found) {
            popup.textContent = "";
            options = [];
            active = -1;
            input.removeAttribute("aria-activedescendant");
            group("Rechercher", found.searches || [], function (option, item) {
                option.textContent = item.text;
            });
            group("Pages", found.pages || [], function (option, item) {
                var title = document.createElement("span");
                title.className = "search-suggest__title";
                title.textContent = item.title;
                var kind = document.createElement("span");
                kind.className = "search-suggest__kind";
                kind.textContent = item.kind;
                option.appendChild(title);
                option.appendChild(kind);
            });
            if (options.length) {
                status.textContent = options.length + (options.length > 1 ? " suggestions" : " suggestion") +
                    " ; flèches haut et bas pour les parcourir.";
                open();
            } else {
                status.textContent = "";
                close();
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) { open(); return; }
            lastQuery = query;
            if (pending) { pending.abort(); pending = null; }
            if (query.length < MIN_LENGTH) { show({}); return; }
            pending = new AbortController();
            var url = form.getAttribute("data-suggestions") + "?q=" + encodeURIComponent(query);
            fetch(url, { headers: { "Accept": "application/json" }, credentials: "omit", signal: pending.signal })
                .then(function (response) { return response.ok ? response.json() : {}; })
                .then(function (found) { if (input.value.trim() === query) { show(found); } })
                .catch(function () { /* offline, aborted: the box still submits */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!options.length) { return; }
                event.preventDefault();
                if (popup.hidden) { open(); }
                /* From the field to the first (or last) suggestion, then back to the field. */
                if (event.key === "ArrowDown") {
                    activate(active + 1 >= options.length ? -1 : active + 1);
                } else {
                    activate(active === -1 ? options.length - 1 : active - 1);
                }
            } else if (event.key === "Enter" && !popup.hidden && active >= 0) {
                event.preventDefault();
                go(options[active]);
            } else if (event.key === "Escape" && !popup.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", function () { close(); });
    }

    function setUpAll() {
        document.querySelectorAll("form[data-suggestions]").forEach(setUp);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
