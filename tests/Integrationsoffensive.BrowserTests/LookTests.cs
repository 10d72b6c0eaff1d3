using Integrationsoffensive.BrowserTests.Infrastructure;

namespace Integrationsoffensive.BrowserTests;

/// <summary>What was seen wrong in the look of the site, checked where a person sees it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LookTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PasswordField_OnTheLogin_IsStyledLikeEveryOtherField()
    {
        await using var context = await fixture.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/anmelden");

        var password = await page.Locator("input[type=password]").BoundingBoxAsync();
        var email = await page.Locator("input[type=email]").BoundingBoxAsync();
        Assert.True(password!.Height >= 44, $"the password field is {password.Height} px tall");
        Assert.Equal(email!.Width, password.Width);
    }

    [Fact]
    public async Task CurrentPage_AndTheMitzeichnenButton_LookDifferent()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/unterzeichnende");

        var current = await page.EvaluateAsync<string[]>("""
            () => [document.querySelector('.site-nav a[aria-current=page]'), document.querySelector('.site-header .button--header')]
                .map(e => getComputedStyle(e)).map(s => s.backgroundColor + '|' + s.borderBottomColor)
            """);
        Assert.NotEqual(current[0], current[1]);
        Assert.StartsWith("rgba(0, 0, 0, 0)", current[0]); // the current page is underlined, not filled
        Assert.DoesNotContain("rgba(0, 0, 0, 0)", current[1].Split('|')[0]); // the button is filled
    }
}
