// Judges the compose form in the browser on submit and shows every invalid field's message next to it at once,
// where the browser's own validation shows one bubble at a time; while any field is invalid nothing is sent. The
// bounds come from the markup (min, max, step, maxlength, data-*), which the server renders from the api's rules.
// The api stays the judge: what only it knows (say, a hidden size the attention heads cannot split) comes back in
// its 422 and the server renders it next to the field, in the same place.
(() => {
    const form = document.getElementById("experiment-form");
    if (!form) {
        return;
    }

    const numberMessage = input => {
        const whole = input.step === "1";
        const { validity } = input;
        if (validity.valueMissing || validity.badInput) {
            return whole ? "Input should be a valid integer" : "Input should be a valid number";
        }
        if (validity.stepMismatch) {
            return "Input should be a valid integer";
        }
        const exclusive = input.dataset.minExclusive === "true";
        if (exclusive ? input.valueAsNumber <= Number(input.min) : validity.rangeUnderflow) {
            return `Input should be greater than ${exclusive ? "" : "or equal to "}${input.min}`;
        }
        if (validity.rangeOverflow) {
            return `Input should be less than or equal to ${input.max}`;
        }
        return null;
    };

    // The characters a tag may hold are left to the api, which has the one definition of them.
    const tagsMessage = input => {
        const tags = input.value.split(",").map(tag => tag.trim()).filter(tag => tag.length > 0);
        const [maxTags, maxLength] = [Number(input.dataset.maxTags), Number(input.dataset.maxTagLength)];
        const long = tags.find(tag => tag.length > maxLength);
        return tags.length > maxTags ? `At most ${maxTags} tags are allowed (${tags.length} given)`
            : long ? `Tag '${long}' is longer than ${maxLength} characters`
            : null;
    };

    // maxlength stops typing past the limit but not a value put there otherwise (a re-run's, a script's).
    const lengthMessage = input =>
        input.maxLength >= 0 && input.value.length > input.maxLength
            ? `Must be at most ${input.maxLength} characters (${input.value.length} given)`
            : null;

    const messageOf = field => {
        // A field of the data source not chosen is off, is not sent, and so is not judged.
        if (field.closest("fieldset:disabled")) {
            return null;
        }
        if (field.dataset.requiredGroup !== undefined) {
            return field.querySelector("input:checked") ? null : field.dataset.requiredGroup;
        }
        const input = field.querySelector("input, textarea");
        if (!input) {
            return null;
        }
        return input.type === "number" ? numberMessage(input)
            : input.dataset.maxTags ? tagsMessage(input)
            : lengthMessage(input);
    };

    const show = (field, message) => {
        for (const control of field.querySelectorAll("input, textarea")) {
            control.classList.toggle("is-invalid", message !== null);
            control.classList.remove("input-validation-error");
        }
        field.querySelector(".invalid-feedback").textContent = message ?? "";
    };

    const fields = [...form.querySelectorAll("[data-field]")];

    // The data source: the synthetic atmosphere's fields, or one dataset's channels and leads. Only the chosen
    // source's fields are on (so sent); a dataset's regional grid needs the grid backbone, which the server sets.
    const sourceRadios = [...form.querySelectorAll("input[name='Form.DataSource']")];
    const datasetSelect = document.getElementById("Form_Dataset");
    const backbone = document.getElementById("Form_Backbone");
    const showSource = () => {
        const usesDataset = sourceRadios.some(radio => radio.checked && radio.value === "dataset");
        const synthetic = document.getElementById("synthetic-fields");
        document.getElementById("synthetic-column").classList.toggle("d-none", usesDataset);
        synthetic.disabled = usesDataset;
        document.getElementById("dataset-fields")?.classList.toggle("d-none", !usesDataset);
        for (const options of form.querySelectorAll(".dataset-options")) {
            const chosen = usesDataset && datasetSelect && options.dataset.dataset === datasetSelect.value;
            options.disabled = !chosen;
            options.classList.toggle("d-none", !chosen);
        }
        if (backbone) {
            if (usesDataset) {
                backbone.value = "grid";
            }
            backbone.disabled = usesDataset;
        }
    };
    for (const radio of sourceRadios) {
        radio.addEventListener("change", showSource);
    }
    datasetSelect?.addEventListener("change", showSource);
    showSource();

    form.addEventListener("submit", event => {
        const invalid = fields.map(field => [field, messageOf(field)]).filter(([, message]) => message !== null);
        if (invalid.length === 0) {
            return;
        }
        event.preventDefault();
        for (const [field, message] of invalid) {
            show(field, message);
        }
        invalid[0][0].querySelector("input, textarea").focus();
    });

    // A field shown invalid, by this script or the server, is judged again as it is edited, so its message goes
    // once it is mended; the others keep theirs until the user gets to them.
    for (const field of fields) {
        field.addEventListener("input", () => {
            if (field.querySelector(".is-invalid, .input-validation-error")) {
                show(field, messageOf(field));
            }
        });
    }
})();
