using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>
/// What is worked out from texts that never change (a snapshot's rendering, the comparison of two snapshots), kept up to
/// a bounded size, the least recently used dropped first, and dropped too after an hour without use.
/// </summary>
internal sealed class KeptValues(long sizeLimit)
{
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    public bool TryGet<T>(object key, [NotNullWhen(true)] out T? value)
        where T : class =>
        _kept.TryGetValue(key, out value) && value is not null;

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, costing <paramref name="size"/> of the limit (the characters kept).</summary>
    public void Keep(object key, object value, long size) =>
        _kept.Set(key, value, new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromHours(1) });
}
