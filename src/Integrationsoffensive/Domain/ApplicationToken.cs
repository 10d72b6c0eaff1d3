using System.Security.Cryptography;
using System.Text;

namespace Integrationsoffensive.Domain;

public enum TokenPurpose
{
    Confirm,
    Withdraw,
}

/// <summary>
/// A link token for one application: 256 random bits, handed out once in an e-mail; only its
/// SHA-256 hash is stored, so a copy of the database cannot be turned into working links.
/// </summary>
public sealed class ApplicationToken
{
    private ApplicationToken()
    {
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public Application Application { get; private set; } = null!;
    public TokenPurpose Purpose { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }

    public bool IsExpired(DateTime now) => ExpiresAt is { } expires && now >= expires;

    /// <summary>Creates a token for the application and returns it with the value for the link.</summary>
    public static (ApplicationToken Token, string Value) Issue(Application application, TokenPurpose purpose, DateTime now, TimeSpan? lifetime)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApplicationToken
        {
            Application = application,
            Purpose = purpose,
            Hash = HashOf(value),
            CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
        };
        application.Tokens.Add(token);
        return (token, value);
    }

    public static string HashOf(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
