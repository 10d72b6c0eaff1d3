using AngleSharp.Html.Dom;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Fills and posts a real form as a browser would: every field it has, antiforgery token included.</summary>
public static class Forms
{
    /// <summary>
    /// Posts the form with the given values; <paramref name="button"/> (a selector within the form)
    /// is the submit button pressed, which adds its name and value and may post elsewhere (formaction).
    /// </summary>
    /// <remarks>
    /// A form with <c>enctype="multipart/form-data"</c> is posted as a browser posts it: every field
    /// a part, each file input a file part (from <paramref name="files"/>, or empty with no name).
    /// </remarks>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string? formSelector, IReadOnlyDictionary<string, string?> values, string? button = null, IReadOnlyDictionary<string, (string FileName, byte[] Bytes)>? files = null)
    {
        var form = (IHtmlFormElement)(formSelector is null ? page.Forms.Single() : page.QuerySelector(formSelector)!);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "file" }:
                    continue; // added below
                case IHtmlInputElement { Type: "checkbox" } checkbox:
                    var tick = values.TryGetValue(name, out var wanted) ? wanted == "true" : checkbox.IsChecked;
                    if (tick)
                    {
                        fields.Add(new(name, checkbox.Value));
                    }

                    continue;
                case IHtmlInputElement { Type: "radio" } radio:
                    if (values.TryGetValue(name, out var chosenRadio) ? chosenRadio == radio.Value : radio.IsChecked)
                    {
                        fields.Add(new(name, radio.Value));
                    }

                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, values.TryGetValue(name, out var given) ? given ?? "" : input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, values.TryGetValue(name, out var chosen) ? chosen ?? "" : select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, values.TryGetValue(name, out var text) ? text ?? "" : textArea.Value));
                    break;
            }
        }

        // Values for fields the form does not have (a forged "Status") are posted too.
        fields.AddRange(values.Where(v => form.Elements.All(e => e.GetAttribute("name") != v.Key)).Select(v => new KeyValuePair<string, string>(v.Key, v.Value ?? "")));

        var pressed = button is null ? null : form.QuerySelector(button) ?? throw new InvalidOperationException("no button " + button);
        if (pressed?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, pressed.GetAttribute("value") ?? ""));
        }

        var action = pressed?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        if (!string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await client.PostAsync(target, new FormUrlEncodedContent(fields));
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "file"))
        {
            var (fileName, bytes) = files is not null && files.TryGetValue(input.Name!, out var file) ? file : ("", []);
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            part.Headers.ContentDisposition = new("form-data") { Name = $"\"{input.Name}\"", FileName = $"\"{fileName}\"" };
            multipart.Add(part); // an empty name as a browser sends it when no file was chosen
        }

        return await client.PostAsync(target, multipart);
    }
}
