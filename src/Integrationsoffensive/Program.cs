using Integrationsoffensive.Cli;
using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Features.Appeal;
using Integrationsoffensive.Features.Handover;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Features.Signatories;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Features.Site;
using Integrationsoffensive.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var command = HostCommands.IsCommand(args);
var hostArgs = command ? HostCommands.HostArgs(args) : args;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ContentRoot.Default(hostArgs) });

builder.AddSiteLogging();
builder.AddSiteOptions();
builder.AddData();
builder.Services.AddAppealContent();
builder.Services.AddAppealTranslations();
builder.Services.AddDomain();
builder.Services.AddEmail();
builder.Services.AddSigning();
builder.Services.AddSignatories();
builder.Services.AddPublicCache();
builder.AddSiteRedis(); // output cache and form limits in Redis when Redis:Configuration is set
builder.AddAccounts();
builder.AddSiteRateLimiting();
builder.AddSiteWeb();

var app = builder.Build();

// The database is created or upgraded on another thread while the pipeline is put together and
// the content is read (the first answer of a fresh start comes sooner); nothing before the await
// below touches the database.
var migration = Task.Run(app.MigrateDatabaseAsync);

app.UseForwardedHeaders();
app.UseHotPages(); // the public pages asked for most, as the output cache last answered them
app.UseSiteErrorPages();
app.UseSecurityHeaders();
app.UseRouting();
app.UsePublicCache(); // cache hits end here: public pages are the same for everyone
app.UseSiteRequestLogging(); // after the cache: a hit is a reader's view, not logged (Debug) anyway
app.UseRateLimiter();
app.UseKeyRingWhenFirstNeeded();
app.UseModeratorAuthentication();
app.UseAuthorization();

app.MapStaticAssets();
app.MapSiteEndpoints();
app.MapOpenData();
app.MapCounter();
app.MapShareCard();
app.MapHandoverPdf();
app.MapLogos();
app.MapRazorPages().WithStaticAssets();

app.UseStaticAssetsGuard();

// Registers the endpoints with the link generator now rather than when the server starts, so that
// commands, which never start it, can build links from page names too.
app.UseEndpoints(_ => { });
if (!command)
{
    app.WarmUpContent();
}

try
{
    await migration;
}
catch (Exception exception) when (StorageFailures.IsLockedByAnother(exception))
{
    // One clear line for the operator instead of a stack trace; the process exits with 1.
    app.Logger.LogCritical(
        "Start abgebrochen: Die Datenbank ist gesperrt – ein anderes Programm (eine Sicherung, eine zweite Kopie der Website?) hält sie. Startup aborted: the database is locked by another process. {Reason}",
        exception.GetBaseException().Message);
    return 1;
}
catch (Exception exception) when (StorageFailures.IsStorageFailure(exception))
{
    app.Logger.LogCritical(
        "Start abgebrochen: Die Datenbank lässt sich nicht beschreiben (schreibgeschützt, Datenträger voll oder nicht erreichbar). Startup aborted: the database cannot be written. {Reason}",
        exception.GetBaseException().Message);
    return 1;
}

if (command)
{
    return await HostCommands.RunAsync(app.Services, args, Console.Out);
}

app.WarnBeforeLaunch();
app.LogMemorySettings();
var addresses = app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "(siehe Grund)";
try
{
    await app.RunAsync();
}
catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Another process listens there (the old one of a restart that has not let go yet, a second
    // copy): one clear line and exit code 1 instead of an unhandled exception and an abort.
    app.Logger.LogCritical(
        "Start abgebrochen: Die Adresse {Addresses:l} ist schon belegt (läuft die Website schon, oder nutzt ein anderes Programm den Port?). Startup aborted: the address is already in use. {Reason:l}",
        addresses, exception.Message);
    return 1;
}

return 0;

// Visible to WebApplicationFactory in the tests.
public partial class Program;
