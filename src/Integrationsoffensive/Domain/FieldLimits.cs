namespace Integrationsoffensive.Domain;

/// <summary>Maximum lengths, enforced by validation and by the database schema alike.</summary>
public static class FieldLimits
{
    public const int OrganizationName = 200;
    public const int Place = 100;
    public const int Website = 300;
    public const int Statement = 500;
    public const int ContactName = 150;
    public const int Email = 254;
    public const int Phone = 50;
}
