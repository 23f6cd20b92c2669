using System.Linq.Expressions;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>One page of a list that can grow, and where it sits in the whole list.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + Size - 1) / Size);

    public bool IsEmpty => TotalCount == 0;

    /// <summary>"Showing 21 to 40 of 53".</summary>
    public int FirstShown => TotalCount == 0 ? 0 : ((Number - 1) * Size) + 1;

    public int LastShown => Math.Min(Number * Size, TotalCount);

    /// <summary>The same page of the list, each item shown as something else (rows read, then rows shown).</summary>
    public PageOf<TShown> With<TShown>(IReadOnlyList<TShown> items) => new(items, Number, Size, TotalCount);
}

public static class Paging
{
    public const int DefaultSize = 20;

    /// <summary>
    /// A page number from the query string: anything below 1 is page 1. Name the query parameter anything but
    /// "page", which Razor Pages keeps for the page's own name.
    /// </summary>
    public static int Clamp(int page) => Math.Max(1, page);

    public static Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int page, CancellationToken ct, int size = DefaultSize) =>
        query.ToPageAsync(page, rows => rows, ct, size);

    /// <summary>
    /// A page of <paramref name="query"/>, each row then read as <paramref name="shown"/> makes it: what is joined there
    /// (such as each contribution's current response) is looked up for this page's rows only, after PostgreSQL has
    /// ordered and cut the list.
    /// </summary>
    public static async Task<PageOf<TShown>> ToPageAsync<T, TShown>(
        this IQueryable<T> query, int page, Func<IQueryable<T>, IQueryable<TShown>> shown, CancellationToken ct, int size = DefaultSize)
    {
        // The page and the length of the whole list in one statement: each row carries the count, which PostgreSQL works
        // out once (an uncorrelated subquery), so a list costs one round trip instead of two.
        int number = Clamp(page);
        var rows = await PageWithTotal(query, number, shown, size).ToListAsync(ct);
        if (rows.Count > 0)
        {
            return new PageOf<TShown>([.. rows.Select(r => r.Item)], number, size, rows[0].Total);
        }

        if (number == 1)
        {
            return new PageOf<TShown>([], 1, size, 0);
        }

        // Past the end (a list that shrank since the link was made): the last page, which needs the count first.
        int total = await query.CountAsync(ct);
        number = Within(number, total, size);
        var items = total == 0 ? [] : await shown(query.Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        return new PageOf<TShown>(items, number, size, total);
    }

    // The first page (nearly every request) is asked with its size written into the SQL and no offset, so PostgreSQL
    // can keep one plan for it. Sent as parameters, an offset and a size PostgreSQL cannot see make any plan kept for
    // them look dearer than one made for each call's values, so it planned the statement again on every request: up to
    // 3.6 ms for "my input" at scale 100, more than running it (docs/benchmarks.md, tenth round). Later pages stay
    // parameters, so each page number is not a statement of its own.
    private static IQueryable<WithTotal<TShown>> PageWithTotal<T, TShown>(
        IQueryable<T> query, int number, Func<IQueryable<T>, IQueryable<TShown>> shown, int size) =>
        shown(number == 1 ? FirstOf(query, size) : query.Skip((number - 1) * size).Take(size))
            .Select(item => new WithTotal<TShown>(item, query.Count()));

    // EF Core sends Take's count as a parameter whatever it is given, unless the count is EF.Constant in the query's own
    // expression; Queryable.Take would evaluate that call before EF Core saw it, so the call is built here.
    private static IQueryable<T> FirstOf<T>(IQueryable<T> query, int size) =>
        query.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression,
            Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(size))));

    private sealed record WithTotal<TItem>(TItem Item, int Total);

    public static PageOf<T> ToPage<T>(this IEnumerable<T> items, int page, int size = DefaultSize)
    {
        var all = items as IReadOnlyList<T> ?? [.. items];
        int number = Within(page, all.Count, size);
        return new PageOf<T>([.. all.Skip((number - 1) * size).Take(size)], number, size, all.Count);
    }

    // A page past the end (a list that shrank since the link was made) shows the last page.
    private static int Within(int page, int total, int size)
    {
        int last = Math.Max(1, (total + size - 1) / size);
        return Math.Min(Clamp(page), last);
    }
}

/// <summary>What the NHS pagination component needs: the page shown, how many, and the address of each.</summary>
public sealed record PaginationLinks(int Number, int TotalPages, Func<int, string> UrlFor, string? ListName = null)
{
    public static PaginationLinks For<T>(PageOf<T> page, Func<int, string> urlFor, string? listName = null) =>
        new(page.Number, page.TotalPages, urlFor, listName);
}
