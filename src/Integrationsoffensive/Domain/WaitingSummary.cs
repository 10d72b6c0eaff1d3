namespace Integrationsoffensive.Domain;

/// <summary>The queue in one line: how many wait, how many too long, and the one waiting longest.</summary>
public sealed record WaitingSummary(int Count, int Overdue, int OverdueDays, string OldestName, DateTime OldestConfirmedAt);
