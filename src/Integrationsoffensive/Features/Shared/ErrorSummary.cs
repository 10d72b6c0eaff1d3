using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Integrationsoffensive.Features.Shared;

/// <summary>The errors of a form in the order its fields appear, form-level messages first.</summary>
public static class ErrorSummary
{
    public sealed record Item(string? FieldId, string Message);

    public static IReadOnlyList<Item> For(ViewContext context)
    {
        // ModelState enumerates as a prefix tree, not in field order; the model's metadata knows the order.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in context.ViewData.ModelMetadata.Properties)
        {
            foreach (var nested in property.Properties)
            {
                order[property.PropertyName + "." + nested.PropertyName] = order.Count;
            }

            order.TryAdd(property.PropertyName!, order.Count);
        }

        return context.ViewData.ModelState
            .Where(entry => entry.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
            .OrderBy(entry => entry.Key.Length == 0 ? -1 : order.GetValueOrDefault(entry.Key, int.MaxValue))
            .Select(entry => new Item(
                entry.Key.Length == 0 ? null : TagBuilder.CreateSanitizedId(entry.Key, "_"),
                entry.Value!.Errors[0].ErrorMessage))
            .ToList();
    }
}
