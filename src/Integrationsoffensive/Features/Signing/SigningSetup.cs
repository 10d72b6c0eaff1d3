using Integrationsoffensive.Features.Appeal;

namespace Integrationsoffensive.Features.Signing;

public static class SigningSetup
{
    public static IServiceCollection AddSigning(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>()
            .BindConfiguration(SigningOptions.Section)
            .Validate(o => o.ConfirmationLinkValidDays > 0 && o.UnconfirmedRetentionDays > 0 && o.RejectedContactRetentionDays > 0
                && o.MinimumFillSeconds >= 0 && o.RetentionIntervalMinutes > 0, "Signing: periods must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IContentVariableSource, SigningContentVariables>();
        services.AddSingleton<SigningMails>();
        services.AddSingleton<FormTimer>();
        services.AddScoped<RetentionJob>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
