using System.Collections.Concurrent;
using Integrationsoffensive.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// The public pages readers ask for most (<c>/</c>, the list's first page, in each encoding), kept as
/// the bytes and headers the output cache last sent for them and answered at the front of the
/// pipeline: no routing, no output-cache lookup, no per-request header callbacks. On the night the
/// press links the appeal nearly every request is one of them.
/// <para>
/// Only what the output cache itself answered is kept: a GET without a query string, conditional
/// headers or credentials, answered 200 without a cookie by a public cache policy. A kept answer is
/// given only while nothing was evicted since it was taken (<see cref="Evicted"/>, called by the store
/// after every eviction has removed its entries), while the content files' version is the one it
/// was taken under, and no longer than the output cache would keep it. Everything else (a query, a
/// conditional request, HEAD, a search) goes the whole way as before.
/// </para>
/// <para>
/// One instance only: with the output cache in Redis an approval on another instance evicts there,
/// which this process would not learn without asking Redis on every hit; there it stays off.
/// Bounded: at most <see cref="MaxEntries"/> answers of at most <see cref="MaxBodyBytes"/> each; when
/// full it starts over.
/// </para>
/// </summary>
public sealed class HotPages(ContentStore content, TimeProvider clock, bool enabled)
{
    public const int MaxEntries = 96;
    public const int MaxBodyBytes = 64 * 1024;

    // Not repeated from a kept answer: the server writes its own, or they describe one transfer.
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.Age, HeaderNames.Connection, HeaderNames.KeepAlive,
    };

    // One table per encoding (br, gzip, none) and scheme (an HTTPS answer carries HSTS, a plain one
    // does not), as the output cache keys them; the path's case is ignored, as the output cache ignores it.
    private readonly ConcurrentDictionary<string, Entry>[] _kept =
        Enumerable.Range(0, 6).Select(_ => new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase)).ToArray();

    private readonly ConcurrentDictionary<(int, string), bool> _taking = new();
    private long _evictions;
    private long _lastEvictionMs = long.MinValue; // Environment.TickCount64, the output cache's own kind of time
    private int _count;
    private long _answered;

    /// <summary>How many requests were answered from a kept page (for tests and benchmarks).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Called by the output cache's store after an eviction removed its entries: nothing kept before is given again.</summary>
    public void Evicted()
    {
        Interlocked.Exchange(ref _lastEvictionMs, Environment.TickCount64);
        Interlocked.Increment(ref _evictions);
        Clear();
    }

    /// <summary>The first middleware after the forwarded headers: answers a request from a kept page, or passes it on.</summary>
    public Task Answer(HttpContext context, RequestDelegate next)
    {
        if (enabled
            && Variant(context.Request) is { } variant
            && _kept[variant].TryGetValue(context.Request.Path.Value!, out var entry)
            && entry.Evictions == Interlocked.Read(ref _evictions)
            && clock.GetTimestamp() < entry.Expires
            && string.Equals(entry.ContentVersion, content.Version(), StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _answered);
            return entry.WriteAsync(context.Response, clock);
        }

        return next(context);
    }

    /// <summary>
    /// In the public branch, before the output cache: a request that may be kept records what the
    /// cache answers (one request per page and encoding at a time), and keeps it if the cache would
    /// give the same answer to anyone.
    /// </summary>
    internal Task Take(HttpContext context, RequestDelegate next)
    {
        if (!enabled || Variant(context.Request) is not { } variant)
        {
            return next(context);
        }

        // Not the same page spelled with a trailing slash (routing accepts both): the bound is for pages.
        var path = context.Request.Path.Value!;
        if (path.Length > 256 || (path.Length > 1 && path[^1] == '/') || !_taking.TryAdd((variant, path), true))
        {
            return next(context);
        }

        return TakeAsync(context, next, variant, path);
    }

    private async Task TakeAsync(HttpContext context, RequestDelegate next, int variant, string path)
    {
        // Read before the answer is looked up or rendered: an eviction that completes meanwhile moves it.
        var evictions = Interlocked.Read(ref _evictions);
        var version = content.Version();
        var response = context.Response;
        var original = response.Body;
        // The output cache's verdict is read at the answer's first bytes, while its feature is there
        // (it is removed when the cache is done): a public policy, for anyone.
        using var recorder = new Recorder(original, () => context.Features.Get<IOutputCacheFeature>() is { Context: { EnableOutputCaching: true, AllowCacheLookup: true } });
        response.Body = recorder;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
            _taking.TryRemove((variant, path), out _);
        }

        if (recorder.Overflowed
            || response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || context.RequestAborted.IsCancellationRequested
            || !recorder.Shareable)
        {
            return;
        }

        var now = clock.GetTimestamp();
        var age = long.TryParse(response.Headers.Age.ToString(), out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        var left = PublicCache.Lifetime - age;
        if (left <= TimeSpan.Zero)
        {
            return;
        }

        // An answer the cache had stored (it says its age, in whole seconds) that may be older than the
        // last eviction is not kept: a lookup begun before the eviction can hand it to a request that
        // began after it. The next render, or a hit a second later, is kept instead.
        if (response.Headers.Age.Count != 0
            && Environment.TickCount64 - (long)age.TotalMilliseconds - 1000 <= Interlocked.Read(ref _lastEvictionMs))
        {
            return;
        }

        var headers = response.Headers.Where(h => !NotKept.Contains(h.Key)).ToArray();
        var entry = new Entry(recorder.ToArray(), headers, evictions, version, now + (long)(left.TotalSeconds * clock.TimestampFrequency), now - (long)(age.TotalSeconds * clock.TimestampFrequency));
        if (Interlocked.Read(ref _evictions) != evictions)
        {
            return; // evicted while it was answered: what it shows may be older than the eviction
        }

        var table = _kept[variant];
        if (!table.ContainsKey(path) && Count >= MaxEntries)
        {
            Clear(); // full (many distinct pages): start over, the pages asked for most come back first
        }

        // Added (and counted) or replaced; the count stays exact when an eviction clears meanwhile.
        while (!table.TryAdd(path, entry))
        {
            if (table.TryGetValue(path, out var kept) && table.TryUpdate(path, entry, kept))
            {
                return;
            }
        }

        Interlocked.Increment(ref _count);
    }

    private void Clear()
    {
        foreach (var table in _kept)
        {
            foreach (var key in table.Keys)
            {
                if (table.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    // The table for the request's encoding and scheme; null for a request the kept pages never answer.
    private static int? Variant(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue)
        {
            return null;
        }

        var headers = request.Headers;
        if (headers.IfNoneMatch.Count != 0 || headers.IfModifiedSince.Count != 0 || headers.Authorization.Count != 0
            || headers.IfMatch.Count != 0 || headers.IfUnmodifiedSince.Count != 0 || headers.Range.Count != 0)
        {
            return null;
        }

        var encoding = PublicCachePipeline.ChosenEncoding(request) switch
        {
            "br" => 0,
            "gzip" => 1,
            _ => 2,
        };
        return encoding * 2 + (request.IsHttps ? 1 : 0);
    }

    private sealed class Entry(byte[] body, KeyValuePair<string, StringValues>[] headers, long evictions, string contentVersion, long expires, long stored)
    {
        // Every age a kept answer can have, formatted once.
        private static readonly string[] Ages = Enumerable.Range(0, (int)PublicCache.Lifetime.TotalSeconds + 2).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        public long Evictions { get; } = evictions;

        public string ContentVersion { get; } = contentVersion;

        public long Expires { get; } = expires;

        public Task WriteAsync(HttpResponse response, TimeProvider clock)
        {
            response.StatusCode = StatusCodes.Status200OK;
            var target = response.Headers;
            foreach (var (name, value) in headers)
            {
                target[name] = value;
            }

            var age = (long)clock.GetElapsedTime(stored).TotalSeconds;
            target.Age = age >= 0 && age < Ages.Length ? Ages[age] : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body).AsTask();
        }
    }

    /// <summary>Passes the answer through and keeps a copy of it, up to <see cref="MaxBodyBytes"/>.</summary>
    private sealed class Recorder(Stream inner, Func<bool> shareable) : Stream
    {
        private readonly MemoryStream _copy = new();
        private bool _asked;

        public bool Overflowed { get; private set; }

        /// <summary>The output cache's verdict when the first bytes were written; false when none were.</summary>
        public bool Shareable { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _copy.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _copy.Dispose(); // the response's own stream is not ours to close
            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (!_asked)
            {
                _asked = true;
                Shareable = shareable();
            }

            if (Overflowed)
            {
                return;
            }

            if (_copy.Length + buffer.Length > MaxBodyBytes)
            {
                Overflowed = true;
                _copy.SetLength(0);
                return;
            }

            _copy.Write(buffer);
        }
    }
}
