/* « Programmer » in a page's status panel (core/scheduling.py).
   - Escape while a date picker of the dialog is open closes the picker only: Wagtail's dialog
     would close too, and closing it empties the dates typed.
   - « Enregistrer la programmation » tells the server it saved the form, so the next screen can
     say what was, or was not, scheduled. */
(() => {
    "use strict";

    const DIALOG = "#schedule-publishing-dialog";

    const openPicker = () =>
        Array.from(document.querySelectorAll(".xdsoft_datetimepicker")).find(
            (picker) => picker.closest(DIALOG) && getComputedStyle(picker).display !== "none",
        );

    // On window, capturing: before the dialog's own listener on the document.
    window.addEventListener(
        "keydown",
        (event) => {
            if (event.key !== "Escape" || !openPicker()) return;
            const field = document.activeElement;
            if (!field || !field.closest(DIALOG)) return;
            event.stopPropagation();
            event.preventDefault();
            field.blur(); // the picker closes when its field loses focus; the date stays
        },
        true,
    );

    document.addEventListener(
        "submit",
        (event) => {
            const button = event.submitter;
            if (!button || !button.closest(DIALOG)) return;
            const marker = document.createElement("input");
            marker.type = "hidden";
            marker.name = "schedule-dialog-save";
            marker.value = "1";
            event.target.append(marker);
        },
        true,
    );
})();
