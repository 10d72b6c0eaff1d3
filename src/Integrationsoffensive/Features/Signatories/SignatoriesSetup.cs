namespace Integrationsoffensive.Features.Signatories;

public static class SignatoriesSetup
{
    public static IServiceCollection AddSignatories(this IServiceCollection services)
    {
        services.AddSingleton<LetterIndex>(); // kept between evictions of the public cache, like the pages
        return services;
    }
}
