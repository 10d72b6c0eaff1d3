using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Signing;

public enum StepState
{
    Done,
    Current,
    Upcoming,
}

/// <summary>One step on the way from the form to the list, with its date once reached.</summary>
public sealed record StatusStep(string Title, StepState State, DateTime? At = null, string? Text = null);

/// <summary>
/// The way of one application as its applicant sees it: submitted → confirmed → in review →
/// published, or where it turned off (rejected, unpublished, withdrawn). Only what the applicant
/// was told already: the rejection reason from the mail, never a moderator's internal note.
/// </summary>
public static class StatusSteps
{
    public static IReadOnlyList<StatusStep> Of(Application a)
    {
        var steps = new List<StatusStep> { new("Mitzeichnung eingereicht", StepState.Done, a.SubmittedAt) };
        if (a.Status == ApplicationStatus.Withdrawn)
        {
            AddReached(steps, a);
            steps.Add(new("Zurückgezogen", StepState.Current, a.WithdrawnAt,
                "Sie haben die Mitzeichnung zurückgezogen. Die Organisation steht auf keiner Seite mehr; Ihre Kontaktdaten und Ihr Logo sind gelöscht."));
            return steps;
        }

        if (a.ConfirmedAt is null)
        {
            steps.Add(new("E-Mail-Adresse bestätigen", StepState.Current, null,
                "Bitte öffnen Sie den Link „Mitzeichnung bestätigen“ aus unserer E-Mail. Erst danach prüfen wir Ihre Angaben."));
            steps.Add(new("Prüfung durch das Team", StepState.Upcoming));
            steps.Add(new("Veröffentlichung", StepState.Upcoming));
            return steps;
        }

        steps.Add(new("E-Mail-Adresse bestätigt", StepState.Done, a.ConfirmedAt));
        switch (a.Status)
        {
            case ApplicationStatus.Confirmed:
                steps.Add(new("Prüfung durch das Team", StepState.Current, a.ConfirmedAt,
                    "Wir prüfen Ihre Angaben, meist innerhalb weniger Tage. Sobald wir entschieden haben, bekommen Sie eine E-Mail."));
                steps.Add(new("Veröffentlichung", StepState.Upcoming));
                break;
            case ApplicationStatus.Rejected:
                steps.Add(new("Geprüft", StepState.Done, a.RejectedAt));
                steps.Add(new("Nicht veröffentlicht", StepState.Current, a.RejectedAt,
                    a.RejectionReason is { Length: > 0 } reason ? "Grund: " + reason : null));
                break;
            case ApplicationStatus.Published:
                steps.Add(new("Geprüft", StepState.Done, a.PublishedAt));
                steps.Add(new("Veröffentlicht", StepState.Current, a.PublishedAt,
                    "Die Organisation steht in der Liste der Unterzeichnenden. Vielen Dank!"));
                break;
            case ApplicationStatus.Unpublished:
                steps.Add(new("Geprüft", StepState.Done, a.PublishedAt));
                steps.Add(new("Veröffentlicht", StepState.Done, a.PublishedAt));
                steps.Add(new("Von der Website genommen", StepState.Current, a.UnpublishedAt,
                    "Das Team hat den Eintrag von der Website genommen. Bei Fragen schreiben Sie uns bitte."));
                break;
        }

        return steps;
    }

    // Before a withdrawal: only the steps that really happened.
    private static void AddReached(List<StatusStep> steps, Application a)
    {
        if (a.ConfirmedAt is { } confirmed)
        {
            steps.Add(new("E-Mail-Adresse bestätigt", StepState.Done, confirmed));
        }

        if (a.RejectedAt is { } rejected)
        {
            steps.Add(new("Nicht veröffentlicht", StepState.Done, rejected, a.RejectionReason is { Length: > 0 } reason ? "Grund: " + reason : null));
        }

        if (a.PublishedAt is { } published)
        {
            steps.Add(new("Veröffentlicht", StepState.Done, published));
        }

        if (a.UnpublishedAt is { } unpublished)
        {
            steps.Add(new("Von der Website genommen", StepState.Done, unpublished));
        }
    }
}
