using AngleSharp.Html.Dom;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Fills and posts a real form as a browser would: every field it has, antiforgery token included.</summary>
public static class Forms
{
    /// <summary>
    /// Posts the form with the given values; <paramref name="button"/> (a selector within the form)
    /// is the submit button pressed, which adds its name and value and may post elsewhere (formaction).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string? formSelector, IReadOnlyDictionary<string, string?> values, string? button = null)
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
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
