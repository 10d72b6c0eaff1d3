namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// Waiting for what the site does in the background (the outbox sender, logging after the
/// response): the one polling loop of the tests. It fails loudly, naming what it waited for and
/// what it saw last, instead of letting a later assertion fail without a reason.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Probes until <paramref name="done"/> holds for the probed value, and returns that value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s: {describe(value)}");
            }

            await Task.Delay(20);
        }
    }

    public static Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null) =>
        WaitForAsync(() => Task.FromResult(probe()), done, describe, timeout);

    /// <summary>Waits until a condition holds; <paramref name="what"/> says what was expected.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        WaitForAsync(condition, holds => holds, _ => "expected " + what, timeout);
}
