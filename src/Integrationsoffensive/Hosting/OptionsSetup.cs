using Integrationsoffensive.Content;

namespace Integrationsoffensive.Hosting;

public static class OptionsSetup
{
    public static void AddSiteOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .Validate(o => o.HasValidBaseUrl(), "Site:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();

        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Content:Path must name the content folder.")
            .ValidateOnStart();

        builder.Services.AddSingleton(builder.DataDirectory());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteLinks>();
    }
}
