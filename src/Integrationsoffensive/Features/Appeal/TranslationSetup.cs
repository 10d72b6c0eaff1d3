using Integrationsoffensive.Content;

namespace Integrationsoffensive.Features.Appeal;

/// <summary>
/// The translations live at /{route} (e.g. /en), the same shape as the static pages (/impressum):
/// a route constraint lets only the routes of languages found in content/ through to the
/// translation, and keeps them from the static pages, so a new language folder needs no change of code.
/// </summary>
public static class TranslationSetup
{
    public const string ConstraintName = "appeallanguage";
    public const string NotConstraintName = "notappeallanguage";

    public static IServiceCollection AddAppealTranslations(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options =>
        {
            options.ConstraintMap[ConstraintName] = typeof(AppealLanguageConstraint);
            options.ConstraintMap[NotConstraintName] = typeof(NotAppealLanguageConstraint);
        });
        return services;
    }
}

/// <summary>Matches the route segment of a language in content/ ("en", "leichte-sprache"), nothing else.</summary>
public sealed class AppealLanguageConstraint(ContentStore store) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && AppealLanguages.Find(store, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)) is not null;
}

/// <summary>Everything but a language's route segment: /en is the translation even if seiten/en.md exists.</summary>
public sealed class NotAppealLanguageConstraint(ContentStore store) : IRouteConstraint
{
    private readonly AppealLanguageConstraint _language = new(store);

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        !_language.Match(httpContext, route, routeKey, values, routeDirection);
}
