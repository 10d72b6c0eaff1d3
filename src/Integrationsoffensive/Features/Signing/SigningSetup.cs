namespace Integrationsoffensive.Features.Signing;

public static class SigningSetup
{
    public static IServiceCollection AddSigning(this IServiceCollection services)
    {
        services.AddSingleton<FormTimer>();
        services.AddScoped<Submissions>();
        services.AddSingleton<SubmissionWriter>();
        services.AddHostedService(services => services.GetRequiredService<SubmissionWriter>());
        return services;
    }
}
