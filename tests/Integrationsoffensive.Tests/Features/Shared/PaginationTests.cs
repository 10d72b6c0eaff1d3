using Integrationsoffensive.Features.Shared;

namespace Integrationsoffensive.Tests.Features.Shared;

/// <summary>The one pagination of the site: pages counted, the requested page clamped, the links to show.</summary>
public sealed class PaginationTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 3)]
    public void PageCount_IsAtLeastOne_AndCountsAStartedPage(int total, int pageCount) =>
        Assert.Equal(pageCount, Pagination.Of(1, total, 50).PageCount);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 50)]
    [InlineData(3, 100)]
    public void Skip_IsTheEntriesOfTheEarlierPages(int page, int skip) =>
        Assert.Equal(skip, Pagination.Of(page, 120, 50).Skip);

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(999, 3)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public void Of_AnyRequestedPage_IsClampedToThePagesThereAre(int requested, int page) =>
        Assert.Equal(new Pagination(page, 50, 120), Pagination.Of(requested, 120, 50));

    [Fact]
    public void Of_AnEmptyList_IsItsOnlyPage() => Assert.Equal(new Pagination(1, 50, 0), Pagination.Of(5, 0, 50));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("7", 3)]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("zwei", 1)]
    [InlineData("-2", 1)]
    [InlineData("2.0", 1)]
    public void Of_ThePageFromTheQueryString_ReadsOnlyPlainNumbers(string? requested, int page) =>
        Assert.Equal(page, Pagination.Of(requested, 120, 50).Page);

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(3, true, false)]
    public void PreviousAndNext_ExistExceptAtTheEnds(int page, bool previous, bool next)
    {
        var pagination = Pagination.Of(page, 120, 50);

        Assert.Equal((previous, next), (pagination.HasPrevious, pagination.HasNext));
    }

    [Fact]
    public void ASinglePage_HasNeitherPreviousNorNext()
    {
        var pagination = Pagination.Of(1, 10, 50);

        Assert.Equal((false, false), (pagination.HasPrevious, pagination.HasNext));
        Assert.Equal([1], pagination.Numbers());
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 3, 0, 10 })]
    [InlineData(4, new[] { 1, 2, 3, 4, 5, 6, 0, 10 })]
    [InlineData(5, new[] { 1, 0, 3, 4, 5, 6, 7, 0, 10 })]
    [InlineData(8, new[] { 1, 0, 6, 7, 8, 9, 10 })]
    [InlineData(10, new[] { 1, 0, 8, 9, 10 })]
    public void Numbers_AreFirstLastAndTwoEitherSide_WithOneGapMarkEach(int page, int[] expected)
    {
        var numbers = Pagination.Of(page, 500, 50).Numbers();

        Assert.Equal(expected.Select(n => n == 0 ? (int?)null : n), numbers);
    }

    [Fact]
    public void Numbers_OfFivePages_HaveNoGap() =>
        Assert.Equal([1, 2, 3, 4, 5], Pagination.Of(3, 250, 50).Numbers());
}
