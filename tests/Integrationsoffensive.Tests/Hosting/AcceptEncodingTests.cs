using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Integrationsoffensive.Tests.Hosting;

/// <summary>
/// The Accept-Encoding header is reduced to the one encoding a public answer will have, and each
/// spelling browsers send is parsed once; spellings a client makes up are never kept.
/// </summary>
public sealed class AcceptEncodingTests
{
    private static StringValues Normalized(StringValues header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = header;
        PublicCachePipeline.NormalizeAcceptEncoding(context.Request);
        return context.Request.Headers.AcceptEncoding;
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=1.0, gzip;q=0.8", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("gzip;q=0, br;q=0", "")]
    [InlineData("identity", "")]
    [InlineData("deflate, zstd", "")]
    public void EachSpelling_GivesTheSameChoice_TheFirstTimeAndWhenItIsKnown(string spelling, string expected)
    {
        var first = Normalized(spelling);
        var second = Normalized(spelling);

        Assert.Equal(expected, first.ToString());
        Assert.Equal(expected, second.ToString());
        Assert.Equal(expected.Length == 0 ? 0 : 1, second.Count);
        Assert.True(PublicCachePipeline.Spellings.Shared.IsKnown(spelling) || PublicCachePipeline.Spellings.Shared.Count == PublicCachePipeline.Spellings.MaxCount);
    }

    [Fact]
    public void SeveralHeaderLines_AreReadTogether()
    {
        Assert.Equal("gzip", Normalized(new StringValues(["br;q=0", "gzip"])).ToString());
        Assert.Equal(StringValues.Empty, Normalized(StringValues.Empty));
    }

    [Fact]
    public void MadeUpSpellings_AreAnswered_ButKnownOnlyUpToTheBound_EvenWhenSentAtOnce()
    {
        var spellings = new PublicCachePipeline.Spellings();
        var made = Enumerable.Range(0, 500).Select(i => $"x-{i}, gzip").ToList();

        Parallel.ForEach(made, spelling => Assert.Equal("gzip", spellings.Choose(spelling)));

        Assert.Equal(PublicCachePipeline.Spellings.MaxCount, spellings.Count);
        Assert.Equal(PublicCachePipeline.Spellings.MaxCount, made.Count(spellings.IsKnown));
        Assert.Equal("gzip", spellings.Choose(made[^1]));
    }

    [Fact]
    public void ALongSpelling_IsAnswered_ButNotKept()
    {
        var spellings = new PublicCachePipeline.Spellings();
        var tooLong = "br, " + new string('x', PublicCachePipeline.Spellings.MaxLength);

        Assert.Equal("br", spellings.Choose(tooLong));
        Assert.Equal("br", spellings.Choose("br"));
        Assert.False(spellings.IsKnown(tooLong));
        Assert.True(spellings.IsKnown("br"));
    }
}
