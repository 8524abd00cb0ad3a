// While a "forecast again" is queued or running on a trainer, reload the page every 2 s until it is done. A meta
// refresh would not do: its address ends in #forecast-again, and a browser treats going there as a jump within the
// page, not a reload.
(() => {
    const status = document.getElementById("forecast-status");
    if (status && (status.dataset.status === "queued" || status.dataset.status === "running")) {
        setTimeout(() => location.reload(), 2000);
    }
})();
