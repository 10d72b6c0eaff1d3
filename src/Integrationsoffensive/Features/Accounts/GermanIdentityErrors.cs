using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>Identity's messages in German, for the few a moderator can see.</summary>
public sealed class GermanIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Das Passwort muss mindestens {length} Zeichen lang sein." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Das Passwort muss mindestens {uniqueChars} verschiedene Zeichen enthalten." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Das bisherige Passwort stimmt nicht." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Dieser Link ist ungültig oder abgelaufen. Bitte lassen Sie sich neu einladen." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Für diese E-Mail-Adresse gibt es bereits ein Konto." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Für diese E-Mail-Adresse gibt es bereits ein Konto." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Bitte geben Sie eine gültige E-Mail-Adresse an." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Das hat nicht geklappt. Bitte versuchen Sie es erneut." };
}
