using Integrationsoffensive.Content;
using Microsoft.Extensions.Options;

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

        builder.Services.AddOptions<DataDirectoryOptions>()
            .Configure<IConfiguration>((o, configuration) => o.Path = configuration[DataDirectoryOptions.ConfigurationKey] ?? o.Path)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "DataDirectory must name a folder.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new DataDirectory(Path.Combine(
            services.GetRequiredService<IHostEnvironment>().ContentRootPath,
            services.GetRequiredService<IOptions<DataDirectoryOptions>>().Value.Path)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteLinks>();
        builder.Services.AddSingleton<ShareLinks>();
    }
}
