using Integrationsoffensive.Content;

namespace Integrationsoffensive.Domain;

public static class DomainSetup
{
    /// <summary>The shared model's services: the periods it keeps data for, the duplicate check, retention.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>()
            .BindConfiguration(SigningOptions.Section)
            .Validate(o => o.ConfirmationLinkValidDays > 0 && o.UnconfirmedRetentionDays > 0 && o.RejectedContactRetentionDays > 0
                && o.UnpublishedContactRetentionDays > 0 && o.ConfirmationMailIntervalMinutes >= 0 && o.MinimumFillSeconds >= 0 && o.RetentionIntervalMinutes > 0,
                "Signing: periods must be positive.")
            .ValidateOnStart();
        services.AddOptions<ReviewOptions>()
            .BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.IsValid(), "Moderation: OverdueDays and DigestCheckMinutes must be positive, DigestHour between 0 and 23.")
            .ValidateOnStart();
        services.AddSingleton<IContentVariableSource, SigningContentVariables>();
        services.AddScoped<DuplicateCheck>();
        services.AddSingleton<DuplicateIndexCache>();
        services.AddSingleton<DuplicateIndexMaintenance>();
        services.AddScoped<TypicalReview>();
        services.AddScoped<RetentionJob>();
        services.AddHostedService<RetentionService>();
        services.AddScoped<ReviewDigestJob>();
        services.AddHostedService<ReviewDigestService>();
        return services;
    }
}
