using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Integrationsoffensive.Features.Accounts;

/// <summary>
/// Changes to one moderator's row that must not be lost when requests overlap (failed attempts,
/// lockout, used authenticator codes): read, decide, then write only if the row's concurrency
/// stamp is still the one read; otherwise read again and decide again. Works the same on every
/// database and with several instances, because the database decides which write wins.
/// </summary>
internal static class AccountRow
{
    private const int MaxRounds = 50;

    /// <summary>
    /// <paramref name="decide"/> sees the current row and returns the change to make (null: none)
    /// and the answer for the caller; the change is applied atomically, or decided again.
    /// </summary>
    public static async Task<T> ChangeAsync<T>(AppDbContext db, string userId, Func<Moderator, (Action<UpdateSettersBuilder<Moderator>>? Change, T Answer)> decide)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            var (change, answer) = decide(current);
            if (change is null)
            {
                return answer;
            }

            var stamp = Guid.NewGuid().ToString();
            var written = await db.Users
                .Where(u => u.Id == userId && u.ConcurrencyStamp == current.ConcurrencyStamp)
                .ExecuteUpdateAsync(s =>
                {
                    change(s);
                    s.SetProperty(u => u.ConcurrencyStamp, stamp);
                });
            if (written == 1)
            {
                await RefreshAsync(db, userId);
                return answer;
            }
        }

        throw new InvalidOperationException($"The account row changed {MaxRounds} times in a row while it was being updated.");
    }

    /// <summary>A tracked copy of the row, if any, takes the stored values, so a later save does not overwrite them.</summary>
    public static async Task RefreshAsync(AppDbContext db, string userId)
    {
        if (db.ChangeTracker.Entries<Moderator>().FirstOrDefault(e => e.Entity.Id == userId) is { } tracked)
        {
            await tracked.ReloadAsync();
        }
    }
}
