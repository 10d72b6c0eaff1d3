using Integrationsoffensive.Cli;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Accounts;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Tests.Features.Moderation;

/// <summary>The moderator commands on the same executable, run against the site's database.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await HostCommands.RunAsync(_site.Services, args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Add_PrintsAOneTimeInvitationLink_ThatOpensTheEnrolmentPage()
    {
        var (exit, output) = await RunAsync("moderator", "add", "neu@aufruf.example", "--admin");

        Assert.Equal(0, exit);
        var link = output.Split('\n').Single(l => l.StartsWith(SiteFactory.PublicBaseUrl + "/konto/einladung/", StringComparison.Ordinal)).Trim();
        var (_, page) = await _site.CreatePlainClient().GetPageAsync(link[SiteFactory.PublicBaseUrl.Length..]);
        Assert.Equal("Einladung annehmen", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("img.qr-code[src^='data:image/png;base64,']"));
        Assert.Contains(await _site.WithDbAsync(db => db.AuditEntries.ToListAsync()), e => e.Action == AuditAction.ModeratorInvited && e.Actor == AuditActors.Cli);
    }

    [Fact]
    public async Task List_ShowsRoleAndTwoFactorState()
    {
        await _site.CreateModeratorAsync("aktiv@aufruf.example");
        await RunAsync("moderator", "add", "eingeladen@aufruf.example", "--admin");

        var (exit, output) = await RunAsync("moderator", "list");

        Assert.Equal(0, exit);
        Assert.Matches(@"aktiv@aufruf\.example\s+Moderation\s+2FA: ja\s+aktiv", output);
        Assert.Matches(@"eingeladen@aufruf\.example\s+Admin\s+2FA: nein\s+aktiv", output);
    }

    [Fact]
    public async Task Disable_LocksTheAccount_SoThePasswordNoLongerWorks()
    {
        var moderator = await _site.CreateModeratorAsync("weg@aufruf.example");

        var (exit, _) = await RunAsync("moderator", "disable", "weg@aufruf.example");

        Assert.Equal(0, exit);
        var client = _site.CreatePlainClient();
        var (_, login) = await client.GetPageAsync("/konto/anmelden");
        var response = await client.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
        Assert.Contains(LoginModel.FailedMessage, (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(1, (await RunAsync("moderator", "disable", "weg@aufruf.example")).Exit);
    }

    [Fact]
    public async Task Reinvite_PrintsANewLink_AndEnable_UndoesDisable()
    {
        var moderator = await _site.CreateModeratorAsync("wieder@aufruf.example");
        await RunAsync("moderator", "disable", "wieder@aufruf.example");

        var (enabled, _) = await RunAsync("moderator", "enable", "wieder@aufruf.example");
        var (exit, output) = await RunAsync("moderator", "reinvite", "wieder@aufruf.example");

        Assert.Equal(0, enabled);
        Assert.Equal(0, exit);
        Assert.Contains("auch per E-Mail verschickt", output);
        var link = output.Split('\n').Single(l => l.StartsWith(SiteFactory.PublicBaseUrl + "/konto/einladung/", StringComparison.Ordinal)).Trim();
        var (renewed, _) = await _site.AcceptInvitationAsync(_site.CreatePlainClient(), link[SiteFactory.PublicBaseUrl.Length..], moderator.Email);
        Assert.NotEqual(moderator.Key, renewed.Key);
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsage_AndExits2()
    {
        var (exit, output) = await RunAsync("moderator", "löschen");

        Assert.Equal(2, exit);
        Assert.Contains("moderator add <e-mail> [--admin]", output);
    }
}

public sealed class SeedDemoTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task SeedDemo_OutsideDevelopment_IsRefused()
    {
        using var output = new StringWriter();

        var exit = await HostCommands.RunAsync(_site.Services, ["seed-demo", "10"], output);

        Assert.Equal(1, exit);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync()));
    }
}

public sealed class SeedDemoInDevelopmentTests : IDisposable
{
    private readonly DevelopmentSite _site = new();

    public void Dispose() => _site.Dispose();

    private sealed class DevelopmentSite : SiteFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Development");
        }
    }

    [Fact]
    public async Task SeedDemo_PublishesNPlausibleOrganizations_ThatTheListShows()
    {
        using var output = new StringWriter();

        var exit = await HostCommands.RunAsync(_site.Services, ["seed-demo", "120"], output);

        Assert.Equal(0, exit);
        Assert.Equal(120, await _site.WithDbAsync(db => db.Applications.CountAsync(a => a.Status == ApplicationStatus.Published)));
        var (_, page) = await _site.CreatePlainClient().GetPageAsync("/unterzeichnende");
        Assert.Contains("131 Organisationen", page.QuerySelector(".lead")!.Text());
        Assert.Contains("Seite 1 von 3", page.QuerySelector(".pagination")!.Text());
    }

    [Fact]
    public async Task SeedDemo_Waiting_FillsTheQueueWithConfirmedApplications()
    {
        using var output = new StringWriter();

        var exit = await HostCommands.RunAsync(_site.Services, ["seed-demo", "7", "--waiting"], output);

        Assert.Equal(0, exit);
        Assert.Equal(7, await _site.WithDbAsync(db => db.Applications.CountAsync(a => a.Status == ApplicationStatus.Confirmed && a.Email != null)));
        Assert.Equal(0, await _site.WithDbAsync(db => db.Applications.CountAsync(a => a.Status != ApplicationStatus.Confirmed)));
    }
}
