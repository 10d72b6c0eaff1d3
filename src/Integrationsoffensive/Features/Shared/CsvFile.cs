using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Integrationsoffensive.Features.Shared;

/// <summary>A column of a CSV download: its German header and how a row fills it.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value);

/// <summary>
/// The one CSV writer of the site (open data, moderation exports, dashboard figures), with
/// CsvHelper: UTF-8 with a byte order mark and ";" as German spreadsheet programs expect, and
/// cells a spreadsheet would run as a formula (= + - @) escaped. Rows are streamed to the response,
/// never built in memory.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.GetCultureInfo("de-DE"))
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>
    /// Writes the file. Until the first 16 KB are full nothing reaches the stream, and a failure
    /// before that (the database's, at the first query) leaves it untouched, so the person gets the
    /// error page instead of a download that breaks off: the writers are flushed and disposed only
    /// when every row was written (they hold no resources of their own; the stream stays open).
    /// </summary>
    public static async Task WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Value(row) ?? "");
            }

            await csv.NextRecordAsync();
        }

        await csv.DisposeAsync(); // flushes into the writer
        await writer.DisposeAsync(); // flushes into the stream
    }

    /// <summary>A download of the rows as <paramref name="fileName"/>, for a page handler or an endpoint.</summary>
    public static CsvDownload<T> Download<T>(string fileName, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns) =>
        new(fileName, rows, columns);
}

/// <summary>The response of a CSV download; filters run before it writes, so headers can still be set.</summary>
public sealed class CsvDownload<T>(string fileName, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns) : IActionResult, IResult
{
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = CsvFile.ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await CsvFile.WriteAsync(response.Body, rows, columns, httpContext.RequestAborted);
    }
}
