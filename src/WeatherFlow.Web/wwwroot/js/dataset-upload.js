// Sends the dataset upload form with XMLHttpRequest, whose upload events are the only way a page can see how much
// of a large body has gone (fetch cannot report upload progress). The antiforgery token goes in a header, so the web
// can stream the body through to the api without reading it; empty optional fields are left out, so the api sees
// only the hints the user gave. On success the page of the new dataset opens; on refusal the api's words are shown.
(() => {
    const form = document.getElementById("dataset-upload");
    if (!form) {
        return;
    }
    const progress = document.getElementById("upload-progress");
    const bar = document.getElementById("upload-progress-bar");
    const status = document.getElementById("upload-status");
    const error = document.getElementById("upload-error");
    const submit = document.getElementById("upload-submit");
    const tokenField = form.querySelector("input[name='__RequestVerificationToken']");

    const setProgress = percent => {
        const rounded = Math.round(percent);
        progress.setAttribute("aria-valuenow", String(rounded));
        bar.style.width = `${rounded}%`;
        bar.textContent = `${rounded}%`;
    };

    const showError = message => {
        error.textContent = message;
        error.classList.remove("d-none");
        status.textContent = "";
        submit.disabled = false;
        bar.classList.remove("progress-bar-striped", "progress-bar-animated");
        bar.classList.add("bg-danger");
    };

    form.addEventListener("submit", event => {
        event.preventDefault();
        if (!form.reportValidity()) {
            return;
        }
        const body = new FormData(form);
        body.delete("__RequestVerificationToken");
        for (const [name, value] of [...body.entries()]) {
            if (typeof value === "string" && value.trim() === "") {
                body.delete(name);
            }
        }

        error.classList.add("d-none");
        bar.classList.remove("bg-danger");
        progress.classList.remove("d-none");
        setProgress(0);
        submit.disabled = true;
        status.textContent = "Uploading…";

        const request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("Accept", "application/json");
        request.setRequestHeader("RequestVerificationToken", tokenField.value);
        request.upload.addEventListener("progress", e => {
            if (e.lengthComputable) {
                setProgress(e.loaded / e.total * 100);
            }
        });
        // Once every byte is sent the api still reads the files through before it answers.
        request.upload.addEventListener("load", () => {
            setProgress(100);
            bar.classList.add("progress-bar-striped", "progress-bar-animated");
            status.textContent = "Uploaded; the api is checking the files…";
        });
        request.addEventListener("load", () => {
            let answer = null;
            try {
                answer = JSON.parse(request.responseText);
            } catch {
                // Not JSON: a proxy's error page, say; the status line says enough.
            }
            if (request.status === 201 && answer && answer.location) {
                status.textContent = `Stored “${answer.name}”.`;
                window.location.assign(answer.location);
                return;
            }
            showError(answer?.detail ?? answer?.title ?? `The upload failed: ${request.status} ${request.statusText}.`);
        });
        request.addEventListener("error", () => showError("The upload was cut off before the server answered."));
        request.send(body);
    });
})();
