using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integrationsoffensive.Tests.Features.Accounts;

/// <summary>
/// The time a refused sign-in takes must not tell whether the address has an account or the account
/// is locked. The work that dominates it is one password hash: every refusal does exactly one.
/// (Tests never time; they count the hashes.)
/// </summary>
public sealed class LoginTimingTests : IDisposable
{
    private readonly CountingSite _site = new();

    public void Dispose() => _site.Dispose();

    private sealed class CountingSite : SiteFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Moderator>>(Hasher));
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<Moderator>
    {
        private readonly PasswordHasher<Moderator> _real = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(Moderator user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Moderator user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<int> HashesForAttemptAsync(string email, string password)
    {
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var before = _site.Hasher.Verifications;
        await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        return _site.Hasher.Verifications - before;
    }

    [Fact]
    public async Task UnknownAddress_KnownAccount_AndLockedAccount_EachCostOneHash()
    {
        var moderator = await _site.CreateModeratorAsync();

        Assert.Equal(1, await HashesForAttemptAsync("niemand@aufruf.example", "irgendein Passwort"));
        Assert.Equal(1, await HashesForAttemptAsync(moderator.Email, "falsches Passwort"));
        for (var i = 0; i < 5; i++)
        {
            await HashesForAttemptAsync(moderator.Email, "falsch " + i);
        }

        Assert.Equal(1, await HashesForAttemptAsync(moderator.Email, "noch ein falsches"));
    }
}
