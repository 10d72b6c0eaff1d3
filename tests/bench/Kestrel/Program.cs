// Kestrel alone, serving the bytes press.sh saved from the site for nginx (index.html and
// unterzeichnende.html with their .br and .gz), chosen by Accept-Encoding as nginx's
// brotli_static and gzip_static choose them. No routing, no middleware, no logging: the least an
// ASP.NET Core server does per request.
//   dotnet Kestrel.dll STATIC_DIR --urls http://127.0.0.1:PORT
var folder = args[0];
var pages = new Dictionary<string, Variants>(StringComparer.Ordinal)
{
    ["/"] = Variants.Read(Path.Combine(folder, "index.html")),
    ["/unterzeichnende"] = Variants.Read(Path.Combine(folder, "unterzeichnende.html")),
};

var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var page))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    var accepted = context.Request.Headers.AcceptEncoding.ToString();
    var (encoding, bytes) = accepted.Contains("br", StringComparison.Ordinal) ? ("br", page.Brotli)
        : accepted.Contains("gzip", StringComparison.Ordinal) ? ("gzip", page.Gzip)
        : (null, page.Plain);
    context.Response.ContentType = "text/html";
    context.Response.ContentLength = bytes.Length;
    if (encoding is not null)
    {
        context.Response.Headers.ContentEncoding = encoding;
    }

    return context.Response.Body.WriteAsync(bytes).AsTask();
});
app.Run();

internal sealed record Variants(byte[] Plain, byte[] Gzip, byte[] Brotli)
{
    public static Variants Read(string path) =>
        new(File.ReadAllBytes(path), File.ReadAllBytes(path + ".gz"), File.ReadAllBytes(path + ".br"));
}
