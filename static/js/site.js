/* Progressive enhancement only: the phone menu is a <details> that opens and closes without
   this script; with it, Escape also closes the open menu and gives focus back to « Menu ». */
(function () {
    "use strict";
    document.addEventListener("keydown", function (event) {
        var toggle = document.querySelector(".menu-toggle");
        if (event.key !== "Escape" || !toggle || !toggle.open) { return; }
        toggle.open = false;
        toggle.querySelector("summary").focus();
    });
})();
