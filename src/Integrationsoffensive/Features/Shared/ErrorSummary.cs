using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Integrationsoffensive.Features.Shared;

/// <summary>The errors of a form in the order its fields appear, form-level messages first.</summary>
public static class ErrorSummary
{
    public sealed record Item(string? FieldId, string Message);

    /// <summary>The summary's heading unless a page sets its own (<see cref="TitleKey"/>).</summary>
    public const string DefaultTitle = "Bitte prüfen Sie Ihre Angaben";

    /// <summary>
    /// The ViewData entry a page sets when nothing typed was wrong but the form came back anyway
    /// (the database was away): then „check your entries“ would send the person hunting for a mistake.
    /// </summary>
    public const string TitleKey = "ErrorSummaryTitle";

    public static string TitleFor(ViewContext context) => context.ViewData[TitleKey] as string ?? DefaultTitle;

    private static (int Depth, int Token) DeclarationOrder(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata)
    {
        // GetProperties, not GetProperty: a property hidden with "new" would make the lookup ambiguous.
        var property = metadata.ContainerType?.GetProperties().FirstOrDefault(p => p.Name == metadata.PropertyName);
        var depth = 0;
        for (var type = property?.DeclaringType?.BaseType; type is not null; type = type.BaseType)
        {
            depth++;
        }

        return (depth, property?.MetadataToken ?? int.MaxValue);
    }

    public static IReadOnlyList<Item> For(ViewContext context)
    {
        if (context.ViewData.ModelState.ErrorCount == 0)
        {
            return []; // most form pages are shown without errors: no field order needed
        }

        // ModelState enumerates as a prefix tree, not in field order. Fields are ordered as they are
        // declared, base-class fields (the public ones of an application) before derived ones.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in context.ViewData.ModelMetadata.Properties)
        {
            foreach (var nested in property.Properties.OrderBy(DeclarationOrder))
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
