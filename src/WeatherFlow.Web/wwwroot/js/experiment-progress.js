// Follows a running experiment with the server-sent events that the web relays from the api: moves the progress
// bar, plots the loss as it trains, says so when a trainer stopped and the run started again, and once the run is
// final swaps in the page the server renders for it (result, charts and maps), without a reload.
(() => {
    const panel = document.getElementById("progress-panel");
    const url = panel?.dataset.eventsUrl;
    if (!url) {
        return;
    }
    const bar = document.getElementById("progress-bar");
    const step = document.getElementById("progress-step");
    const status = document.getElementById("experiment-status");
    const chart = document.getElementById("live-loss");
    const lines = { train: chart.querySelector("polyline.train"), validation: chart.querySelector("polyline.validation") };
    const range = document.getElementById("live-loss-range");
    const attemptLabel = document.getElementById("live-attempt");
    const [width, height] = [400, 118];
    let series = { train: [], validation: [] };
    let attempt = Math.max(1, Number(chart.dataset.attempts) || 1);
    let runningPercent = -1;
    let handedBack = false;

    const draw = () => {
        const values = [...series.train, ...series.validation].map(point => point.loss);
        if (values.length === 0) {
            return;
        }
        const [low, high] = [Math.min(...values), Math.max(...values)];
        const span = high > low ? high - low : 1;
        for (const [name, points] of Object.entries(series)) {
            lines[name].setAttribute("points", points
                .map(point => `${(point.percent / 100 * width).toFixed(1)},${(height - (point.loss - low) / span * (height - 4)).toFixed(1)}`)
                .join(" "));
        }
        range.textContent = `from ${low.toPrecision(3)} to ${high.toPrecision(3)};`;
    };

    const show = (event) => {
        const job = JSON.parse(event.data);
        const percent = Math.max(0, Math.min(100, job.progress));
        if (job.status === "queued" && runningPercent > 0) {
            handedBack = true;
        }
        if (job.status === "running" && (handedBack || percent < runningPercent - 0.5)) {
            // The trainer that held the run stopped and another started it over: a new attempt, not lost progress.
            attempt++;
            handedBack = false;
            series = { train: [], validation: [] };
            attemptLabel.textContent = `Attempt ${attempt}: the trainer running it stopped, so the run started again.`;
        }
        if (job.status === "running") {
            runningPercent = percent;
        }
        bar.style.width = `${percent}%`;
        bar.textContent = `${Math.round(percent)}%`;
        bar.parentElement.setAttribute("aria-valuenow", percent.toFixed(1));
        step.textContent = job.currentStep ?? job.status;
        status.textContent = job.status;
        if (handedBack) {
            attemptLabel.textContent = `Attempt ${attempt} ended; waiting for a trainer to start the run again.`;
        }
        if (job.loss !== null && job.loss !== undefined && Number.isFinite(job.loss)) {
            const phase = (job.currentStep ?? "").includes("validation") ? "validation" : "train";
            series[phase].push({ percent, loss: job.loss });
            draw();
        }
    };

    const showFinalPage = async () => {
        try {
            const response = await fetch(window.location.href, { headers: { Accept: "text/html" } });
            const rendered = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("experiment-page");
            // Only a page rendered final has no progress to follow; any other is loaded for real, with this script.
            if (response.ok && rendered?.querySelector("#progress-panel")?.dataset.final === "true") {
                document.getElementById("experiment-page").replaceWith(rendered);
                return;
            }
        } catch {
            // Fall through to a plain reload, which shows the same page.
        }
        window.location.reload();
    };

    const source = new EventSource(url);
    source.addEventListener("progress", show);
    for (const finalStatus of ["completed", "failed", "cancelled"]) {
        source.addEventListener(finalStatus, (event) => {
            source.close();
            show(event);
            showFinalPage();
        });
    }
})();
