using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// <c>&lt;form-field for="Input.Email" label="E-Mail-Adresse" type="email" autocomplete="email" /&gt;</c>:
/// one accessible field with its label, optional hint and error message, both tied to the control
/// with <c>aria-describedby</c>, and <c>aria-invalid</c> while it has an error. Values come back as
/// typed. No <c>required</c> or <c>maxlength</c>: the server explains every problem in German,
/// and a browser must never cut off pasted text without saying so.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }

    /// <summary>Shows "(optional)" after the label.</summary>
    public bool Optional { get; set; }

    /// <summary>Renders a select with these choices (and an empty first option).</summary>
    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>Renders a textarea with this many rows.</summary>
    public int Rows { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = FieldErrors.FirstFor(ViewContext, name);
        var value = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(For.Model, CultureInfo.InvariantCulture);

        var describedBy = new List<string>();
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<label class=\"field__label\" for=\"{id}\">");
        html.Append(Label);
        if (Optional)
        {
            html.AppendHtml(" <span class=\"field__optional\">(optional)</span>");
        }

        html.AppendHtml("</label>\n");
        if (Hint is not null)
        {
            describedBy.Add(id + "-hinweis");
            html.AppendHtml($"<p class=\"field__hint\" id=\"{id}-hinweis\">").Append(Hint).AppendHtml("</p>\n");
        }

        if (error is not null)
        {
            describedBy.Add(id + "-fehler");
            html.AppendHtml($"<p class=\"field__error\" id=\"{id}-fehler\"><span class=\"visually-hidden\">Fehler: </span>").Append(error).AppendHtml("</p>\n");
        }

        html.AppendHtml(Control(id, name, value, describedBy, error is not null));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field--error");
        output.Content.SetHtmlContent(html);
    }

    private TagBuilder Control(string id, string name, string? value, List<string> describedBy, bool invalid)
    {
        var tag = new TagBuilder(Options is not null ? "select" : Rows > 0 ? "textarea" : "input");
        tag.Attributes["id"] = id;
        tag.Attributes["name"] = name;
        if (!Optional)
        {
            tag.Attributes["aria-required"] = "true";
        }

        if (describedBy.Count > 0)
        {
            tag.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (invalid)
        {
            tag.Attributes["aria-invalid"] = "true";
        }

        if (Autocomplete is not null)
        {
            tag.Attributes["autocomplete"] = Autocomplete;
        }

        if (Options is not null)
        {
            tag.InnerHtml.AppendHtml("<option value=\"\">Bitte wählen</option>");
            foreach (var option in Options)
            {
                var optionTag = new TagBuilder("option");
                optionTag.Attributes["value"] = option.Value;
                if (option.Value == value)
                {
                    optionTag.Attributes["selected"] = "selected";
                }

                optionTag.InnerHtml.Append(option.Text);
                tag.InnerHtml.AppendHtml(optionTag);
            }
        }
        else if (Rows > 0)
        {
            tag.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
            tag.InnerHtml.Append(value ?? "");
        }
        else
        {
            tag.TagRenderMode = TagRenderMode.SelfClosing;
            tag.Attributes["type"] = Type;
            // A password is never sent back to the browser, not even after an error.
            tag.Attributes["value"] = Type == "password" ? "" : value ?? "";
            if (Type == "email")
            {
                tag.Attributes["spellcheck"] = "false";
            }
        }

        return tag;
    }
}

/// <summary>
/// <c>&lt;form-checkbox for="Input.Consent"&gt;label with links&lt;/form-checkbox&gt;</c>: a required
/// checkbox whose label is the element's content, with its error tied to it.
/// </summary>
[HtmlTargetElement("form-checkbox")]
public sealed class FormCheckboxTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var label = await output.GetChildContentAsync();
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = FieldErrors.FirstFor(ViewContext, name);
        var isChecked = For.Model is true;

        var html = new HtmlContentBuilder();
        if (error is not null)
        {
            html.AppendHtml($"<p class=\"field__error\" id=\"{id}-fehler\"><span class=\"visually-hidden\">Fehler: </span>").Append(error).AppendHtml("</p>\n");
        }

        html.AppendHtml($"<input class=\"checkbox__input\" type=\"checkbox\" id=\"{id}\" name=\"{HtmlEncoder.Default.Encode(name)}\" value=\"true\" aria-required=\"true\"");
        html.AppendHtml(isChecked ? " checked" : "");
        html.AppendHtml(error is not null ? $" aria-invalid=\"true\" aria-describedby=\"{id}-fehler\">" : ">");
        html.AppendHtml($"\n<label class=\"checkbox__label\" for=\"{id}\">").AppendHtml(label).AppendHtml("</label>");

        output.TagName = "div";
        output.Attributes.SetAttribute("class", error is null ? "field checkbox" : "field checkbox field--error");
        output.Content.SetHtmlContent(html);
    }
}

internal static class FieldErrors
{
    public static string? FirstFor(ViewContext context, string name) =>
        context.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
}
