using System.Globalization;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// Which page of a long list is shown: the one pagination of the site (public list, queue, audit
/// trail). The requested page is clamped to the pages there are, so every URL answers sensibly.
/// </summary>
public sealed record Pagination(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The page asked for (a number from the query string, or anything else), within 1 … PageCount.</summary>
    public static Pagination Of(string? requested, int total, int pageSize) =>
        Of(int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1, total, pageSize);

    public static Pagination Of(int requested, int total, int pageSize)
    {
        var pagination = new Pagination(1, pageSize, total);
        return pagination with { Page = Math.Clamp(requested, 1, pagination.PageCount) };
    }

    /// <summary>
    /// The page numbers to link: the first, the last and two either side of the current one;
    /// null marks a gap („…“).
    /// </summary>
    public IReadOnlyList<int?> Numbers()
    {
        var numbers = new List<int?>();
        for (var page = 1; page <= PageCount; page++)
        {
            if (page == 1 || page == PageCount || Math.Abs(page - Page) <= 2)
            {
                numbers.Add(page);
            }
            else if (numbers[^1] is not null)
            {
                numbers.Add(null);
            }
        }

        return numbers;
    }
}

/// <summary>What the pagination partial needs: where we are, and the address of any page.</summary>
public sealed record PageLinks(Pagination Pagination, Func<int, string> Url);
