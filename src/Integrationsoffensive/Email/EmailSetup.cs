using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Email;

public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .Validate(o => o.PollIntervalSeconds > 0 && o.MaxAttempts > 0, "Email:PollIntervalSeconds and Email:MaxAttempts must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryMailTransport>());
        services.AddSingleton<MailSignature>();
        services.AddSingleton<ApplicationMails>();
        services.AddSingleton<ConfirmationMails>();
        services.AddSingleton<ModeratorMails>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
