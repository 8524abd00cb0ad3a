// Moves the experiment page's progress bar with the server-sent events that the web relays from the api,
// then reloads once the run is final so the server renders the result.
(() => {
    const panel = document.getElementById("progress-panel");
    const url = panel?.dataset.eventsUrl;
    if (!url) {
        return;
    }
    const bar = document.getElementById("progress-bar");
    const step = document.getElementById("progress-step");
    const status = document.getElementById("experiment-status");
    const source = new EventSource(url);

    const show = (event) => {
        const job = JSON.parse(event.data);
        const percent = Math.max(0, Math.min(100, job.progress));
        bar.style.width = `${percent}%`;
        bar.textContent = `${Math.round(percent)}%`;
        bar.parentElement.setAttribute("aria-valuenow", percent.toFixed(1));
        step.textContent = job.currentStep ?? job.status;
        status.textContent = job.status;
    };

    source.addEventListener("progress", show);
    for (const finalStatus of ["completed", "failed", "cancelled"]) {
        source.addEventListener(finalStatus, (event) => {
            source.close();
            show(event);
            window.location.reload();
        });
    }
})();
