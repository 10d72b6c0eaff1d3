using System.ComponentModel.DataAnnotations;

namespace Integrationsoffensive.Domain;

/// <summary>A required checkbox: only a ticked box is valid.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTickedAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}

/// <summary>An absolute http or https address with a host name; empty is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || (Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.UserInfo));
}

/// <summary>A single plain e-mail address as MailKit parses it; empty is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length > FieldLimits.Email || EmailAddress.Normalize(text) is not null;
}

/// <summary>One of the values of a fixed list, e.g. the regions; empty is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ChoiceAttribute(string list) : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || list switch
    {
        nameof(OrganizationTypes) => OrganizationTypes.IsKnown(text),
        nameof(Regions) => Regions.IsKnown(text),
        _ => false,
    };
}
