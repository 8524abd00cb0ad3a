// While a run shown is queued or running, reload the list every 5 s to show it move on, but never while the user
// is choosing runs to compare or typing a filter: a reload would throw that away.
(() => {
    const table = document.getElementById("experiments");
    if (!table || table.dataset.inProgress !== "true") {
        return;
    }
    const busy = () =>
        document.querySelector("input[form=compare-form]:checked") !== null ||
        Boolean(document.activeElement?.closest("form"));
    const tick = () => (busy() ? setTimeout(tick, 5000) : location.reload());
    setTimeout(tick, 5000);
})();
