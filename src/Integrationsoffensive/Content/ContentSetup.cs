namespace Integrationsoffensive.Content;

public static class AppealSetup
{
    public static IServiceCollection AddAppealContent(this IServiceCollection services)
    {
        services.AddSingleton<ContentVariables>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ContentStore>();
        return services;
    }

    /// <summary>
    /// Renders the appeal once at start, so a broken content folder shows in the log before the
    /// first reader arrives, and warns while editors still have placeholders to fill in.
    /// </summary>
    public static void WarmUpContent(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<ContentStore>();
        var logger = app.Services.GetRequiredService<ILogger<ContentStore>>();
        if (AppealContent.Load(store) is null)
        {
            logger.LogError("The appeal could not be loaded from {ContentRoot}; the home page answers 503 until it can", store.RootPath);
        }

        var unreadable = store.Unreadable();
        if (unreadable.Count > 0)
        {
            logger.LogWarning(
                "Content the site may not read is left out: {ContentFiles} (give the site's user read access)",
                string.Join(", ", unreadable));
        }

        var withPlaceholders = store.FilesWithPlaceholders();
        if (withPlaceholders.Count > 0)
        {
            logger.LogWarning(
                "Content still contains placeholders to fill in before going live: {ContentFiles}",
                string.Join(", ", withPlaceholders));
        }
    }
}
